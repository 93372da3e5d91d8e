package dev.dynagate.requests;

import dev.dynagate.requests.history.ResponseDiff;
import dev.dynagate.requests.model.KeyValue;
import dev.dynagate.requests.model.ResponseRecord;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** The response half of a request tab: facts line, body (pretty/raw, cut with "load all"), headers, ids, signing, diff. */
final class ResponseView extends VBox {
    final Label status = new Label();
    final Label facts = new Label();
    final Label problem = new Label();
    final TextArea body = new TextArea();
    final Button loadAll = new Button("Load all");
    final Label bodyNote = new Label();
    final TextArea headers = new TextArea();
    final VBox requestIds = new VBox(4);
    final TextArea signing = new TextArea();
    final ListView<ResponseDiff.Change> diff = new ListView<>();
    final TabPane tabs = new TabPane();
    final Tab diffTab;
    private final ToggleButton pretty = new ToggleButton("Pretty");
    private final ToggleButton raw = new ToggleButton("Raw");
    private final ToggleButton treeMode = new ToggleButton("Tree");
    final javafx.scene.control.TreeView<String> tree = new javafx.scene.control.TreeView<>();
    private final RequestPresenter presenter;
    private boolean showAll;

    ResponseView(RequestPresenter presenter) {
        this.presenter = presenter;
        getStyleClass().add("response-view");
        status.setId("response-status");
        status.getStyleClass().add("status-badge");
        facts.setId("response-facts");
        problem.setId("request-problem");
        problem.getStyleClass().add("request-problem");
        problem.textProperty().bind(presenter.problem());
        problem.visibleProperty().bind(presenter.problem().isNotNull());
        problem.managedProperty().bind(problem.visibleProperty());
        Label sending = new Label("Sending…");
        sending.visibleProperty().bind(presenter.sending());
        sending.managedProperty().bind(sending.visibleProperty());
        HBox factsLine = new HBox(10, status, facts, sending);
        factsLine.getStyleClass().add("response-facts");
        factsLine.setAlignment(Pos.CENTER_LEFT);

        ToggleGroup mode = new ToggleGroup();
        pretty.setToggleGroup(mode);
        raw.setToggleGroup(mode);
        treeMode.setToggleGroup(mode);
        treeMode.setId("body-tree-mode");
        pretty.setSelected(true);
        mode.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true);
            }
            showBody();
        });
        loadAll.setId("load-all");
        loadAll.setOnAction(e -> {
            showAll = true;
            showBody();
        });
        Button copyBody = new Button(null, new FontIcon("fth-copy"));
        copyBody.setTooltip(new Tooltip("Copy the body"));
        copyBody.setOnAction(e -> copy(presenter.responseBody().get() == null ? "" : presenter.responseBody().get().raw()));
        bodyNote.getStyleClass().add("body-note");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bodyTools = new HBox(6, pretty, raw, treeMode, bodyNote, spacer, loadAll, copyBody);
        bodyTools.setAlignment(Pos.CENTER_LEFT);
        body.setId("response-body");
        body.setEditable(false);
        body.getStyleClass().add("mono");
        tree.setId("response-tree");
        tree.getStyleClass().add("mono");
        tree.visibleProperty().bind(treeMode.selectedProperty());
        body.visibleProperty().bind(treeMode.selectedProperty().not());
        javafx.scene.layout.StackPane bodyArea = new javafx.scene.layout.StackPane(body, tree);
        VBox.setVgrow(bodyArea, Priority.ALWAYS);
        VBox bodyPane = new VBox(6, bodyTools, bodyArea);
        bodyPane.setPadding(new Insets(6, 0, 0, 0));

        headers.setEditable(false);
        headers.getStyleClass().add("mono");
        signing.setId("signed-request");
        signing.setEditable(false);
        signing.getStyleClass().add("mono");
        diff.setId("replay-diff");
        diff.setCellFactory(list -> new DiffCell());
        diff.setItems(presenter.diff());
        Label noDiff = new Label();
        noDiff.textProperty().bind(Bindings.when(presenter.replayOf().isNull())
                .then("Replay a history entry to compare its response with this one.")
                .otherwise("Same as before (request ids, trace ids and dates are ignored)."));
        diff.setPlaceholder(noDiff);

        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Tab bodyTab = new Tab("Body", bodyPane);
        Tab headersTab = new Tab("Headers", headers);
        Tab idsTab = new Tab("Request IDs", requestIds);
        Tab signingTab = new Tab("Signed request", signing);
        diffTab = new Tab("Diff", diff);
        diffTab.setId("diff-tab");
        tabs.getTabs().addAll(bodyTab, headersTab, idsTab, signingTab, diffTab);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        diffTab.textProperty().bind(Bindings.createStringBinding(() -> presenter.replayOf().get() == null ? "Diff"
                : "Diff (" + presenter.diff().size() + ")", presenter.replayOf(), presenter.diff()));
        getChildren().addAll(factsLine, problem, tabs);
        setSpacing(6);
        setPadding(new Insets(6));
        presenter.exchange().addListener((obs, old, exchange) -> show(exchange));
        presenter.replayOf().addListener((obs, old, entry) -> {
            if (entry != null) {
                tabs.getSelectionModel().select(diffTab);
            }
        });
        show(null);
    }

    private void show(Exchange exchange) {
        showAll = false;
        status.getStyleClass().removeIf(c -> c.startsWith("status-") && !c.equals("status-badge"));
        requestIds.getChildren().clear();
        if (exchange == null) {
            status.setText("");
            status.setVisible(false);
            facts.setText("Press Send (Ctrl+Enter) to see the response here.");
            headers.clear();
            signing.clear();
            showBody();
            return;
        }
        ResponseRecord response = exchange.response();
        status.setVisible(true);
        status.setText(ResponseFormat.status(response.status()));
        status.getStyleClass().add("status-" + ResponseFormat.statusClass(response.status()));
        facts.setText(ResponseFormat.time(response.elapsed()) + " · " + ResponseFormat.sizeLine(response));
        headers.setText(response.headers().stream().map(h -> h.key() + ": " + h.value()).collect(Collectors.joining("\n")));
        for (KeyValue id : ResponseFormat.requestIds(response)) {
            TextField value = new TextField(id.value());
            value.setEditable(false);
            HBox.setHgrow(value, Priority.ALWAYS);
            Button copy = new Button(null, new FontIcon("fth-copy"));
            copy.setTooltip(new Tooltip("Copy " + id.key()));
            copy.setOnAction(e -> copy(id.value()));
            Label name = new Label(id.key());
            name.setMinWidth(140);
            HBox line = new HBox(6, name, value, copy);
            line.setAlignment(Pos.CENTER_LEFT);
            requestIds.getChildren().add(line);
        }
        if (requestIds.getChildren().isEmpty()) {
            requestIds.getChildren().add(new Label("No AWS request-id headers in this response."));
        }
        requestIds.setPadding(new Insets(8));
        SigningDetails details = exchange.request().signing();
        signing.setText(details == null ? "This request was not signed with SigV4."
                : "Signed headers\n" + details.signedHeaders() + "\n\nCredential scope\n" + details.credentialScope()
                + "  (access key " + details.accessKeyId() + ")\n\nCanonical request\n" + details.canonicalRequest()
                + "\n\nString to sign\n" + details.stringToSign());
        showBody();
    }

    private void showBody() {
        ResponseBody shown = presenter.responseBody().get();
        Exchange exchange = presenter.exchange().get();
        if (shown == null || exchange == null) {
            body.clear();
            loadAll.setVisible(false);
            bodyNote.setText("");
            return;
        }
        treeMode.setDisable(!shown.json());
        if (treeMode.isSelected() && !shown.json()) {
            pretty.setSelected(true);
        }
        tree.setRoot(null);
        if (treeMode.isSelected()) {
            JsonTreeItem root = new JsonTreeItem(null, shown.tree());
            root.setExpanded(true);
            tree.setRoot(root);
        }
        String text = raw.isSelected() ? shown.raw() : shown.pretty();
        body.setText(ResponseBody.shown(text, showAll));
        boolean cut = ResponseBody.cut(text) && !showAll;
        loadAll.setVisible(cut);
        ResponseRecord response = exchange.response();
        bodyNote.setText(response.truncated()
                ? "Body is " + ResponseFormat.size(response.fullSize()) + "; kept the first "
                + ResponseFormat.size(response.body().length) + "."
                : cut ? "Showing the first " + ResponseFormat.size(ResponseBody.DISPLAY_LIMIT) + " characters." : "");
    }

    private static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    private static final class DiffCell extends ListCell<ResponseDiff.Change> {
        @Override
        protected void updateItem(ResponseDiff.Change change, boolean empty) {
            super.updateItem(change, empty);
            getStyleClass().removeAll("diff-added", "diff-removed", "diff-changed");
            if (empty || change == null) {
                setText(null);
                return;
            }
            setText(change.toString());
            getStyleClass().add("diff-" + change.kind().name().toLowerCase(java.util.Locale.ROOT));
        }
    }
}
