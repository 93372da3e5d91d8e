package dev.dynagate.tables;

import java.util.ArrayList;
import java.util.List;

/** A TableAdmin that does nothing but remember what it was asked, for presenter tests. */
class RecordingTableAdmin implements TableAdmin {
    final List<Spec> created = new ArrayList<>();
    final List<String> calls = new ArrayList<>();
    final List<IndexSpec> addedIndexes = new ArrayList<>();

    @Override
    public void create(Spec spec) {
        created.add(spec);
        calls.add("create " + spec.name());
    }

    @Override
    public void delete(String table) {
        calls.add("delete " + table);
    }

    @Override
    public void setTimeToLive(String table, String attribute, boolean enabled) {
        calls.add("ttl " + table + " " + attribute + " " + enabled);
    }

    @Override
    public void setCapacity(String table, boolean onDemand, Units units, java.util.Map<String, Units> indexUnits) {
        StringBuilder call = new StringBuilder("capacity " + table + (onDemand ? " on demand" : " " + units.read()
                + "/" + units.write()));
        new java.util.TreeMap<>(indexUnits).forEach((index, given) -> call.append(", ").append(index).append(' ')
                .append(given.read()).append('/').append(given.write()));
        calls.add(call.toString());
    }

    @Override
    public void addGlobalIndex(String table, IndexSpec index) {
        addedIndexes.add(index);
        calls.add("add index " + index.name() + " to " + table);
    }

    @Override
    public void deleteGlobalIndex(String table, String index) {
        calls.add("delete index " + index + " of " + table);
    }
}
