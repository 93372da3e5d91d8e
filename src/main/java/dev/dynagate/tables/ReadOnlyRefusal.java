package dev.dynagate.tables;

/** A write refused before any request left, because the connection is read-only. */
public final class ReadOnlyRefusal extends IllegalStateException {
    public ReadOnlyRefusal(String connectionName, String action) {
        super("\"" + connectionName + "\" is read-only: " + action + " was not sent. Turn off read-only in the "
                + "connection bar to write.");
    }
}
