package dev.dynagate.connections;

import java.util.ArrayList;
import java.util.List;

/**
 * The connections file: custom endpoints the user added, and per-connection choices (colour, read-only, region)
 * for the sandbox and for discovered profiles. Profiles themselves are re-read from the AWS files each start.
 */
public final class SavedConnections {
    public int version = 1;
    public String active;
    public List<Connection> connections = new ArrayList<>();

    public static SavedConnections empty() {
        return new SavedConnections();
    }
}
