package dev.dynagate.partitions;

import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Schema & drift tab: attribute paths with presence and type shares, drift highlighted, generated code. */
public final class SchemaView extends BorderPane {
    final TableView<AttributeProfile> table = new TableView<>();
    final TextArea dynamoose = code("schema-dynamoose");
    final TextArea javaBean = code("schema-java");
    private final SchemaPresenter presenter;

    public SchemaView(SchemaPresenter presenter) {
        this.presenter = presenter;
        getStyleClass().add("schema-view");
        getStylesheets().add(PartitionsView.CSS);
        setTop(new VBox(controls(), summary()));
        SplitPane split = new SplitPane(attributes(), generated());
        split.setDividerPositions(0.6);
        setCenter(split);
    }

    private HBox controls() {
        TextField sample = new TextField();
        sample.setId("schema-sample");
        sample.setPrefColumnCount(7);
        sample.textProperty().bindBidirectional(presenter.sampleSize());
        sample.disableProperty().bind(presenter.wholeTable());
        CheckBox whole = new CheckBox("Whole table");
        whole.selectedProperty().bindBidirectional(presenter.wholeTable());
        Button read = new Button("Read", new FontIcon("fth-play"));
        read.setId("schema-read");
        read.getStyleClass().add("accent");
        read.setOnAction(e -> presenter.start());
        Button cancel = new Button("Cancel", new FontIcon("fth-x"));
        cancel.setOnAction(e -> presenter.cancel());
        cancel.disableProperty().bind(presenter.phase().isNotEqualTo(SchemaPresenter.Phase.SCANNING));
        Label sampleLabel = new Label("Sample of");
        Label items = new Label("items");
        Label progress = new Label();
        progress.setId("schema-progress");
        progress.getStyleClass().add("muted");
        progress.textProperty().bind(presenter.progressText());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, sampleLabel, sample, items, whole, progress, spacer, read, cancel);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 10, 4, 10));
        return bar;
    }

    private VBox summary() {
        Label drift = new Label();
        drift.setId("schema-drift");
        drift.setWrapText(true);
        drift.textProperty().bind(presenter.driftSummary());
        drift.getStyleClass().add("drift");
        Label basis = new Label();
        basis.getStyleClass().add("muted");
        basis.textProperty().bind(presenter.basisText());
        Label problem = new Label();
        problem.getStyleClass().add("problem");
        problem.textProperty().bind(Bindings.createStringBinding(() -> presenter.problem().get() == null ? ""
                : presenter.problem().get().oneLine(), presenter.problem()));
        problem.managedProperty().bind(presenter.problem().isNotNull());
        VBox box = new VBox(4, drift, basis, problem);
        box.setPadding(new Insets(2, 10, 8, 10));
        return box;
    }

    private VBox attributes() {
        table.setId("schema-table");
        table.getStyleClass().add("dense");
        TableColumn<AttributeProfile, String> path = column("Attribute path", 200,
                a -> "    ".repeat(a.depth()) + a.path());
        TableColumn<AttributeProfile, String> presence = column("Present", 82, a -> Figures.percent(a.presence()));
        presence.setStyle("-fx-alignment: CENTER-RIGHT;");
        TableColumn<AttributeProfile, String> types = column("Types", 130, AttributeProfile::typesText);
        TableColumn<AttributeProfile, String> beyond = column("Beyond double", 120, a -> a.beyondDouble() == 0 ? ""
                : Figures.count(a.beyondDouble()) + " (e.g. " + a.beyondDoubleExample() + ")");
        TableColumn<AttributeProfile, String> examples = column("Examples", 200,
                a -> a.examples().stream().collect(Collectors.joining("  ·  ")));
        table.getColumns().setAll(java.util.List.of(path, presence, types, beyond, examples));
        table.setItems(presenter.attributes());
        table.setPlaceholder(new Label("Press Read to infer the schema from a sample."));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(AttributeProfile item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("drift-row");
                if (!empty && item != null && item.drifts()) {
                    getStyleClass().add("drift-row");
                    setTooltip(new Tooltip("Type drift: " + item.typesText()));
                } else {
                    setTooltip(null);
                }
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        Label title = new Label("Attributes");
        title.getStyleClass().add("section-title");
        VBox box = new VBox(4, title, table);
        box.setPadding(new Insets(0, 4, 8, 10));
        return box;
    }

    private static TableColumn<AttributeProfile, String> column(String title, double width,
                                                                java.util.function.Function<AttributeProfile, String> f) {
        TableColumn<AttributeProfile, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new SimpleStringProperty(f.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    private TabPane generated() {
        dynamoose.textProperty().bind(presenter.dynamoose());
        javaBean.textProperty().bind(presenter.javaBean());
        TabPane tabs = new TabPane(codeTab("Dynamoose model", dynamoose, presenter.dynamoose()),
                codeTab("Java @DynamoDbBean", javaBean, presenter.javaBean()));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setPadding(new Insets(0, 10, 8, 4));
        return tabs;
    }

    private static Tab codeTab(String title, TextArea area, StringProperty text) {
        Button copy = new Button("Copy", new FontIcon("fth-copy"));
        copy.disableProperty().bind(text.isEmpty());
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(text.get());
            Clipboard.getSystemClipboard().setContent(content);
        });
        HBox bar = new HBox(copy);
        bar.setAlignment(Pos.CENTER_RIGHT);
        bar.setPadding(new Insets(4, 0, 4, 0));
        VBox.setVgrow(area, Priority.ALWAYS);
        return new Tab(title, new VBox(bar, area));
    }

    private static TextArea code(String id) {
        TextArea area = new TextArea();
        area.setId(id);
        area.setEditable(false);
        area.getStyleClass().add("code");
        return area;
    }
}
