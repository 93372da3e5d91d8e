package dev.dynagate.requests.collections;

import dev.dynagate.requests.model.RequestSender;
import dev.dynagate.ui.Dialogs;
import dev.dynagate.ui.Operations;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The runner: options, a run of a request, folder or collection in the background with live progress, the results
 * as they arrive, stop, and report export. With a production environment, each mutating request is confirmed by the
 * user first.
 */
public final class RunnerPresenter {
    private final Operations operations;
    private final CollectionRunner runner;
    private final Dialogs dialogs;
    private final IntegerProperty iterations = new SimpleIntegerProperty(1);
    private final ObjectProperty<Path> dataFile = new SimpleObjectProperty<>();
    private final LongProperty delayMillis = new SimpleLongProperty(0);
    private final BooleanProperty bail = new SimpleBooleanProperty(false);
    private final ObservableList<RequestResult> results = FXCollections.observableArrayList();
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final ObjectProperty<RunReport> report = new SimpleObjectProperty<>();
    private final StringProperty summary = new SimpleStringProperty("Pick a request, folder or the collection and run it.");
    private final AtomicReference<CompletableFuture<RunReport>> current = new AtomicReference<>();

    public RunnerPresenter(Operations operations, RequestSender sender, Dialogs dialogs) {
        this.operations = operations;
        this.runner = new CollectionRunner(sender, Clock.systemUTC());
        this.dialogs = dialogs;
    }

    public IntegerProperty iterations() {
        return iterations;
    }

    public ObjectProperty<Path> dataFile() {
        return dataFile;
    }

    public LongProperty delayMillis() {
        return delayMillis;
    }

    public BooleanProperty bail() {
        return bail;
    }

    public ObservableList<RequestResult> results() {
        return results;
    }

    public DoubleProperty progress() {
        return progress;
    }

    public BooleanProperty running() {
        return running;
    }

    public ObjectProperty<RunReport> report() {
        return report;
    }

    public StringProperty summary() {
        return summary;
    }

    /** Runs {@code selection} (null: the whole collection) with the options set. */
    public CompletableFuture<RunReport> run(Collection collection, CollectionItem selection, Environment environment) {
        if (running.get()) {
            return current.get();
        }
        List<Map<String, String>> rows;
        try {
            rows = dataFile.get() == null ? List.of() : DataFile.read(dataFile.get());
        } catch (CollectionFormatException e) {
            summary.set("The data file cannot be used: " + e.getMessage());
            return CompletableFuture.failedFuture(e);
        }
        RunPlan plan = RunPlan.of(collection, selection);
        RunOptions options = new RunOptions(environment, rows.isEmpty() ? iterations.get() : 0, rows,
                Duration.ofMillis(Math.max(0, delayMillis.get())), bail.get(), Duration.ofSeconds(30));
        results.clear();
        report.set(null);
        progress.set(0);
        running.set(true);
        summary.set("Running " + plan.name() + "…");
        CompletableFuture<RunReport> future = operations.run("Running " + plan.name(),
                () -> runner.run(plan, options, new Live(options.effectiveIterations() * plan.requests().size())));
        current.set(future);
        future.whenComplete((done, error) -> operations.ui().execute(() -> {
            running.set(false);
            if (done != null) {
                report.set(done);
                summary.set((done.passed() ? "Passed: " : "Failed: ") + done.summary());
            } else {
                summary.set(future.isCancelled() ? "Stopped." : "The run failed: " + error.getMessage());
            }
        }));
        return future;
    }

    public void stop() {
        CompletableFuture<RunReport> future = current.get();
        if (future != null) {
            future.cancel(true);
        }
    }

    /** Writes the last report as JUnit XML ({@code .xml}) or JSON (anything else). */
    public CompletableFuture<Path> export(Path file) {
        RunReport last = report.get();
        if (last == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("Nothing has run yet."));
        }
        return operations.run("Writing " + file.getFileName(), () -> {
            if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".xml")) {
                JunitReport.write(last, file);
            } else {
                JsonReport.write(last, file);
            }
            return file;
        });
    }

    /** Moves each result to the UI as it arrives; asks the user about production requests on the UI thread. */
    private final class Live implements RunListener {
        private final int total;
        private int done;

        Live(int total) {
            this.total = Math.max(1, total);
        }

        @Override
        public void requestFinished(RequestResult result) {
            double fraction = ++done / (double) total;
            operations.ui().execute(() -> {
                results.add(result);
                progress.set(fraction);
            });
        }

        @Override
        public boolean confirmProductionRequest(PlannedRequest request, Environment environment) {
            return CompletableFuture.supplyAsync(() -> dialogs.confirm("Production environment",
                    "Send " + request.spec().method() + " " + request.path() + " to the production environment \""
                            + environment.name() + "\"?", "Send"), operations.ui()).join();
        }
    }
}
