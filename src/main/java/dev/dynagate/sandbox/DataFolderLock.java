package dev.dynagate.sandbox;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Keeps a data folder to one sandbox at a time: two sandboxes writing the same log and snapshots would each overwrite
 * what the other acknowledged. The app's Sandbox connection and a {@code sandbox} command without {@code --data}
 * share the platform's folder, so this is a real case, not a theoretical one.
 *
 * <p>An operating-system lock on {@code sandbox.lock}: it goes with the process, so a killed sandbox never leaves a
 * stale lock behind. Who holds it is written to a separate file, {@code sandbox.owner}, because on Windows the bytes
 * of a locked file cannot be read by another process.
 */
public final class DataFolderLock implements AutoCloseable {
    static final String LOCK_FILE = "sandbox.lock";
    static final String OWNER_FILE = "sandbox.owner";

    private final Path folder;
    private final FileChannel channel;
    private final FileLock lock;

    private DataFolderLock(Path folder, FileChannel channel, FileLock lock) {
        this.folder = folder;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the folder, or refuses with {@link DataFolderInUseException} when another sandbox has it. A file system
     * that has no locks (some network shares) gets a warning through {@code log} and no lock, rather than no sandbox.
     */
    public static DataFolderLock acquire(Path folder, Consumer<String> log) throws IOException {
        FileChannel channel = FileChannel.open(folder.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException heldInThisProcess) {
            lock = null;
        } catch (IOException unsupported) {
            log.accept("The data folder " + folder.toAbsolutePath() + " cannot be locked (" + unsupported.getMessage()
                    + "); make sure no other sandbox uses it at the same time");
            return new DataFolderLock(folder, channel, null);
        }
        if (lock == null) {
            channel.close();
            throw new DataFolderInUseException(folder, readOwner(folder));
        }
        return new DataFolderLock(folder, channel, lock);
    }

    /** Records who holds the folder, so a sandbox refused it can say which one to stop or use instead. */
    public void recordOwner(URI endpoint) {
        String owner = "process " + ProcessHandle.current().pid() + " at " + endpoint;
        try {
            Files.writeString(folder.resolve(OWNER_FILE), owner + System.lineSeparator(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            // only the wording of a later refusal depends on it
        }
    }

    private static Optional<String> readOwner(Path folder) {
        try {
            String owner = Files.readString(folder.resolve(OWNER_FILE), StandardCharsets.UTF_8).strip();
            return owner.isEmpty() ? Optional.empty() : Optional.of(owner);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        try {
            if (lock != null) {
                Files.deleteIfExists(folder.resolve(OWNER_FILE));
                lock.release();
            }
            channel.close();
        } catch (IOException e) {
            // the lock goes with the channel, and with the process at the latest
        }
    }

    /** Another sandbox, in this process or another, keeps its data in the folder. */
    public static final class DataFolderInUseException extends IOException {
        private final transient Path folder;
        private final String owner;

        DataFolderInUseException(Path folder, Optional<String> owner) {
            super("The data folder " + folder.toAbsolutePath() + " is in use by another Dynagate sandbox"
                    + owner.map(o -> " (" + o + ")").orElse("")
                    + ". Two sandboxes writing one folder would lose each other's writes: stop that one first, or "
                    + "reach it at its address through Add endpoint.");
            this.folder = folder;
            this.owner = owner.orElse(null);
        }

        public Path folder() {
            return folder;
        }

        /** Who holds the folder ("process 1234 at http://127.0.0.1:8000"), when it said. */
        public Optional<String> owner() {
            return Optional.ofNullable(owner);
        }

        /** Where the sandbox holding the folder answers, when it said. */
        public Optional<URI> ownerEndpoint() {
            if (owner == null) {
                return Optional.empty();
            }
            int at = owner.lastIndexOf(" at ");
            try {
                return at < 0 ? Optional.empty() : Optional.of(URI.create(owner.substring(at + 4).strip()));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }
}
