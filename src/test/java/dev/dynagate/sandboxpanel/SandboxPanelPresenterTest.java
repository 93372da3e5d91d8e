package dev.dynagate.sandboxpanel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynagate.sandbox.SandboxStorage;
import dev.dynagate.ui.Operations;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class SandboxPanelPresenterTest {
    private final Operations operations = new Operations(Runnable::run, Runnable::run, Clock.systemUTC());

    /** A local cloud whose start can be made to fail, and whose invocations the test fires. */
    static final class FakeCloud implements LocalCloud {
        final List<Consumer<InvocationRow>> invocationListeners = new ArrayList<>();
        final List<Consumer<String>> logListeners = new ArrayList<>();
        boolean running;
        String startFailure;
        SandboxStorage saved = SandboxStorage.KEPT;
        SandboxStorage startedWith;
        String saveFailure;
        URI attached;

        @Override
        public URI start() throws Exception {
            if (startFailure != null) {
                throw new java.net.BindException(startFailure);
            }
            running = true;
            startedWith = saved;
            logListeners.forEach(l -> l.accept("Sandbox ready at http://127.0.0.1:4567"));
            return URI.create("http://127.0.0.1:4567");
        }

        @Override
        public void stop() {
            running = false;
        }

        @Override
        public boolean isRunning() {
            return running;
        }

        @Override
        public Path dataDir() {
            return Path.of("/tmp/sandbox-data");
        }

        @Override
        public SandboxStorage storage() {
            return saved;
        }

        @Override
        public void storage(SandboxStorage value) throws java.io.IOException {
            if (saveFailure != null) {
                throw new java.nio.file.AccessDeniedException(saveFailure);
            }
            saved = value;
        }

        @Override
        public SandboxStorage runningStorage() {
            return running ? startedWith : null;
        }

        @Override
        public URI attachedTo() {
            return running ? attached : null;
        }

        @Override
        public List<InvocationRow> invocations() {
            return List.of(row("earlier", "SUCCESS"));
        }

        @Override
        public void onInvocation(Consumer<InvocationRow> listener) {
            invocationListeners.add(listener);
        }

        @Override
        public void onLog(Consumer<String> listener) {
            logListeners.add(listener);
        }

        void invoke(InvocationRow row) {
            invocationListeners.forEach(l -> l.accept(row));
        }
    }

    static InvocationRow row(String function, String outcome) {
        return new InvocationRow("req-" + function, function, Instant.parse("2026-11-26T10:00:00Z"), 12.5, null,
                outcome, "START RequestId: req-" + function + " Version: $LATEST\nEND RequestId: req-" + function);
    }

    @Test
    void startShowsTheEndpointAndWhatTheSandboxSaid() {
        FakeCloud cloud = new FakeCloud();
        SandboxPanelPresenter presenter = new SandboxPanelPresenter(cloud, operations);
        assertThat(presenter.state().get()).isEqualTo(SandboxPanelPresenter.State.STOPPED);

        presenter.start().join();

        assertThat(presenter.state().get()).isEqualTo(SandboxPanelPresenter.State.RUNNING);
        assertThat(presenter.endpoint().get()).isEqualTo("http://127.0.0.1:4567");
        assertThat(presenter.log()).containsExactly("Sandbox ready at http://127.0.0.1:4567");
        assertThat(presenter.dataFolder()).isEqualTo("/tmp/sandbox-data");
    }

    @Test
    void aSandboxOfAnotherProcessIsToldApartAndForgottenOnStop() {
        FakeCloud cloud = new FakeCloud();
        cloud.attached = URI.create("http://127.0.0.1:8000");
        SandboxPanelPresenter presenter = new SandboxPanelPresenter(cloud, operations);

        presenter.start().join();
        assertThat(presenter.elsewhere().get()).isTrue();

        presenter.stop().join();
        assertThat(presenter.elsewhere().get()).isFalse();
    }

    @Test
    void aFailedStartSaysWhy() {
        FakeCloud cloud = new FakeCloud();
        cloud.startFailure = "Address already in use";
        SandboxPanelPresenter presenter = new SandboxPanelPresenter(cloud, operations);

        presenter.start().handle((v, e) -> null).join();

        assertThat(presenter.state().get()).isEqualTo(SandboxPanelPresenter.State.FAILED);
        assertThat(presenter.problem().get()).isEqualTo("The sandbox could not start: Address already in use");
    }

    @Test
    void stopClearsTheEndpoint() {
        FakeCloud cloud = new FakeCloud();
        SandboxPanelPresenter presenter = new SandboxPanelPresenter(cloud, operations);
        presenter.start().join();

        presenter.stop().join();

        assertThat(cloud.running).isFalse();
        assertThat(presenter.state().get()).isEqualTo(SandboxPanelPresenter.State.STOPPED);
        assertThat(presenter.endpoint().get()).isEmpty();
    }

    @Test
    void invocationsArriveAsTheyHappenAndAreBounded() {
        FakeCloud cloud = new FakeCloud();
        cloud.running = true;
        SandboxPanelPresenter presenter = new SandboxPanelPresenter(cloud, operations);
        assertThat(presenter.invocations()).extracting(InvocationRow::function).containsExactly("earlier");

        for (int i = 0; i < SandboxPanelPresenter.MAX_ROWS + 10; i++) {
            cloud.invoke(row("f" + i, i % 2 == 0 ? "SUCCESS" : "ERROR"));
        }

        assertThat(presenter.invocations()).hasSize(SandboxPanelPresenter.MAX_ROWS);
        assertThat(presenter.invocations().get(presenter.invocations().size() - 1).function())
                .isEqualTo("f" + (SandboxPanelPresenter.MAX_ROWS + 9));
        presenter.clearInvocations();
        assertThat(presenter.invocations()).isEmpty();
    }

    @Test
    void theWayWritesAreKeptIsReadSavedAndAppliesFromTheNextStart() {
        FakeCloud cloud = new FakeCloud();
        cloud.saved = SandboxStorage.FORCED;
        SandboxPanelPresenter presenter = new SandboxPanelPresenter(cloud, operations);
        assertThat(presenter.storage().get()).isEqualTo(SandboxStorage.FORCED);
        assertThat(presenter.runningStorage().get()).isNull();

        presenter.storage().set(SandboxStorage.IN_MEMORY);
        assertThat(cloud.saved).isEqualTo(SandboxStorage.IN_MEMORY);
        presenter.start();
        assertThat(presenter.runningStorage().get()).isEqualTo(SandboxStorage.IN_MEMORY);
        presenter.stop();
        assertThat(presenter.runningStorage().get()).isNull();

        cloud.saveFailure = "/home/someone/.config/dynagate/sandbox.json";
        presenter.storage().set(SandboxStorage.KEPT);
        assertThat(cloud.saved).isEqualTo(SandboxStorage.IN_MEMORY);
        assertThat(presenter.storageProblem().get()).isEqualTo("The choice could not be saved, so it lasts until "
                + "Dynagate closes: /home/someone/.config/dynagate/sandbox.json");
        cloud.saveFailure = null;
        presenter.storage().set(SandboxStorage.FORCED);
        assertThat(presenter.storageProblem().get()).isEmpty();
    }
}
