package dev.dynagate.shell;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;

/** Guards remembered window positions: a monitor that was unplugged must not leave the window off-screen. */
public final class WindowPlacement {
    private WindowPlacement() {
    }

    public static boolean isOnScreen(double x, double y) {
        for (Screen screen : Screen.getScreens()) {
            Rectangle2D bounds = screen.getVisualBounds();
            if (bounds.contains(x + 40, y + 20)) {
                return true;
            }
        }
        return false;
    }
}
