package dev.dynagate.sandbox.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JavaType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;

/**
 * A handler instance ready to be called with a raw payload, the way Lambda's Java runtime resolves handler strings:
 * {@code package.Class} (a {@link RequestHandler} or {@link RequestStreamHandler}) or {@code package.Class::method}
 * (any public method taking the input, optionally followed by a {@link Context}, or a stream pair).
 */
final class FunctionHandler {
    private final Object instance;
    private final Method method;
    private final boolean stream;
    private final JavaType inputType;

    private FunctionHandler(Object instance, Method method, boolean stream) {
        this.instance = instance;
        this.method = method;
        this.stream = stream;
        this.inputType = stream || method.getParameterCount() == 0 || method.getParameterTypes()[0] == Context.class
                ? null : LambdaJson.MAPPER.getTypeFactory().constructType(method.getGenericParameterTypes()[0]);
    }

    /** Loads the class and creates the instance: this is the function's cold-start work. */
    static FunctionHandler load(String handler, ClassLoader loader) {
        String className = handler.contains("::") ? handler.substring(0, handler.indexOf("::")) : handler;
        String methodName = handler.contains("::") ? handler.substring(handler.indexOf("::") + 2) : null;
        Class<?> type;
        try {
            type = Class.forName(className, true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            // worded as Lambda's Java runtime reports an unknown handler class
            throw new HandlerNotFoundException("Class not found: " + className,
                    new ClassNotFoundException("Class not found: " + className, e));
        }
        Method method = methodName == null ? interfaceMethod(type) : namedMethod(type, methodName);
        Object instance = Modifier.isStatic(method.getModifiers()) ? null : instantiate(type);
        method.setAccessible(true);
        boolean stream = method.getParameterCount() >= 2 && method.getParameterTypes()[0] == InputStream.class
                && method.getParameterTypes()[1] == OutputStream.class;
        return new FunctionHandler(instance, method, stream);
    }

    /** Lets a handler that holds resources (an SDK client) release them when its environment is discarded. */
    void close() {
        if (instance instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // the environment is gone either way; nothing useful to report to the caller
            }
        }
    }

    /** Runs the handler; its exceptions come out unwrapped. */
    byte[] invoke(byte[] payload, Context context) throws Throwable {
        try {
            if (stream) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                Object[] args = method.getParameterCount() == 3
                        ? new Object[] {new ByteArrayInputStream(payload), out, context}
                        : new Object[] {new ByteArrayInputStream(payload), out};
                method.invoke(instance, args);
                return out.toByteArray();
            }
            Object result = method.invoke(instance, arguments(payload, context));
            return method.getReturnType() == void.class ? "null".getBytes(StandardCharsets.UTF_8)
                    : LambdaJson.MAPPER.writeValueAsBytes(result);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private Object[] arguments(byte[] payload, Context context) throws Exception {
        Class<?>[] types = method.getParameterTypes();
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            args[i] = types[i] == Context.class ? context : input(payload);
        }
        return args;
    }

    private Object input(byte[] payload) throws Exception {
        String text = new String(payload, StandardCharsets.UTF_8).strip();
        if (inputType.getRawClass() == String.class && !text.startsWith("\"")) {
            return text.isEmpty() || text.equals("null") ? null : text;
        }
        if (inputType.getRawClass() == InputStream.class) {
            return new ByteArrayInputStream(payload);
        }
        return text.isEmpty() ? null : LambdaJson.MAPPER.readValue(payload, inputType);
    }

    private static Method interfaceMethod(Class<?> type) {
        boolean streamHandler = RequestStreamHandler.class.isAssignableFrom(type);
        if (!streamHandler && !RequestHandler.class.isAssignableFrom(type)) {
            throw new HandlerNotFoundException("Class " + type.getName()
                    + " does not implement RequestHandler or RequestStreamHandler; name a method with Class::method", null);
        }
        return namedMethod(type, "handleRequest");
    }

    /** The most specific public method of that name: not a bridge, the most parameters first. */
    private static Method namedMethod(Class<?> type, String name) {
        return Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equals(name) && !m.isBridge() && !m.isSynthetic())
                .filter(m -> m.getParameterCount() <= 3)
                .max(Comparator.comparingInt(Method::getParameterCount)
                        .thenComparing(m -> m.getParameterTypes().length > 0 && m.getParameterTypes()[0] != Object.class))
                .orElseThrow(() -> new HandlerNotFoundException(
                        "No public method named " + name + " with appropriate method signature found on class "
                                + type.getName(), null));
    }

    private static Object instantiate(Class<?> type) {
        try {
            var constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (InvocationTargetException e) {
            throw new HandlerNotFoundException("Handler " + type.getName() + " failed to initialise: "
                    + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new HandlerNotFoundException("Class " + type.getName() + " has no public no-argument constructor", e);
        }
    }
}
