package dev.dynagate.shell;

/** The two AtlantaFX themes the app offers. */
public enum Theme {
    LIGHT, DARK;

    public Theme other() {
        return this == LIGHT ? DARK : LIGHT;
    }
}
