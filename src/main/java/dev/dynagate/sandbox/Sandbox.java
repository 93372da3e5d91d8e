package dev.dynagate.sandbox;

import dev.dynagate.sandbox.http.SandboxHttpServer;
import dev.dynagate.sandbox.http.SandboxService;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The built-in local cloud: one loopback port serving every component's protocols. Used headless by the
 * {@code sandbox} command and in-process by the GUI's Sandbox connection and by tests.
 */
public final class Sandbox implements AutoCloseable {
    private final SandboxHttpServer server;
    private final List<SandboxComponent> components;
    private final SandboxContext context;
    private final DataFolderLock folderLock;

    private Sandbox(SandboxHttpServer server, List<SandboxComponent> components, SandboxContext context,
                    DataFolderLock folderLock) {
        this.server = server;
        this.components = components;
        this.context = context;
        this.folderLock = folderLock;
    }

    /** Starts every standard component on the options' port and returns once the endpoint answers. */
    public static Sandbox start(SandboxOptions options, Consumer<String> log) throws Exception {
        return start(options, log, SandboxComponents.standard());
    }

    /** Starts the given components (tests use subsets). */
    public static Sandbox start(SandboxOptions options, Consumer<String> log,
                                List<Function<SandboxContext, SandboxComponent>> factories) throws Exception {
        // in memory, the components that keep files get a folder of their own that goes when the sandbox does
        Path dataDir = options.inMemory() ? Files.createTempDirectory("dynagate-sandbox-") : options.dataDir();
        DataFolderLock folderLock;
        try {
            Files.createDirectories(dataDir);
            folderLock = options.inMemory() ? null : DataFolderLock.acquire(dataDir, log);
        } catch (DataFolderLock.DataFolderInUseException inUse) {
            throw inUse;
        } catch (IOException e) {
            throw new DataFolderUnusableException(dataDir, e);
        }
        SandboxHttpServer server;
        try {
            server = new SandboxHttpServer(options.port());
        } catch (IOException | RuntimeException e) {
            if (folderLock != null) {
                folderLock.close();
            }
            removeIfTemporary(options, dataDir);
            throw e;
        }
        if (folderLock != null) {
            folderLock.recordOwner(server.endpoint());
        }
        SandboxContext context = new SandboxContext(server.endpoint(), dataDir, options, log);
        List<SandboxComponent> components = new ArrayList<>();
        Sandbox sandbox = new Sandbox(server, components, context, folderLock);
        try {
            for (Function<SandboxContext, SandboxComponent> factory : factories) {
                SandboxComponent component = factory.apply(context);
                components.add(component);
                component.services().forEach(server::addService);
            }
            server.start();
            for (SandboxComponent component : components) {
                component.started(context);
            }
            return sandbox;
        } catch (Exception | Error e) {
            sandbox.close();
            throw e;
        }
    }

    public URI endpoint() {
        return server.endpoint();
    }

    public int port() {
        return server.port();
    }

    public SandboxContext context() {
        return context;
    }

    /** The component of the given type, for in-process callers such as the sandbox panel. */
    public <T extends SandboxComponent> T component(Class<T> type) {
        return components.stream().filter(type::isInstance).map(type::cast).findFirst()
                .orElseThrow(() -> new IllegalStateException("no sandbox component " + type.getSimpleName()));
    }

    List<SandboxService> services() {
        return components.stream().flatMap(c -> c.services().stream()).toList();
    }

    /**
     * Stops serving first, then closes components in reverse order so data is flushed after the last request, then
     * lets another sandbox have the data folder.
     */
    @Override
    public void close() {
        server.close();
        for (int i = components.size() - 1; i >= 0; i--) {
            try {
                components.get(i).close();
            } catch (RuntimeException e) {
                context.log().accept("error while stopping " + components.get(i).getClass().getSimpleName()
                        + ": " + e.getMessage());
            }
        }
        if (folderLock != null) {
            folderLock.close(); // after the components, so the next sandbox finds every file written
        }
        removeIfTemporary(context.options(), context.dataDir());
    }

    private static void removeIfTemporary(SandboxOptions options, Path dataDir) {
        if (!options.inMemory()) {
            return;
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless: the system's temporary files are cleaned up
        }
    }

    /**
     * The data folder cannot be created or written (a read-only disk, no permission, a file in the way). The cause
     * is in the message, not chained, so whoever shows only the deepest message still shows this one.
     */
    public static final class DataFolderUnusableException extends IOException {
        private final transient Path folder;
        private final String reason;

        DataFolderUnusableException(Path folder, IOException cause) {
            super(describe(folder, reason(cause), "keep nothing (in memory)"));
            this.folder = folder;
            this.reason = reason(cause);
        }

        /** The same sentence, with the way to keep nothing said as the caller offers it ("--in-memory"). */
        public String describe(String keepNothing) {
            return describe(folder, reason, keepNothing);
        }

        private static String describe(Path folder, String reason, String keepNothing) {
            return "The data folder " + folder.toAbsolutePath() + " cannot be used (" + reason + "): give a folder "
                    + "this user can create and write, or " + keepNothing + ".";
        }

        private static String reason(IOException e) {
            if (e instanceof java.nio.file.AccessDeniedException) {
                return "access denied: " + e.getMessage();
            }
            if (e instanceof java.nio.file.FileAlreadyExistsException
                    || e instanceof java.nio.file.NotDirectoryException) {
                return "a file is in the way: " + e.getMessage();
            }
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
    }

    /** Creates the data folder if needed; a helper for callers that build their own options. */
    public static void ensureFolder(Path dir) throws IOException {
        Files.createDirectories(dir);
    }
}
