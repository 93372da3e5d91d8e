package dev.dynagate.shell;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** The first tab: what this window can do, and how to start. */
public final class WelcomeView extends VBox {

    public WelcomeView(ShellPresenter presenter) {
        getStyleClass().add("welcome");
        setPadding(new Insets(32));
        setSpacing(12);
        Label title = new Label("Welcome to Dynagate");
        title.getStyleClass().add("title-1");
        Label connection = new Label();
        connection.getStyleClass().add("text-muted");
        connection.textProperty().bind(Bindings.createStringBinding(() -> presenter.active().get() == null ? ""
                : "Connected to " + presenter.active().get().name() + " — " + presenter.active().get().detail(),
                presenter.active()));
        Label tips = new Label("""
                • Tables: double-click a table on the left to open it; Export and Import move items to and from files \
                without losing a type; right-click a table for PartiQL, its stream of changes, its indexes and time \
                to live, or a copy on another connection.
                • Connections: pick the sandbox, an AWS profile or a custom endpoint at the top; mark production \
                read-only and red.
                • The sandbox is a local cloud on this machine: DynamoDB, API Gateway and Lambda, no AWS account needed.
                • Keyboard: Ctrl+Enter runs, Ctrl+W closes a tab.""");
        tips.setWrapText(true);
        getChildren().addAll(title, connection, tips);
    }
}
