package dev.dynagate.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;

/** Applies an AtlantaFX theme as the user-agent stylesheet and Dynagate's own colours on top. */
public final class ThemeSwitcher {
    private static final String APP_CSS = ThemeSwitcher.class.getResource("app.css").toExternalForm();

    private ThemeSwitcher() {
    }

    public static void apply(Theme theme, Scene scene) {
        Application.setUserAgentStylesheet(theme == Theme.DARK
                ? new PrimerDark().getUserAgentStylesheetBSS() : new PrimerLight().getUserAgentStylesheetBSS());
        if (!scene.getStylesheets().contains(APP_CSS)) {
            scene.getStylesheets().add(APP_CSS);
        }
    }
}
