package dev.dynagate.tables;

import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * Dresses the navigator's list of table names: recently opened first, and beside each name the approximate
 * item count and size, described when the row first shows.
 */
public final class TableListDecorator {
    private TableListDecorator() {
    }

    public static void decorate(ListView<String> list, TableListPresenter presenter) {
        ObservableList<String> names = list.getItems();
        SortedList<String> ordered = new SortedList<>(names);
        ordered.comparatorProperty().bind(presenter.order());
        list.setItems(ordered);
        list.setCellFactory(view -> new SummaryCell(presenter));
        // the recent marker changes without the order changing (the first open of the top table)
        presenter.recent().addListener((javafx.collections.ListChangeListener<String>) c -> list.refresh());
    }

    private static final class SummaryCell extends ListCell<String> {
        private final TableListPresenter presenter;
        private final Label name = new Label();
        private final org.kordamp.ikonli.javafx.FontIcon recentIcon = new org.kordamp.ikonli.javafx.FontIcon("fth-clock");
        private final Label summary = new Label();
        private final HBox box;

        SummaryCell(TableListPresenter presenter) {
            this.presenter = presenter;
            summary.getStyleClass().add("table-summary");
            summary.setStyle("-fx-text-fill: -color-fg-muted; -fx-font-size: 0.85em;");
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            name.setMinWidth(0);
            recentIcon.setIconSize(11);
            name.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
            name.setGraphicTextGap(6);
            summary.setMinWidth(Region.USE_PREF_SIZE);
            box = new HBox(6, name, gap, summary);
            box.setAlignment(Pos.CENTER_LEFT);
            presenter.summaries().addListener((javafx.collections.MapChangeListener<String, TableSummary>) change -> {
                if (getItem() != null && getItem().equals(change.getKey())) {
                    show(getItem());
                }
            });
        }

        @Override
        protected void updateItem(String table, boolean empty) {
            super.updateItem(table, empty);
            if (empty || table == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            show(table);
            presenter.visible(table);
        }

        private void show(String table) {
            name.setText(table);
            name.setGraphic(presenter.recent().contains(table) ? recentIcon : null);
            TableSummary known = presenter.summaries().get(table);
            summary.setText(known == null ? "" : known.text());
            setText(null);
            setGraphic(box);
        }
    }
}
