package dev.dynagate.sandboxpanel;

import dev.dynagate.config.JsonFile;
import dev.dynagate.sandbox.SandboxStorage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The built-in sandbox's saved choices ({@code sandbox.json} in the config folder): how it keeps writes. Reading and
 * writing block; they run on background threads (the sandbox reads it as it starts).
 */
public final class SandboxSettings {
    private final JsonFile<Saved> file;
    /** The latest choice made in this run, which holds even if it could not be saved. */
    private volatile SandboxStorage chosen;

    /** What the file holds; a missing or unreadable file means the defaults. */
    public record Saved(SandboxStorage storage) {
        public Saved {
            storage = storage == null ? SandboxStorage.KEPT : storage;
        }

        static Saved defaults() {
            return new Saved(SandboxStorage.KEPT);
        }
    }

    public SandboxSettings(Path configFolder) {
        this.file = new JsonFile<>(configFolder.resolve("sandbox.json"), Saved.class, Saved::defaults);
    }

    public SandboxStorage storage() {
        SandboxStorage value = chosen;
        return value != null ? value : file.load().value().storage();
    }

    /** Makes {@code value} the choice for this run, then saves it for the next ones. */
    public void storage(SandboxStorage value) throws IOException {
        chosen = value;
        file.save(new Saved(value));
    }
}
