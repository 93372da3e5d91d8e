package dev.dynagate.tables;

import dev.dynagate.config.JsonFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Remembers per connection which tables were opened recently and which PartiQL statements were run, and per
 * table how its grid's columns were laid out. Reads once, lazily; every change is written on the background executor.
 */
public final class TablePreferences {
    static final int RECENT_LIMIT = 20;
    static final int STATEMENT_LIMIT = 50;

    private final JsonFile<TablePreferencesFile> file;
    private final Executor background;
    private TablePreferencesFile content;

    public TablePreferences(Path configFolder, Executor background) {
        this.file = new JsonFile<>(configFolder.resolve("tables.json"), TablePreferencesFile.class, TablePreferencesFile::new);
        this.background = background;
    }

    private synchronized TablePreferencesFile content() {
        if (content == null) {
            content = file.load().value();
        }
        return content;
    }

    /** Table names of the connection, most recently opened first. */
    public synchronized List<String> recent(String connectionId) {
        return List.copyOf(content().recent.getOrDefault(connectionId, List.of()));
    }

    public synchronized void opened(String connectionId, String table) {
        List<String> names = new ArrayList<>(content().recent.getOrDefault(connectionId, List.of()));
        names.remove(table);
        names.add(0, table);
        content().recent.put(connectionId, List.copyOf(names.subList(0, Math.min(RECENT_LIMIT, names.size()))));
        saveLater();
    }

    /** PartiQL statements run on the connection, newest first. */
    public synchronized List<String> statements(String connectionId) {
        return List.copyOf(content().statements.getOrDefault(connectionId, List.of()));
    }

    /** Remembers a statement run on the connection; an older copy of it moves to the front. */
    public synchronized void ran(String connectionId, String statement) {
        List<String> statements = new ArrayList<>(content().statements.getOrDefault(connectionId, List.of()));
        statements.remove(statement);
        statements.add(0, statement);
        content().statements.put(connectionId, List.copyOf(statements.subList(0, Math.min(STATEMENT_LIMIT,
                statements.size()))));
        saveLater();
    }

    public synchronized TablePreferencesFile.ColumnLayout columns(String connectionId, String table) {
        return content().columns.get(connectionId + "/" + table);
    }

    public synchronized void columns(String connectionId, String table, TablePreferencesFile.ColumnLayout layout) {
        content().columns.put(connectionId + "/" + table, layout);
        saveLater();
    }

    private void saveLater() {
        try {
            background.execute(this::save);
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // the app is shutting down and its executor with it: a column width is not worth failing over
        }
    }

    private synchronized void save() {
        try {
            file.save(content);
        } catch (IOException ignored) {
            // preferences are a convenience: failing to write them must not disturb the user's work
        }
    }
}
