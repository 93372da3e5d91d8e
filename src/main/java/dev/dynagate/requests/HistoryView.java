package dev.dynagate.requests;

import dev.dynagate.requests.history.HistoryEntry;
import dev.dynagate.requests.history.HistoryPresenter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** The history side panel: search, then entries newest first; reopen loads one, replay sends it and diffs. */
final class HistoryView extends VBox {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());
    private static final String LOCAL_INVOKE_PREFIX = "/_aws/execute-api/";
    final ListView<HistoryEntry> list = new ListView<>();
    final TextField search = new TextField();

    HistoryView(HistoryPresenter presenter, Consumer<HistoryEntry> reopen, Consumer<HistoryEntry> replay) {
        getStyleClass().add("history-view");
        Label title = new Label("History", new FontIcon("fth-clock"));
        title.getStyleClass().add("text-bold");
        search.setId("history-search");
        search.setPromptText("method, URL, status (5xx), date");
        search.textProperty().bindBidirectional(presenter.query());
        list.setId("history-list");
        list.setItems(presenter.visible());
        list.setCellFactory(view -> new EntryCell());
        list.setPlaceholder(new Label("Requests you send appear here."));
        VBox.setVgrow(list, Priority.ALWAYS);
        Button open = new Button("Reopen", new FontIcon("fth-corner-up-left"));
        open.setId("history-reopen");
        open.setOnAction(e -> selected(reopen));
        Button again = new Button("Replay", new FontIcon("fth-repeat"));
        again.setId("history-replay");
        again.setOnAction(e -> selected(replay));
        open.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        again.disableProperty().bind(open.disableProperty());
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                selected(reopen);
            }
        });
        HBox buttons = new HBox(6, open, again);
        buttons.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(title, search, list, buttons);
        setSpacing(6);
        setPadding(new Insets(6));
        setMinWidth(220);
    }

    private void selected(Consumer<HistoryEntry> action) {
        HistoryEntry entry = list.getSelectionModel().getSelectedItem();
        if (entry != null) {
            action.accept(entry);
        }
    }

    /** The path and query: the host is the same for most entries and would push the path out of sight. */
    static String pathOf(String url) {
        try {
            java.net.URI uri = java.net.URI.create(url);
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            if (path.startsWith(LOCAL_INVOKE_PREFIX)) {
                // emulator invoke URLs: the API id says little here, the stage and path say what was called
                int afterId = path.indexOf('/', LOCAL_INVOKE_PREFIX.length());
                path = afterId < 0 ? "/" : path.substring(afterId);
            }
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        } catch (IllegalArgumentException notAUri) {
            return url;
        }
    }

    private static final class EntryCell extends ListCell<HistoryEntry> {
        @Override
        protected void updateItem(HistoryEntry entry, boolean empty) {
            super.updateItem(entry, empty);
            if (empty || entry == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            Label status = new Label(String.valueOf(entry.status()));
            status.getStyleClass().addAll("status-badge", "status-" + ResponseFormat.statusClass(entry.status()));
            Label line = new Label(entry.request().method() + " " + pathOf(entry.sentUrl()));
            Label when = new Label(WHEN.format(entry.at()) + " · " + entry.elapsedMillis() + " ms");
            setTooltip(new javafx.scene.control.Tooltip(entry.request().method() + " " + entry.sentUrl()));
            when.getStyleClass().add("muted");
            VBox text = new VBox(2, line, when);
            HBox row = new HBox(6, status, text);
            row.getStyleClass().add("history-entry");
            row.setAlignment(Pos.CENTER_LEFT);
            setText(null);
            setGraphic(row);
        }
    }
}
