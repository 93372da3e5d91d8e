package dev.dynagate.sandbox.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Handlers the Lambda tests deploy from the test class path. */
public final class TestHandlers {
    private TestHandlers() {
    }

    /** Returns its input with the function name and remaining time added. */
    public static final class Echo implements RequestHandler<Map<String, Object>, Map<String, Object>> {
        @Override
        public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
            Map<String, Object> out = new LinkedHashMap<>(input == null ? Map.of() : input);
            out.put("functionName", context.getFunctionName());
            out.put("requestId", context.getAwsRequestId());
            out.put("remaining", context.getRemainingTimeInMillis());
            out.put("arn", context.getInvokedFunctionArn());
            return out;
        }
    }

    public static final class Greeter implements RequestHandler<String, String> {
        @Override
        public String handleRequest(String name, Context context) {
            return "Hello, " + name;
        }
    }

    public static final class Upper implements RequestStreamHandler {
        @Override
        public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
            out.write(new String(in.readAllBytes(), StandardCharsets.UTF_8).toUpperCase().getBytes(StandardCharsets.UTF_8));
        }
    }

    public static final class Failing implements RequestHandler<Object, Object> {
        @Override
        public Object handleRequest(Object input, Context context) {
            throw new IllegalStateException("boom: " + input);
        }
    }

    public static final class Slow implements RequestHandler<Map<String, Object>, String> {
        @Override
        public String handleRequest(Map<String, Object> input, Context context) {
            try {
                Thread.sleep(((Number) input.getOrDefault("millis", 5000)).longValue());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
            return "slept";
        }
    }

    public static final class Env implements RequestHandler<String, String> {
        @Override
        public String handleRequest(String name, Context context) {
            return LambdaEnvironment.getenv(name);
        }
    }

    /** Logs through the Context logger and System.out, as handlers do. */
    public static final class Chatty implements RequestHandler<Object, String> {
        @Override
        public String handleRequest(Object input, Context context) {
            context.getLogger().log("via logger\n");
            System.out.println("via stdout");
            return "ok";
        }
    }

    /** A POJO in and out, as Lambda's serializer maps them. */
    public static final class Pojo implements RequestHandler<Pojo.Sample, Pojo.Summary> {
        public static final class Sample {
            private String subjectId;
            private double temperature;

            public String getSubjectId() {
                return subjectId;
            }

            public void setSubjectId(String subjectId) {
                this.subjectId = subjectId;
            }

            public double getTemperature() {
                return temperature;
            }

            public void setTemperature(double temperature) {
                this.temperature = temperature;
            }
        }

        public record Summary(String subject, boolean fever) {
        }

        @Override
        public Summary handleRequest(Sample sample, Context context) {
            return new Summary(sample.getSubjectId(), sample.getTemperature() >= 38.0);
        }
    }

    /** Prints far more than the log keeps. */
    public static final class Flood implements RequestHandler<Object, String> {
        @Override
        public String handleRequest(Object input, Context context) {
            String line = "x".repeat(1023) + "\n";
            for (int i = 0; i < 2048; i++) {
                context.getLogger().log(line);
            }
            return "done";
        }
    }

    /** A method handler without the interface ({@code Class::method}). */
    public static final class Plain {
        public int twice(int value) {
            return value * 2;
        }
    }

    /** Prints the event it gets on one line after {@code EVENT }, so a test can read it back from the log. */
    public static final class PrintEvent implements RequestStreamHandler {
        @Override
        public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
            System.out.println("EVENT " + new String(in.readAllBytes(), StandardCharsets.UTF_8));
            out.write("null".getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Reads its event as the events library's DynamodbEvent, as Java functions on a stream do, and prints it. */
    public static final class StreamEvents implements RequestHandler<
            com.amazonaws.services.lambda.runtime.events.DynamodbEvent, String> {
        @Override
        public String handleRequest(com.amazonaws.services.lambda.runtime.events.DynamodbEvent event,
                                    Context context) {
            for (var record : event.getRecords()) {
                var change = record.getDynamodb();
                System.out.println("POJO " + record.getEventName() + " "
                        + record.getEventSourceARN().contains(":table/") + " year=" + (1900 + change.getApproximateCreationDateTime().getYear())
                        + " keys=" + change.getKeys().get("id").getS()
                        + " new=" + (change.getNewImage() == null ? "none" : describe(change.getNewImage()))
                        + " old=" + (change.getOldImage() == null ? "none" : describe(change.getOldImage()))
                        + " seq=" + change.getSequenceNumber() + " view=" + change.getStreamViewType());
            }
            return "ok";
        }

        private static String describe(Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb
                .AttributeValue> image) {
            var values = new java.util.TreeMap<String, String>();
            image.forEach((name, v) -> values.put(name, v.getS() != null ? "S:" + v.getS() : v.getN() != null
                    ? "N:" + v.getN() : v.getNULL() != null ? "NULL" : v.getBOOL() != null ? "BOOL:" + v.getBOOL()
                    : v.getSS() != null ? "SS:" + new java.util.TreeSet<>(v.getSS()) : v.getB() != null ? "B:"
                    + v.getB().remaining() : v.getM() != null ? "M:" + v.getM().keySet() : v.getL() != null ? "L:"
                    + v.getL().size() : "?"));
            return values.toString();
        }
    }

    /**
     * Prints the keys of each batch after {@code BATCH } and reports as failed every record whose new image has
     * {@code fail} true, as a function with ReportBatchItemFailures does.
     */
    public static final class FailMarked implements RequestHandler<Map<String, Object>, Map<String, Object>> {
        @Override
        @SuppressWarnings("unchecked")
        public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
            java.util.List<String> keys = new java.util.ArrayList<>();
            java.util.List<Map<String, Object>> failures = new java.util.ArrayList<>();
            for (Map<String, Object> record : (java.util.List<Map<String, Object>>) event.get("Records")) {
                Map<String, Object> change = (Map<String, Object>) record.get("dynamodb");
                keys.add(String.valueOf(((Map<String, Object>) ((Map<String, Object>) change.get("Keys")).get("id"))
                        .get("S")));
                Map<String, Object> image = (Map<String, Object>) change.getOrDefault("NewImage", Map.of());
                if (image.containsKey("fail")) {
                    failures.add(Map.of("itemIdentifier", change.get("SequenceNumber")));
                }
            }
            System.out.println("BATCH " + String.join(",", keys));
            return Map.of("batchItemFailures", failures);
        }
    }
}
