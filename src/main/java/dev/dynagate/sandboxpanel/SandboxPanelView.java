package dev.dynagate.sandboxpanel;

import dev.dynagate.sandbox.SandboxStorage;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Sandbox tab: start/stop, endpoint and data folder, what the sandbox reported, every Lambda invocation's log. */
public final class SandboxPanelView extends BorderPane {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    final Button start = new Button("Start", new FontIcon("fth-play"));
    final Button stop = new Button("Stop", new FontIcon("fth-square"));
    final TableView<InvocationRow> table = new TableView<>();
    final TextArea logText = new TextArea();

    public SandboxPanelView(SandboxPanelPresenter presenter) {
        getStyleClass().add("sandbox-panel");
        getStylesheets().add(SandboxPanelView.class.getResource("sandbox-panel.css").toExternalForm());
        setPadding(new Insets(10));
        setTop(header(presenter));
        setCenter(body(presenter));
    }

    private VBox header(SandboxPanelPresenter presenter) {
        Region dot = new Region();
        dot.getStyleClass().add("state-dot");
        presenter.state().addListener((obs, old, state) -> styleDot(dot, state));
        styleDot(dot, presenter.state().get());
        Label state = new Label();
        state.getStyleClass().add("state-label");
        state.setId("sandbox-state");
        state.textProperty().bind(Bindings.createStringBinding(() -> switch (presenter.state().get()) {
            case STOPPED -> "Stopped — it starts by itself when the Sandbox connection is used";
            case STARTING -> "Starting… (the first start loads the demo data)";
            case RUNNING -> presenter.elsewhere().get()
                    ? "Running in another process, which had the data folder first; Stop lets go of it" : "Running";
            case STOPPING -> "Stopping…";
            case FAILED -> presenter.problem().get();
        }, presenter.state(), presenter.problem(), presenter.elsewhere()));
        start.setId("sandbox-start");
        stop.setId("sandbox-stop");
        start.disableProperty().bind(Bindings.createBooleanBinding(() -> presenter.state().get() == SandboxPanelPresenter.State.RUNNING
                || presenter.state().get() == SandboxPanelPresenter.State.STARTING, presenter.state()));
        stop.disableProperty().bind(presenter.state().isNotEqualTo(SandboxPanelPresenter.State.RUNNING));
        start.setOnAction(e -> presenter.start());
        stop.setOnAction(e -> presenter.stop());
        HBox status = new HBox(8, dot, state, spacer(), start, stop);
        status.setAlignment(Pos.CENTER_LEFT);

        TextField endpoint = readOnlyField();
        endpoint.setId("sandbox-endpoint");
        endpoint.textProperty().bind(Bindings.createStringBinding(() -> presenter.endpoint().get().isEmpty()
                ? "not running" : presenter.endpoint().get(), presenter.endpoint()));
        Button copy = new Button(null, new FontIcon("fth-copy"));
        copy.setTooltip(new Tooltip("Copy the endpoint, for --endpoint-url"));
        copy.disableProperty().bind(presenter.endpoint().isEmpty());
        copy.setOnAction(e -> copy(presenter.endpoint().get()));
        TextField data = readOnlyField();
        data.setId("sandbox-data");
        data.textProperty().bind(Bindings.createStringBinding(() -> shownStorage(presenter) == SandboxStorage.IN_MEMORY
                ? "none: nothing is kept" : presenter.dataFolder(), presenter.storage(), presenter.runningStorage()));
        ComboBox<SandboxStorage> storage = new ComboBox<>(FXCollections.observableArrayList(SandboxStorage.values()));
        storage.setId("sandbox-storage");
        storage.setConverter(new StringConverter<>() {
            @Override
            public String toString(SandboxStorage value) {
                return value == null ? "" : switch (value) {
                    case KEPT -> "Kept in the data folder";
                    case FORCED -> "Kept, forced to disk before each answer";
                    case IN_MEMORY -> "Not kept (in memory)";
                };
            }

            @Override
            public SandboxStorage fromString(String text) {
                return null;
            }
        });
        storage.valueProperty().bindBidirectional(presenter.storage());
        // the running sandbox keeps writes as it was started; the choice applies from the next start
        storage.disableProperty().bind(Bindings.createBooleanBinding(() -> presenter.storage().get() == null
                || presenter.state().get() != SandboxPanelPresenter.State.STOPPED
                && presenter.state().get() != SandboxPanelPresenter.State.FAILED, presenter.state(), presenter.storage()));
        storage.setTooltip(new Tooltip("How the sandbox keeps what is written to it; stop it to change this"));
        GridPane facts = new GridPane();
        facts.setHgap(8);
        facts.setVgap(6);
        facts.addRow(0, new Label("Endpoint"), endpoint, copy);
        facts.addRow(1, new Label("Writes"), storage);
        facts.addRow(2, new Label("Data folder"), data);
        GridPane.setHgrow(endpoint, Priority.ALWAYS);
        GridPane.setHgrow(data, Priority.ALWAYS);
        Label hint = new Label("Any region and any credentials work: aws --endpoint-url ENDPOINT dynamodb list-tables");
        hint.getStyleClass().add("hint");
        Label durability = new Label();
        durability.setId("sandbox-durability");
        durability.getStyleClass().add("hint");
        durability.setWrapText(true);
        durability.textProperty().bind(Bindings.createStringBinding(() -> (durabilityText(presenter) + " "
                + presenter.storageProblem().get()).strip(), presenter.storage(), presenter.runningStorage(),
                presenter.storageProblem(), presenter.elsewhere()));
        VBox header = new VBox(8, status, facts, hint, durability);
        header.setPadding(new Insets(0, 0, 10, 0));
        return header;
    }

    /** The running sandbox's way of keeping writes while it runs, the saved choice otherwise. */
    private static SandboxStorage shownStorage(SandboxPanelPresenter presenter) {
        SandboxStorage running = presenter.runningStorage().get();
        return running != null ? running : presenter.storage().get();
    }

    private static String durabilityText(SandboxPanelPresenter presenter) {
        if (presenter.elsewhere().get()) {
            return "Writes are kept as that process was told when it started (its --durability or --in-memory); "
                    + "the choice above applies when this window starts its own.";
        }
        SandboxStorage shown = shownStorage(presenter);
        if (shown == null) {
            return "";
        }
        return switch (shown) {
            case KEPT -> "Writes are kept in the data folder: an answered write survives Dynagate being closed or "
                    + "killed, and the folder is forced to disk every second.";
            case FORCED -> "Writes are kept in the data folder and forced to disk before they are answered: an "
                    + "answered write survives even a power loss; writes are slower.";
            case IN_MEMORY -> "Nothing is kept: tables, functions and APIs live in memory and are gone when the "
                    + "sandbox stops, like a throwaway database for a test run.";
        };
    }

    private SplitPane body(SandboxPanelPresenter presenter) {
        ListView<String> messages = new ListView<>(presenter.log());
        messages.setId("sandbox-log");
        messages.setPlaceholder(new Label("What the sandbox reports appears here: start, stop, the demo's invoke URLs."));
        messages.setPrefHeight(120);

        TextField filter = new TextField();
        filter.setPromptText("Filter by function");
        filter.textProperty().bindBidirectional(presenter.functionFilter());
        Button clear = new Button("Clear", new FontIcon("fth-trash-2"));
        clear.setOnAction(e -> presenter.clearInvocations());
        HBox tools = new HBox(6, new Label("Lambda invocations"), spacer(), filter, clear);
        tools.setAlignment(Pos.CENTER_LEFT);

        FilteredList<InvocationRow> shown = new FilteredList<>(presenter.invocations());
        presenter.functionFilter().addListener((obs, old, text) -> {
            String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
            shown.setPredicate(needle.isEmpty() ? null : row -> row.function().toLowerCase(Locale.ROOT).contains(needle));
        });
        table.setId("invocations");
        table.setItems(shown);
        table.setPlaceholder(new Label("No invocations yet. Call a demo route (see the invoke URLs above) to see its log."));
        table.getColumns().add(column("Time", 110, row -> TIME.format(row.started())));
        table.getColumns().add(column("Function", 220, InvocationRow::function));
        table.getColumns().add(column("Duration", 90, row -> String.format(Locale.ROOT, "%.1f ms", row.durationMillis())));
        table.getColumns().add(column("Cold start", 110, row -> row.coldStart()
                ? String.format(Locale.ROOT, "init %.0f ms", row.initDurationMillis()) : ""));
        table.getColumns().add(column("Outcome", 90, InvocationRow::outcome));
        table.getColumns().add(column("Request id", 280, InvocationRow::requestId));
        table.setRowFactory(view -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(InvocationRow item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("failed-invocation");
                if (!empty && item != null && !"SUCCESS".equals(item.outcome())) {
                    getStyleClass().add("failed-invocation");
                }
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> presenter.selected().set(row));
        logText.setId("invocation-log");
        logText.setEditable(false);
        logText.setWrapText(true);
        logText.getStyleClass().add("invocation-log");
        logText.setPromptText("Select an invocation to read its log.");
        logText.textProperty().bind(Bindings.createStringBinding(() -> presenter.selected().get() == null ? ""
                : presenter.selected().get().log(), presenter.selected()));
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox invocationsBox = new VBox(6, tools, table);
        SplitPane lower = new SplitPane(invocationsBox, logText);
        lower.setOrientation(Orientation.HORIZONTAL);
        lower.setDividerPositions(0.58);
        SplitPane all = new SplitPane(messages, lower);
        all.setOrientation(Orientation.VERTICAL);
        all.setDividerPositions(0.22);
        return all;
    }

    private static <T> TableColumn<InvocationRow, String> column(String title, double width,
                                                                 java.util.function.Function<InvocationRow, String> value) {
        TableColumn<InvocationRow, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }

    private static void styleDot(Region dot, SandboxPanelPresenter.State state) {
        dot.getStyleClass().removeAll("running", "stopped", "busy", "failed");
        dot.getStyleClass().add(switch (state) {
            case RUNNING -> "running";
            case STOPPED -> "stopped";
            case STARTING, STOPPING -> "busy";
            case FAILED -> "failed";
        });
    }

    private static TextField readOnlyField() {
        TextField field = new TextField();
        field.setEditable(false);
        field.getStyleClass().add("read-only-field");
        return field;
    }

    private static Region spacer() {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return spacer;
    }

    private static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

}
