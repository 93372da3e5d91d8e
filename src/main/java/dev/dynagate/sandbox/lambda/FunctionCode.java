package dev.dynagate.sandbox.lambda;

import java.nio.file.Path;

/**
 * Where a function's classes come from.
 *
 * @param location a jar, a classes folder (optionally with a {@code lib/} folder of jars), or null for the
 *                 application's own class path (the built-in demo handlers)
 * @param sha256   base64 SHA-256 of the uploaded package, as Lambda reports it (empty for local paths)
 * @param size     bytes of the uploaded package, 0 for local paths
 */
public record FunctionCode(String location, String sha256, long size) {

    public static FunctionCode applicationClassPath() {
        return new FunctionCode(null, "", 0);
    }

    public static FunctionCode local(Path path) {
        return new FunctionCode(path.toAbsolutePath().normalize().toString(), "", 0);
    }

    public boolean builtIn() {
        return location == null;
    }
}
