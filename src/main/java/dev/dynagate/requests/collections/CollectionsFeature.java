package dev.dynagate.requests.collections;

import dev.dynagate.requests.model.RequestSender;
import dev.dynagate.ui.Dialogs;
import dev.dynagate.ui.FilePicker;
import dev.dynagate.ui.Operations;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.javafx.FontIcon;

/** Collections, environments and the runner, as the application wires them: one presenter pair, one tab. */
public final class CollectionsFeature {
    private final CollectionsPresenter collections;
    private final RunnerPresenter runner;
    private final Dialogs dialogs;
    private final FilePicker picker;
    private CollectionsView view;
    private java.util.function.Consumer<SavedRequest> openRequest = request -> { };

    public CollectionsFeature(Operations operations, Dialogs dialogs, RequestSender sender, SecretStore secrets,
                              FilePicker picker) {
        this.collections = new CollectionsPresenter(operations, secrets);
        this.runner = new RunnerPresenter(operations, sender, dialogs);
        this.dialogs = dialogs;
        this.picker = picker;
    }

    public CollectionsPresenter collections() {
        return collections;
    }

    public RunnerPresenter runner() {
        return runner;
    }

    /** The tab's content, built once: closing and reopening the tab keeps the open collection and the results. */
    public Node view() {
        if (view == null) {
            view = new CollectionsView(collections, runner, dialogs, picker, request -> openRequest.accept(request));
        }
        return view;
    }

    /** Called with a request double-clicked in the tree, for the request panel to open it. */
    public void onOpenRequest(java.util.function.Consumer<SavedRequest> handler) {
        openRequest = handler;
    }

    /** What the request panel's Save calls: see {@link CollectionsPresenter#saveRequest}. */
    public java.util.concurrent.CompletableFuture<OpenedCollection> saveRequest(
            dev.dynagate.requests.model.RequestSpec spec, SavedRequest existing) {
        return collections.saveRequest(spec, existing, null);
    }

    /** A toolbar button that opens the Collections tab. */
    public Button openButton(Runnable openTab) {
        Button button = new Button("Collections", new FontIcon("fth-layers"));
        button.setId("open-collections");
        button.setTooltip(new Tooltip("Collections, environments and the runner"));
        button.setOnAction(e -> openTab.run());
        return button;
    }
}
