package dev.dynagate.ui;

import java.util.concurrent.Executor;
import javafx.application.Platform;

/** Runs presenter callbacks on the JavaFX thread; tests pass {@code Runnable::run} instead. */
public final class FxExecutor implements Executor {
    @Override
    public void execute(Runnable command) {
        if (Platform.isFxApplicationThread()) {
            command.run();
        } else {
            Platform.runLater(command);
        }
    }
}
