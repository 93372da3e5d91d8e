package dev.dynagate.requests.collections;

import dev.dynagate.ui.Dialogs;
import dev.dynagate.ui.FilePicker;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The collection side panel: open a folder, pick the environment (production shown in red), and the tree of
 * folders and requests with rename, duplicate, move (menu or drag onto a folder) and delete.
 */
public final class CollectionTreeView extends VBox {
    final TreeView<CollectionItem> tree = new TreeView<>();
    final ComboBox<Environment> environments = new ComboBox<>();
    final Label message = new Label();
    private CollectionItem dragged;

    /** Opens the environment editor; the edited environment when the user saves. */
    public interface EnvironmentEditing {
        java.util.Optional<Environment> edit(Environment environment);
    }

    public CollectionTreeView(CollectionsPresenter presenter, Dialogs dialogs, FilePicker picker,
                              Consumer<CollectionItem> run, EnvironmentEditing environmentEditor) {
        getStyleClass().add("collection-tree");
        Button open = new Button("Open…", new FontIcon("fth-folder"));
        open.setId("open-collection");
        open.setTooltip(new Tooltip("Open a collection folder (ours or Bruno) or a Postman collection file"));
        open.setOnAction(e -> picker.chooseFolder("Open a collection folder").ifPresent(presenter::open));
        Button openFile = new Button(null, new FontIcon("fth-file-plus"));
        openFile.setTooltip(new Tooltip("Import a Postman collection file"));
        openFile.setOnAction(e -> picker.chooseFile("Import a Postman collection", "Postman collection", "*.json")
                .ifPresent(presenter::open));
        Button save = new Button(null, new FontIcon("fth-save"));
        save.setTooltip(new Tooltip("Save this imported collection as a Dynagate collection folder"));
        save.disableProperty().bind(Bindings.createBooleanBinding(() -> presenter.opened().get() == null
                || presenter.editable().get(), presenter.opened(), presenter.editable()));
        save.setOnAction(e -> picker.chooseFolder("Save the collection into an empty folder").ifPresent(presenter::saveAs));
        Button runAll = new Button("Run all", new FontIcon("fth-play"));
        runAll.setId("run-collection");
        runAll.disableProperty().bind(presenter.opened().isNull());
        runAll.setOnAction(e -> run.accept(null));
        Button export = new Button(null, new FontIcon("fth-share"));
        export.setId("export-postman");
        export.setTooltip(new Tooltip("Export to a Postman v2.1 collection file"));
        export.disableProperty().bind(presenter.opened().isNull());
        export.setOnAction(e -> picker.saveFile("Export to Postman v2.1", FileNames.slug(presenter.collection().name())
                + ".postman_collection.json").ifPresent(presenter::exportPostman));
        HBox tools = new HBox(6, open, openFile, save, export, runAll);
        tools.setAlignment(Pos.CENTER_LEFT);

        environments.setId("environment-picker");
        environments.setItems(presenter.environments());
        environments.setPromptText("No environment");
        environments.setCellFactory(list -> new EnvironmentCell(true));
        environments.setButtonCell(new EnvironmentCell(false));
        environments.valueProperty().bindBidirectional(presenter.environment());
        environments.setMaxWidth(Double.MAX_VALUE);
        environments.valueProperty().addListener((obs, old, now) -> {
            environments.getStyleClass().remove("production");
            if (now != null && now.production()) {
                environments.getStyleClass().add("production");
            }
        });
        Button noEnvironment = new Button(null, new FontIcon("fth-x"));
        noEnvironment.setTooltip(new Tooltip("Run without an environment"));
        noEnvironment.setOnAction(e -> presenter.environment().set(null));
        HBox.setHgrow(environments, Priority.ALWAYS);
        javafx.scene.control.ToggleButton production = new javafx.scene.control.ToggleButton(null,
                new FontIcon("fth-alert-triangle"));
        production.setId("production-toggle");
        production.getStyleClass().add("danger");
        production.setTooltip(new Tooltip("Production: coloured red, and POST, PUT, PATCH and DELETE ask before sending"));
        production.disableProperty().bind(presenter.environment().isNull().or(presenter.editable().not()));
        presenter.environment().addListener((obs, old, now) -> production.setSelected(now != null && now.production()));
        production.setOnAction(e -> presenter.markProduction(production.isSelected()));
        Button editEnvironment = new Button(null, new FontIcon("fth-edit-2"));
        editEnvironment.setId("edit-environment");
        editEnvironment.setTooltip(new Tooltip("Edit the variables of this environment"));
        editEnvironment.disableProperty().bind(presenter.environment().isNull().or(presenter.editable().not()));
        editEnvironment.setOnAction(e -> environmentEditor.edit(presenter.environment().get())
                .ifPresent(presenter::saveEnvironment));
        Button newEnvironment = new Button(null, new FontIcon("fth-plus"));
        newEnvironment.setId("new-environment");
        newEnvironment.setTooltip(new Tooltip("New environment"));
        newEnvironment.disableProperty().bind(presenter.editable().not());
        newEnvironment.setOnAction(e -> dialogs.ask("New environment", "Name of the new environment (dev, stage, prod…)", "dev")
                .map(String::strip).filter(n -> !n.isEmpty())
                .ifPresent(n -> presenter.saveEnvironment(new Environment(n, false, java.util.List.of(), java.util.Set.of()))));
        Label environmentLabel = new Label("Environment");
        environmentLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox environmentButtons = new HBox(6, environments, production, editEnvironment, newEnvironment, noEnvironment);
        environmentButtons.setAlignment(Pos.CENTER_LEFT);
        VBox environmentRow = new VBox(4, environmentLabel, environmentButtons);

        tree.setId("collection-tree");
        tree.setShowRoot(true);
        tree.setCellFactory(view -> new ItemCell(presenter, dialogs, run));
        Label placeholder = new Label("Open a collection folder, a Bruno collection or a Postman file.");
        placeholder.setWrapText(true);
        placeholder.getStyleClass().add("empty-state");
        VBox.setVgrow(tree, Priority.ALWAYS);
        presenter.opened().addListener((obs, old, now) -> tree.setRoot(now == null ? null : rootItem(now.collection())));

        message.setId("collection-message");
        message.setWrapText(true);
        message.getStyleClass().add("text-muted");
        message.textProperty().bind(presenter.message());
        message.managedProperty().bind(message.textProperty().isNotEmpty());

        getChildren().addAll(tools, environmentRow, tree, message);
        setSpacing(6);
        setPadding(new Insets(6));
    }

    private static TreeItem<CollectionItem> rootItem(Collection collection) {
        Folder root = new Folder(collection.name(), 0, collection.root(), collection.auth(), collection.variables(),
                collection.headers(), collection.description(), collection.items());
        TreeItem<CollectionItem> item = new TreeItem<>(root);
        item.setExpanded(true);
        addChildren(item, collection.items());
        return item;
    }

    private static void addChildren(TreeItem<CollectionItem> parent, java.util.List<CollectionItem> items) {
        for (CollectionItem child : items) {
            TreeItem<CollectionItem> node = new TreeItem<>(child);
            if (child instanceof Folder folder) {
                node.setExpanded(true);
                addChildren(node, folder.items());
            }
            parent.getChildren().add(node);
        }
    }

    private static final class EnvironmentCell extends ListCell<Environment> {
        private final boolean spelledOut;

        EnvironmentCell(boolean spelledOut) {
            this.spelledOut = spelledOut;
        }

        @Override
        protected void updateItem(Environment item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().remove("production");
            if (empty || item == null) {
                setText("No environment");
                setGraphic(null);
                return;
            }
            setText(item.name() + (item.production() && spelledOut ? "  (production)" : ""));
            setGraphic(new FontIcon(item.production() ? "fth-alert-triangle" : "fth-layers"));
            if (item.production()) {
                getStyleClass().add("production");
            }
        }
    }

    private final class ItemCell extends TreeCell<CollectionItem> {
        private final CollectionsPresenter presenter;
        private final Dialogs dialogs;
        private final Consumer<CollectionItem> run;

        ItemCell(CollectionsPresenter presenter, Dialogs dialogs, Consumer<CollectionItem> run) {
            this.presenter = presenter;
            this.dialogs = dialogs;
            this.run = run;
            setOnDragDetected(e -> {
                if (getItem() != null && getTreeItem().getParent() != null) {
                    dragged = getItem();
                    ClipboardContent content = new ClipboardContent();
                    content.putString(getItem().name());
                    startDragAndDrop(TransferMode.MOVE).setContent(content);
                    e.consume();
                }
            });
            setOnDragOver(e -> {
                if (dragged != null && getItem() instanceof Folder && getItem() != dragged) {
                    e.acceptTransferModes(TransferMode.MOVE);
                }
            });
            setOnDragDropped(e -> {
                if (dragged != null && getItem() instanceof Folder folder) {
                    presenter.moveInto(dragged, folder.path());
                    e.setDropCompleted(true);
                }
                dragged = null;
            });
        }

        @Override
        protected void updateItem(CollectionItem item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("method-get", "method-post", "method-put", "method-delete", "method-patch");
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                setContextMenu(null);
                return;
            }
            setText(item.name());
            if (item instanceof SavedRequest request) {
                Label method = new Label(request.spec().method());
                method.getStyleClass().addAll("method-badge", "method-" + request.spec().method().toLowerCase(Locale.ROOT));
                setGraphic(method);
            } else {
                setGraphic(new FontIcon(getTreeItem() != null && getTreeItem().getParent() == null ? "fth-archive" : "fth-folder"));
            }
            setContextMenu(menu(item, getTreeItem() != null && getTreeItem().getParent() == null));
        }

        private ContextMenu menu(CollectionItem item, boolean root) {
            MenuItem runItem = new MenuItem("Run", new FontIcon("fth-play"));
            runItem.setOnAction(e -> run.accept(root ? null : item));
            java.nio.file.Path folderDir = item instanceof Folder ? item.path() : item.path() == null ? null : item.path().getParent();
            MenuItem newRequest = new MenuItem("New request…", new FontIcon("fth-plus"));
            newRequest.setOnAction(e -> dialogs.ask("New request", "Name of the new request", "New request")
                    .filter(name -> !name.isBlank()).ifPresent(name -> presenter.addRequest(folderDir, name.strip())));
            MenuItem newFolder = new MenuItem("New folder…", new FontIcon("fth-folder-plus"));
            newFolder.setOnAction(e -> dialogs.ask("New folder", "Name of the new folder", "New folder")
                    .filter(name -> !name.isBlank()).ifPresent(name -> presenter.addFolder(folderDir, name.strip())));
            newRequest.disableProperty().bind(presenter.editable().not());
            newFolder.disableProperty().bind(presenter.editable().not());
            if (root) {
                return new ContextMenu(runItem, new SeparatorMenuItem(), newRequest, newFolder);
            }
            MenuItem rename = new MenuItem("Rename…");
            rename.setOnAction(e -> dialogs.ask("Rename", "New name for \"" + item.name() + "\"", item.name())
                    .filter(name -> !name.isBlank()).ifPresent(name -> presenter.rename(item, name.strip())));
            MenuItem duplicate = new MenuItem("Duplicate");
            duplicate.setOnAction(e -> presenter.duplicate(item));
            MenuItem up = new MenuItem("Move up");
            up.setOnAction(e -> presenter.shift(item, -1));
            MenuItem down = new MenuItem("Move down");
            down.setOnAction(e -> presenter.shift(item, 1));
            MenuItem toRoot = new MenuItem("Move to the top level");
            toRoot.setOnAction(e -> presenter.moveInto(item, presenter.collection().root()));
            MenuItem delete = new MenuItem("Delete…", new FontIcon("fth-trash-2"));
            delete.setOnAction(e -> {
                if (dialogs.confirm("Delete", "Delete \"" + item.name() + "\"" + (item instanceof Folder
                        ? " and everything in it" : "") + " from the collection folder?", "Delete")) {
                    presenter.delete(item);
                }
            });
            ContextMenu menu = new ContextMenu(runItem, new SeparatorMenuItem(), rename, duplicate, up, down, toRoot,
                    new SeparatorMenuItem(), delete);
            menu.getItems().stream().skip(2).forEach(m -> m.disableProperty().bind(presenter.editable().not()));
            if (item instanceof Folder) {
                menu.getItems().addAll(2, java.util.List.of(newRequest, newFolder, new SeparatorMenuItem()));
            }
            return menu;
        }
    }
}
