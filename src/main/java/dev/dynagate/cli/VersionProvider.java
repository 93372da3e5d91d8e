package dev.dynagate.cli;

import dev.dynagate.Version;
import picocli.CommandLine;

/** Supplies {@code --version} for every command. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"Dynagate " + Version.current(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
    }
}
