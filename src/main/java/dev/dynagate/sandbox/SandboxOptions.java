package dev.dynagate.sandbox;

import dev.dynagate.sandbox.dynamodb.storage.Durability;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How to start the sandbox.
 *
 * @param port        TCP port on 127.0.0.1; 0 picks a free one
 * @param dataDir     folder for durable data
 * @param demo        seed the demo backend (tables, functions, APIs) when it is not there yet
 * @param template    a SAM template to load, or null
 * @param tableStatusDelay how long new, updated or deleted tables stay in a transitional status (zero: ACTIVE at once)
 * @param durability when a DynamoDB write is acknowledged (null: {@link Durability#PROCESS})
 * @param inMemory    keep nothing after the sandbox stops: DynamoDB's tables live only in memory, and the other
 *                    components use a temporary folder (dataDir is ignored) that is removed when the sandbox closes
 */
public record SandboxOptions(int port, Path dataDir, boolean demo, Path template, Duration tableStatusDelay,
                             Durability durability, boolean inMemory) {

    public SandboxOptions {
        tableStatusDelay = tableStatusDelay == null ? Duration.ZERO : tableStatusDelay;
        durability = durability == null ? Durability.PROCESS : durability;
    }

    public static SandboxOptions of(int port, Path dataDir) {
        return new SandboxOptions(port, dataDir, false, null, Duration.ZERO, null, false);
    }

    public SandboxOptions withDemo(boolean value) {
        return new SandboxOptions(port, dataDir, value, template, tableStatusDelay, durability, inMemory);
    }

    public SandboxOptions withTemplate(Path value) {
        return new SandboxOptions(port, dataDir, demo, value, tableStatusDelay, durability, inMemory);
    }

    public SandboxOptions withDurability(Durability value) {
        return new SandboxOptions(port, dataDir, demo, template, tableStatusDelay, value, inMemory);
    }

    /** Options that keep nothing after the sandbox stops; see {@code inMemory}. */
    public static SandboxOptions inMemoryOn(int port) {
        return new SandboxOptions(port, null, false, null, Duration.ZERO, null, true);
    }
}
