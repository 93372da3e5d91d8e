package dev.dynagate.sandbox.lambda;

/**
 * One warm instance of a function: its class loader and handler object. Lambda runs concurrent invocations in
 * separate environments, so the runtime keeps a pool of these per function and creates one (a cold start) when
 * none is idle.
 */
record ExecutionEnvironment(FunctionDefinition function, ClassLoader loader, FunctionHandler handler) {

    static ExecutionEnvironment create(FunctionDefinition function) {
        ClassLoader loader = FunctionClassPath.open(function.code());
        try {
            ClassLoader previous = Thread.currentThread().getContextClassLoader();
            Thread.currentThread().setContextClassLoader(loader);
            try {
                return new ExecutionEnvironment(function, loader, FunctionHandler.load(function.handler(), loader));
            } finally {
                Thread.currentThread().setContextClassLoader(previous);
            }
        } catch (RuntimeException | Error e) {
            FunctionClassPath.close(loader);
            throw e;
        }
    }

    void discard() {
        handler.close();
        FunctionClassPath.close(loader);
    }
}
