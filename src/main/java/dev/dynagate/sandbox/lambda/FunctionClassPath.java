package dev.dynagate.sandbox.lambda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Builds the class loader one execution environment of a function runs in. */
final class FunctionClassPath {
    private FunctionClassPath() {
    }

    /**
     * The application loader for built-in handlers; otherwise a fresh loader over the jar or folder (a folder's
     * {@code lib/*.jar} too, the layout of a Lambda deployment package) whose parent exposes only the Lambda types.
     */
    static ClassLoader open(FunctionCode code) {
        ClassLoader application = FunctionClassPath.class.getClassLoader();
        if (code.builtIn()) {
            return application;
        }
        Path location = Path.of(code.location());
        if (!Files.exists(location)) {
            throw new IllegalStateException("function code not found: " + location);
        }
        return new URLClassLoader("lambda-function", urls(location).toArray(URL[]::new),
                new LambdaApiClassLoader(application));
    }

    static void close(ClassLoader loader) {
        if (loader instanceof URLClassLoader closeable) {
            try {
                closeable.close();
            } catch (IOException e) {
                // the environment is being discarded; an unclosable jar only keeps a file handle open
            }
        }
    }

    private static List<URL> urls(Path location) {
        List<URL> urls = new ArrayList<>();
        try {
            urls.add(location.toUri().toURL());
            Path lib = location.resolve("lib");
            if (Files.isDirectory(location) && Files.isDirectory(lib)) {
                try (Stream<Path> jars = Files.list(lib)) {
                    for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                        urls.add(jar.toUri().toURL());
                    }
                }
            }
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return urls;
    }
}
