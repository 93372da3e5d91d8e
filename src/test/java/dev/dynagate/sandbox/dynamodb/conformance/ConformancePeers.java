package dev.dynagate.sandbox.dynamodb.conformance;

import dev.dynagate.testing.Peers;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the conformance tests find dynalite and the AWS CLI (installed by {@code .ci/install-peers.sh}). */
final class ConformancePeers {
    private static final String INSTALL_HINT = "run .ci/install-peers.sh";

    private ConformancePeers() {
    }

    /** dynalite from DYNALITE_BIN, PATH, or the install script's cache folder; skips (fails in CI) when missing. */
    static Path dynalite() {
        String fromEnv = System.getenv("DYNALITE_BIN");
        if (fromEnv != null && Files.isExecutable(Path.of(fromEnv))) {
            return Path.of(fromEnv);
        }
        Path onPath = Peers.executable("dynalite");
        if (onPath != null) {
            return onPath;
        }
        Path cached = Path.of(System.getProperty("user.home"), ".cache", "dynagate-peers", "node_modules", ".bin", "dynalite");
        Peers.assume(Files.isExecutable(cached), "dynalite not found in DYNALITE_BIN, on PATH or in " + cached
                + " (" + INSTALL_HINT + ")");
        return cached;
    }

    /** The AWS CLI v2: Debian's /usr/bin/aws first, else aws on PATH. */
    static Path awsCli() {
        Path debian = Path.of("/usr/bin/aws");
        if (Files.isExecutable(debian)) {
            return debian;
        }
        return Peers.require("aws", INSTALL_HINT + " for Debian's awscli");
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
