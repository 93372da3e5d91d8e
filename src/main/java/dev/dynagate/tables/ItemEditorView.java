package dev.dynagate.tables;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.kordamp.ikonli.javafx.FontIcon;

/** The side pane editing one item: JSON editor, format toggle, type changes, conflicts, save. */
final class ItemEditorView extends VBox {
    final JsonEditorArea area = new JsonEditorArea();
    final ToggleButton dynamoJson = new ToggleButton("DynamoDB JSON");
    final ToggleButton plainJson = new ToggleButton("Plain JSON");
    final Button save = new Button("Save", new FontIcon("fth-save"));
    final Label error = new Label();

    ItemEditorView(ItemEditorPresenter presenter, Runnable deleteCurrent) {
        getStyleClass().add("item-editor");
        setId("item-editor");
        setSpacing(6);
        setPadding(new Insets(6, 8, 6, 8));
        setMinWidth(320);

        Label title = new Label();
        title.textProperty().bind(presenter.title());
        title.getStyleClass().add("editor-title");
        Button close = new Button(null, new FontIcon("fth-x"));
        close.setTooltip(new Tooltip("Close the editor"));
        close.setOnAction(e -> presenter.close());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(6, new FontIcon("fth-file-text"), title, spacer, close);
        header.setAlignment(Pos.CENTER_LEFT);

        ToggleGroup formats = new ToggleGroup();
        dynamoJson.setToggleGroup(formats);
        plainJson.setToggleGroup(formats);
        dynamoJson.setId("format-dynamodb");
        plainJson.setId("format-plain");
        dynamoJson.setTooltip(new Tooltip("Every value with its DynamoDB type: {\"N\": \"42\"}"));
        plainJson.setTooltip(new Tooltip("Plain values; each keeps its stored type (a number stays N, a string set stays SS)"));
        dynamoJson.getStyleClass().add("left-pill");
        plainJson.getStyleClass().add("right-pill");
        sync(presenter, formats);
        presenter.format().addListener((obs, old, value) -> sync(presenter, formats));
        formats.selectedToggleProperty().addListener((obs, old, toggle) -> {
            if (toggle == null) {
                old.setSelected(true);
            } else {
                presenter.format().set(toggle == plainJson ? ItemEditorPresenter.Format.PLAIN_JSON
                        : ItemEditorPresenter.Format.DYNAMODB_JSON);
            }
        });
        Button create = new Button("New", new FontIcon("fth-plus"));
        create.setOnAction(e -> presenter.create());
        Button duplicate = new Button("Duplicate", new FontIcon("fth-copy"));
        duplicate.setOnAction(e -> presenter.duplicate());
        Button delete = new Button("Delete", new FontIcon("fth-trash-2"));
        delete.getStyleClass().add("danger");
        delete.setOnAction(e -> deleteCurrent.run());
        delete.disableProperty().bind(presenter.readOnly().or(Bindings.createBooleanBinding(
                () -> presenter.loaded() == null, presenter.title())));
        save.setId("save-item");
        save.getStyleClass().add("accent");
        save.setOnAction(e -> presenter.save());
        save.disableProperty().bind(presenter.readOnly().or(presenter.parseProblem().isNotNull()).or(presenter.saving()));
        save.setTooltip(new Tooltip("Save (Ctrl+S) — only if nobody changed the item since it was loaded"));
        create.disableProperty().bind(presenter.readOnly());
        duplicate.disableProperty().bind(presenter.readOnly());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        for (Button icon : new Button[] {create, duplicate, delete}) {
            icon.setTooltip(new Tooltip(icon.getText()));
            icon.setText(null);
        }
        create.getTooltip().setText("New item");
        duplicate.getTooltip().setText("Duplicate as a new item: change its key, then save");
        delete.getTooltip().setText("Delete this item");
        HBox formatsBox = new HBox(dynamoJson, plainJson);
        HBox tools = new HBox(6, formatsBox, gap, create, duplicate, delete, save);
        tools.setAlignment(Pos.CENTER_LEFT);
        Layouts.keepWidth(tools.getChildren());
        Layouts.keepWidth(formatsBox.getChildren());

        area.setId("item-json");
        area.bindText(presenter.text());
        VirtualizedScrollPane<JsonEditorArea> scroll = new VirtualizedScrollPane<>(area);
        VBox.setVgrow(scroll, Priority.ALWAYS);

        error.setId("item-error");
        error.getStyleClass().add("editor-error");
        error.setWrapText(true);
        error.textProperty().bind(Bindings.createStringBinding(() -> {
            JsonProblem p = presenter.parseProblem().get();
            return p != null ? p.located() : presenter.problem().get() == null ? "" : presenter.problem().get().oneLine();
        }, presenter.parseProblem(), presenter.problem()));
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        presenter.parseProblem().addListener((obs, old, p) -> area.markError(p == null ? 0 : p.line()));

        Label saved = new Label();
        saved.setId("save-notice");
        saved.getStyleClass().add("save-notice");
        saved.setWrapText(true);
        saved.textProperty().bind(presenter.notice());
        saved.visibleProperty().bind(saved.textProperty().isNotEmpty());
        saved.managedProperty().bind(saved.visibleProperty());

        Label readOnly = new Label("Read-only connection: saving and deleting are off.", new FontIcon("fth-lock"));
        readOnly.getStyleClass().add("read-only-note");
        readOnly.visibleProperty().bind(presenter.readOnly());
        readOnly.managedProperty().bind(readOnly.visibleProperty());

        Label types = new Label();
        types.setId("type-changes");
        types.getStyleClass().add("type-changes");
        types.setWrapText(true);
        types.textProperty().bind(Bindings.createStringBinding(() -> presenter.typeChanges().isEmpty() ? ""
                : "Saving changes types: " + String.join(", ", presenter.typeChanges().stream()
                .map(Object::toString).toList()), presenter.typeChanges()));
        types.visibleProperty().bind(types.textProperty().isNotEmpty());
        types.managedProperty().bind(types.visibleProperty());

        Label kept = new Label();
        kept.setId("kept-types");
        kept.getStyleClass().add("kept-types");
        kept.setWrapText(true);
        kept.textProperty().bind(presenter.keptTypes());
        kept.visibleProperty().bind(kept.textProperty().isNotEmpty());
        kept.managedProperty().bind(kept.visibleProperty());
        kept.setTooltip(new Tooltip("Plain JSON shows sets as arrays and binary as base64; saving keeps their DynamoDB types"));

        VBox conflict = conflictPane(presenter);
        getChildren().addAll(header, tools, readOnly, scroll, error, saved, types, kept, conflict);
        addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN).match(e)) {
                if (!save.isDisabled()) {
                    presenter.save();
                }
                e.consume();
            }
        });
    }

    private void sync(ItemEditorPresenter presenter, ToggleGroup formats) {
        formats.selectToggle(presenter.format().get() == ItemEditorPresenter.Format.PLAIN_JSON ? plainJson : dynamoJson);
    }

    private static VBox conflictPane(ItemEditorPresenter presenter) {
        TextArea mine = new TextArea();
        TextArea theirs = new TextArea();
        for (TextArea side : new TextArea[] {mine, theirs}) {
            side.setEditable(false);
            side.setPrefRowCount(8);
            side.getStyleClass().add("conflict-text");
            HBox.setHgrow(side, Priority.ALWAYS);
        }
        presenter.conflict().addListener((obs, old, c) -> {
            mine.setText(c == null ? "" : DynamoJson.write(c.mine()));
            theirs.setText(c == null ? "" : c.theirs() == null ? "(deleted since you loaded it)" : DynamoJson.write(c.theirs()));
        });
        Button keepTheirs = new Button("Keep theirs", new FontIcon("fth-corner-up-left"));
        keepTheirs.setOnAction(e -> presenter.takeTheirs());
        Button overwrite = new Button("Overwrite with mine", new FontIcon("fth-alert-octagon"));
        overwrite.getStyleClass().add("danger");
        overwrite.setOnAction(e -> presenter.overwrite());
        VBox yours = new VBox(2, new Label("Yours"), mine);
        VBox stored = new VBox(2, new Label("Stored now"), theirs);
        HBox.setHgrow(yours, Priority.ALWAYS);
        HBox.setHgrow(stored, Priority.ALWAYS);
        VBox pane = new VBox(4, new Label("Conflict: the item changed since you loaded it."), new HBox(6, yours, stored),
                new HBox(6, keepTheirs, overwrite));
        pane.setId("conflict-pane");
        pane.getStyleClass().add("conflict-pane");
        pane.visibleProperty().bind(presenter.conflict().isNotNull());
        pane.managedProperty().bind(pane.visibleProperty());
        return pane;
    }
}
