package dev.dynagate.sandbox.lambda;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;

/**
 * The parent of every function's class loader: the JDK plus the Lambda handler and event types
 * (aws-lambda-java-core and -events) and {@link LambdaEnvironment}, nothing else of the sandbox. Sharing the event
 * types lets the runtime hand a function the event objects it deserialized; hiding the rest keeps a function's own
 * libraries (its AWS SDK, its Jackson) from clashing with ours.
 */
final class LambdaApiClassLoader extends ClassLoader {
    private static final String LAMBDA_TYPES = "com.amazonaws.services.lambda.runtime.";

    private final ClassLoader application;

    LambdaApiClassLoader(ClassLoader application) {
        super("lambda-api", ClassLoader.getPlatformClassLoader());
        this.application = application;
    }

    static boolean shared(String className) {
        return className.startsWith(LAMBDA_TYPES) || className.equals(LambdaEnvironment.class.getName());
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        if (shared(name)) {
            return application.loadClass(name);
        }
        throw new ClassNotFoundException(name);
    }

    @Override
    protected URL findResource(String name) {
        return shared(name.replace('/', '.').replaceAll("\\.class$", "")) ? application.getResource(name) : null;
    }

    @Override
    protected Enumeration<URL> findResources(String name) throws IOException {
        URL one = findResource(name);
        return one == null ? Collections.emptyEnumeration() : Collections.enumeration(java.util.List.of(one));
    }
}
