package dev.dynagate.requests.collections;

import dev.dynagate.ui.Dialogs;
import dev.dynagate.ui.FilePicker;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TreeItem;

/** The Collections tab: the collection tree on the left, the runner on the right. */
public final class CollectionsView extends SplitPane {
    private static final String CSS = CollectionsView.class.getResource("collections.css").toExternalForm();
    final CollectionTreeView side;
    final RunnerView runner;

    public CollectionsView(CollectionsPresenter collections, RunnerPresenter runs, Dialogs dialogs, FilePicker picker,
                           java.util.function.Consumer<SavedRequest> openRequest) {
        getStyleClass().add("collections-view");
        getStylesheets().add(CSS);
        side = new CollectionTreeView(collections, dialogs, picker, item -> run(collections, runs, item),
                environment -> EnvironmentEditor.edit(getScene() == null ? null : getScene().getWindow(), environment));
        runner = new RunnerView(runs, picker, () -> run(collections, runs, selected()), javafx.beans.binding.Bindings
                .createStringBinding(this::selectionName, side.tree.getSelectionModel().selectedItemProperty()));
        side.tree.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && selected() instanceof SavedRequest request) {
                openRequest.accept(request);
            }
        });
        getItems().addAll(side, runner);
        setDividerPositions(0.3);
        SplitPane.setResizableWithParent(side, false);
    }

    private CollectionItem selected() {
        TreeItem<CollectionItem> item = side.tree.getSelectionModel().getSelectedItem();
        return item == null || item.getParent() == null ? null : item.getValue();
    }

    private String selectionName() {
        CollectionItem item = selected();
        return item == null ? "collection" : "\"" + item.name() + "\"";
    }

    private static void run(CollectionsPresenter collections, RunnerPresenter runs, CollectionItem item) {
        if (collections.collection() != null) {
            runs.run(collections.collection(), item, collections.environment().get());
        }
    }
}
