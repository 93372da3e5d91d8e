package dev.dynagate.sandbox;

import dev.dynagate.sandbox.dynamodb.storage.Durability;
import java.nio.file.Path;

/** How the app's built-in sandbox keeps what is written to it; chosen in the Sandbox panel, used from its next start. */
public enum SandboxStorage {
    /** In the data folder: an answered write survives the app being closed or killed; forced to disk every second. */
    KEPT,
    /** In the data folder, each write forced to disk before it is answered: survives a power loss, writes slower. */
    FORCED,
    /** Nothing kept: tables, functions and APIs live only until the sandbox stops. */
    IN_MEMORY;

    /** The options to start the sandbox with, on {@code port}, keeping data (unless in memory) in {@code dataDir}. */
    public SandboxOptions options(int port, Path dataDir) {
        return switch (this) {
            case KEPT -> SandboxOptions.of(port, dataDir);
            case FORCED -> SandboxOptions.of(port, dataDir).withDurability(Durability.DISK);
            case IN_MEMORY -> SandboxOptions.inMemoryOn(port);
        };
    }
}
