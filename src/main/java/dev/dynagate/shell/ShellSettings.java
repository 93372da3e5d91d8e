package dev.dynagate.shell;

/** What the window remembers between runs (settings.json in the config folder). */
public final class ShellSettings {
    public int version = 1;
    public Theme theme = Theme.LIGHT;
    public Double x;
    public Double y;
    public double width = 1280;
    public double height = 800;
    public boolean maximized;
    public double navigatorWidth = 0.28;

    public static ShellSettings defaults() {
        return new ShellSettings();
    }
}
