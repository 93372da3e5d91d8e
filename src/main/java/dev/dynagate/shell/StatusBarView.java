package dev.dynagate.shell;

import dev.dynagate.ui.Operation;
import dev.dynagate.ui.Operations;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;

/** The bottom strip: operations in flight, each with a cancel button, and the latest notice. */
public final class StatusBarView extends HBox {
    final HBox running = new HBox(8);
    final Label notice = new Label();

    public StatusBarView(Operations operations, ObservableList<String> notices) {
        getStyleClass().add("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(10);
        setPadding(new Insets(3, 10, 3, 10));
        running.setAlignment(Pos.CENTER_LEFT);
        running.setId("operations");
        Label idle = new Label("Ready");
        idle.getStyleClass().add("status-idle");
        idle.visibleProperty().bind(Bindings.isEmpty(operations.inFlight()));
        idle.managedProperty().bind(idle.visibleProperty());
        operations.inFlight().addListener((ListChangeListener<Operation>) change -> rebuild(operations));
        notice.getStyleClass().add("status-notice");
        notice.textProperty().bind(Bindings.createStringBinding(() -> notices.isEmpty() ? ""
                : notices.get(notices.size() - 1) + (notices.size() > 1 ? "  (+" + (notices.size() - 1) + " more)" : ""),
                notices));
        notice.setTooltip(new Tooltip());
        notice.getTooltip().textProperty().bind(Bindings.createStringBinding(() -> String.join("\n", notices), notices));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(idle, running, spacer, notice);
    }

    private void rebuild(Operations operations) {
        running.getChildren().clear();
        for (Operation operation : operations.inFlight()) {
            Label label = new Label();
            // the work's own report of how far it has got, when it gives one
            label.textProperty().bind(Bindings.createStringBinding(() -> operation.description() + "…"
                    + (operation.progress().get().isEmpty() ? "" : " " + operation.progress().get()),
                    operation.progress()));
            Button cancel = new Button(null, new FontIcon("fth-x"));
            cancel.getStyleClass().addAll("flat", "cancel-operation");
            cancel.setTooltip(new Tooltip("Cancel " + operation.description()));
            cancel.setOnAction(e -> operation.cancel());
            HBox item = new HBox(2, new FontIcon("fth-loader"), label, cancel);
            item.setAlignment(Pos.CENTER_LEFT);
            running.getChildren().add(item);
        }
    }
}
