package dev.dynagate.shell;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

/**
 * What the window shows for its first frame: the frame of the main window (its bar with the name) and a note that
 * the workspace is opening. It is cheap to build, so the window appears at once; the main window replaces it.
 */
public final class StartingView extends BorderPane {

    public StartingView() {
        getStyleClass().add("main-window");
        Label brand = new Label("Dynagate");
        brand.getStyleClass().add("brand");
        HBox bar = new HBox(brand);
        bar.getStyleClass().add("connection-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 10, 6, 10));
        bar.setMinHeight(40);
        Label opening = new Label("Opening the workspace…");
        opening.getStyleClass().add("text-muted");
        opening.setId("starting");
        setTop(bar);
        setCenter(opening);
    }
}
