package dev.dynagate.tables;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The content of {@code tables.json} in the config folder: recently opened tables and grid layouts. */
public final class TablePreferencesFile {
    /** Connection id → table names, most recent first. */
    public Map<String, List<String>> recent = new LinkedHashMap<>();
    /** "connection id/table" → the grid's column layout. */
    public Map<String, ColumnLayout> columns = new LinkedHashMap<>();
    /** Per connection id, the PartiQL statements run there, newest first. */
    public Map<String, List<String>> statements = new LinkedHashMap<>();

    /** Column order, widths and hidden columns of one table's grid. */
    public static final class ColumnLayout {
        public List<String> order = new ArrayList<>();
        public Map<String, Double> widths = new LinkedHashMap<>();
        public List<String> hidden = new ArrayList<>();
    }
}
