package dev.dynagate;

import dev.dynagate.cli.DynagateCommand;

/**
 * The entry point. Kept free of JavaFX types so the command-line tools start without the toolkit, and so the jar
 * runs with JavaFX on the class path (a main class extending Application would be refused).
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        // the window's launch blocks until it closes, so every path ends here
        System.exit(DynagateCommand.commandLine(DesktopApp::open).execute(args));
    }
}
