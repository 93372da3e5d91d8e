package dev.dynagate.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Third-party peers (moto_server, dynalite, the AWS CLI) that integration tests run against. Where a peer is
 * missing the test is skipped with the reason, unless {@code dynagate.requirePeers=true} (set by CI), where it fails.
 */
public final class Peers {
    private Peers() {
    }

    public static boolean required() {
        return Boolean.getBoolean("dynagate.requirePeers")
                || "true".equalsIgnoreCase(System.getenv("DYNAGATE_REQUIRE_PEERS"));
    }

    /** Skips (or, in CI, fails) the calling test when the peer is not available. */
    public static void assume(boolean available, String reason) {
        if (available) {
            return;
        }
        if (required()) {
            fail("required test peer missing: " + reason);
        }
        Assumptions.abort(reason);
    }

    /** Finds an executable on PATH (or at an absolute path), or null. */
    public static Path executable(String name) {
        if (name.contains(File.separator)) {
            Path p = Path.of(name);
            return Files.isExecutable(p) ? p : null;
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** The executable, or skips/fails the test naming how to install it. */
    public static Path require(String name, String installHint) {
        Path found = executable(name);
        assume(found != null, name + " not found on PATH (" + installHint + ")");
        return found;
    }
}
