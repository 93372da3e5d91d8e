package dev.dynagate.sandbox.lambda;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Lambda's Java runtime error documents and log text for a handler that threw. */
final class LambdaErrors {
    private LambdaErrors() {
    }

    /** {@code {"errorMessage","errorType","stackTrace":[...],"cause":{...}}} as the Java runtime reports it. */
    static ObjectNode document(Throwable error) {
        ObjectNode node = LambdaJson.MAPPER.createObjectNode();
        if (error.getMessage() != null) {
            node.put("errorMessage", error.getMessage());
        }
        node.put("errorType", error.getClass().getName());
        ArrayNode trace = node.putArray("stackTrace");
        for (StackTraceElement frame : error.getStackTrace()) {
            // the runtime's own frames (reflection, the invoker) are not the function's business
            if (frame.getClassName().equals(FunctionHandler.class.getName())
                    || frame.getClassName().startsWith("java.lang.reflect.")
                    || frame.getClassName().startsWith("jdk.internal.reflect.")) {
                break;
            }
            trace.add(frame.toString());
        }
        if (error.getCause() != null && error.getCause() != error) {
            node.set("cause", document(error.getCause()));
        }
        return node;
    }

    static String stackTrace(Throwable error) {
        StringWriter text = new StringWriter();
        error.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
