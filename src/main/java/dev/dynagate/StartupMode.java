package dev.dynagate;

/**
 * How the window is opened. The probes measure cold start: {@code PROBE} prints milliseconds from JVM start to the
 * first frame and to the tables list shown, then exits; {@code BARE_WINDOW} does the same for an empty JavaFX
 * window launched the same way, the baseline the startup benchmark compares against.
 */
public enum StartupMode {
    NORMAL, PROBE, BARE_WINDOW
}
