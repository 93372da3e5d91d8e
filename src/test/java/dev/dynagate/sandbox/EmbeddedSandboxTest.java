package dev.dynagate.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The app's sandbox when its data folder is already served by another one (a terminal's, another window's). */
@Timeout(120)
class EmbeddedSandboxTest {
    @TempDir
    Path data;

    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final List<URI> started = new CopyOnWriteArrayList<>();

    @Test
    void theWindowUsesTheSandboxThatHasItsFolderAndStartsItsOwnWhenThatOneStops() throws Exception {
        EmbeddedSandbox embedded = new EmbeddedSandbox(data);
        embedded.addLogListener(messages::add);
        embedded.addStartListener(started::add);
        URI theirs;
        try (Sandbox other = Sandbox.start(SandboxOptions.of(0, data), line -> { })) {
            theirs = other.endpoint();

            assertThat(embedded.endpoint()).isEqualTo(theirs);
            assertThat(embedded.isRunning()).isTrue();
            assertThat(embedded.attachedTo()).isEqualTo(theirs);
            assertThat(embedded.sandbox()).isNull();
            assertThat(started).containsExactly(theirs);
            assertThat(messages).contains("The data folder is in use by another Dynagate sandbox (process "
                    + ProcessHandle.current().pid() + " at " + theirs + "): this window uses that one, and its Lambda "
                    + "invocations are listed where it runs");

            embedded.close(); // lets go of it; it is not this window's to stop
            assertThat(EmbeddedSandbox.answers(theirs)).isTrue();
            assertThat(embedded.isRunning()).isFalse();
            assertThat(messages).contains("This window no longer uses the sandbox at " + theirs
                    + "; it keeps running in its own process");
            assertThat(embedded.endpoint()).isEqualTo(theirs);
        }
        try {
            URI own = embedded.endpoint();
            assertThat(messages).contains("The sandbox at " + theirs + " has stopped; this window starts its own");
            assertThat(embedded.sandbox()).isNotNull();
            assertThat(embedded.attachedTo()).isNull();
            assertThat(own.getPort()).as("clients built for the other one stay valid").isEqualTo(theirs.getPort());
            assertThat(EmbeddedSandbox.answers(own)).isTrue();
        } finally {
            embedded.close();
        }
    }

    @Test
    void nothingAnswersWhereNoSandboxRuns() {
        assertThat(EmbeddedSandbox.answers(URI.create("http://127.0.0.1:1"))).isFalse();
    }
}
