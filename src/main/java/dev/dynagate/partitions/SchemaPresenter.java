package dev.dynagate.partitions;

import dev.dynagate.ui.ErrorDescriber;
import dev.dynagate.ui.LatestOnly;
import dev.dynagate.ui.Operations;
import dev.dynagate.ui.UserMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Schema & drift tab: reads whole items (a sample, or the whole table) in the background, infers per attribute
 * path the presence, types and their shares, numbers beyond double precision and examples, highlights drift, and
 * generates a Dynamoose model and an Enhanced Client bean from what it found.
 */
public final class SchemaPresenter {
    public static final String DEFAULT_SAMPLE = "10,000";

    public enum Phase { IDLE, SCANNING, DONE, FAILED }

    private final String table;
    private final KeyScanner scanner;
    private final ErrorDescriber errors;
    private final Operations operations;
    private final Executor segmentThreads;
    private final LatestOnly latest = new LatestOnly();
    private final AtomicBoolean cancelRequested = new AtomicBoolean();
    private final AtomicReference<CompletableFuture<?>> running = new AtomicReference<>();

    private final StringProperty sampleSize = new SimpleStringProperty(DEFAULT_SAMPLE);
    private final BooleanProperty wholeTable = new SimpleBooleanProperty(false);
    private final ObjectProperty<Phase> phase = new SimpleObjectProperty<>(Phase.IDLE);
    private final StringProperty progressText = new SimpleStringProperty("");
    private final ObservableList<AttributeProfile> attributes = FXCollections.observableArrayList();
    private final StringProperty basisText = new SimpleStringProperty("");
    private final StringProperty driftSummary = new SimpleStringProperty("");
    private final StringProperty dynamoose = new SimpleStringProperty("");
    private final StringProperty javaBean = new SimpleStringProperty("");
    private final ObjectProperty<UserMessage> problem = new SimpleObjectProperty<>();

    public SchemaPresenter(String table, KeyScanner scanner, ErrorDescriber errors, Operations operations,
                           Executor segmentThreads) {
        this.table = table;
        this.scanner = scanner;
        this.errors = errors;
        this.operations = operations;
        this.segmentThreads = segmentThreads;
    }

    /** Describes the table and reads the sample; a running read is cancelled first. */
    public CompletableFuture<SchemaResult> start() {
        Budget budget;
        try {
            budget = wholeTable.get() ? Budget.unlimited() : BudgetForm.parse(sampleSize.get(), "", "", true);
        } catch (IllegalArgumentException e) {
            problem.set(new UserMessage(e.getMessage(), "", false));
            return CompletableFuture.failedFuture(e);
        }
        long ticket = latest.next();
        cancelRequested.set(false);
        SchemaProfiler profiler = new SchemaProfiler();
        AtomicReference<TableLayout> shape = new AtomicReference<>();
        AtomicReference<ScanProgress> last = new AtomicReference<>(new ScanProgress(0, 0, 0, 4, 0, Duration.ZERO));
        problem.set(null);
        attributes.clear();
        phase.set(Phase.SCANNING);
        progressText.set("Reading items of " + table + "…");
        CompletableFuture<SchemaResult> read = operations.run("Schema of " + table, () -> {
            TableLayout layout = scanner.describe(table);
            shape.set(layout);
            ParallelScan.Outcome outcome = new ParallelScan(scanner, segmentThreads, Clock.systemUTC()).run(
                    layout.table(), true, 4, budget, profiler::add, p -> {
                        last.set(p);
                        operations.ui().execute(() -> {
                            if (latest.isCurrent(ticket) && phase.get() == Phase.SCANNING) {
                                progressText.set(Figures.count(p.items()) + " items read · "
                                        + Figures.capacity(p.capacityUnits()) + " RCU consumed");
                            }
                        });
                    }, () -> cancelRequested.get() && latest.isCurrent(ticket));
            if (outcome.stop() == ScanStop.CANCELLED) {
                throw new CancellationException();
            }
            return SchemaResult.of(profiler, layout, outcome.stop(), outcome.progress(), !wholeTable.get());
        });
        latest.attach(ticket, read);
        running.set(read);
        read.whenCompleteAsync((result, error) -> {
            if (!latest.isCurrent(ticket)) {
                return;
            }
            Throwable cause = error instanceof CompletionException ? error.getCause() : error;
            if (cause instanceof CancellationException && shape.get() != null) {
                show(SchemaResult.of(profiler, shape.get(), ScanStop.CANCELLED, last.get(), !wholeTable.get()));
            } else if (cause != null) {
                problem.set(errors.describe(cause));
                phase.set(Phase.FAILED);
            } else {
                show(result);
            }
        }, operations.ui());
        return read;
    }

    public void cancel() {
        cancelRequested.set(true);
        CompletableFuture<?> read = running.get();
        if (read != null) {
            read.cancel(true);
        }
    }

    private void show(SchemaResult result) {
        attributes.setAll(result.attributes());
        basisText.set(result.basis().text().replace("; bytes by DynamoDB's item-size rules", ""));
        List<AttributeProfile> drifting = result.attributes().stream().filter(AttributeProfile::drifts).toList();
        driftSummary.set(drifting.isEmpty() ? "No type drift: every attribute path holds one type (besides NULL)."
                : "Type drift in " + drifting.size() + (drifting.size() == 1 ? " attribute: " : " attributes: ")
                + drifting.stream().map(a -> a.path() + " (" + a.typesText() + ")").collect(Collectors.joining(", ")));
        dynamoose.set(result.dynamoose());
        javaBean.set(result.javaBean());
        progressText.set(Figures.count(result.items()) + " items read · "
                + Figures.capacity(result.progress().capacityUnits()) + " RCU consumed"
                + (result.stop() == ScanStop.COMPLETE ? "" : " · stopped: " + result.stop().reason()));
        phase.set(Phase.DONE);
    }

    public StringProperty sampleSize() { return sampleSize; }
    public BooleanProperty wholeTable() { return wholeTable; }
    public ObjectProperty<Phase> phase() { return phase; }
    public StringProperty progressText() { return progressText; }
    public ObservableList<AttributeProfile> attributes() { return attributes; }
    public StringProperty basisText() { return basisText; }
    public StringProperty driftSummary() { return driftSummary; }
    public StringProperty dynamoose() { return dynamoose; }
    public StringProperty javaBean() { return javaBean; }
    public ObjectProperty<UserMessage> problem() { return problem; }
}
