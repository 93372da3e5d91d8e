package dev.dynagate.sandbox;

import java.net.URI;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * What every sandbox component is given: where the sandbox answers, where it keeps its data, the options it was
 * started with, and where to report what it is doing (one line at a time, for the console or the sandbox panel).
 */
public record SandboxContext(URI endpoint, Path dataDir, SandboxOptions options, Consumer<String> log) {

    /** The region the sandbox reports in ARNs; any region is accepted on the wire. */
    public static final String REGION = "us-east-1";
    /** The account id the sandbox reports in ARNs. */
    public static final String ACCOUNT_ID = "000000000000";

    public Path dataDir(String component) {
        return dataDir.resolve(component);
    }
}
