package dev.dynagate.tables;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** An item store for presenter tests: scripted pages for reads, a map of items for writes, every call recorded. */
class FakeItemStore implements ItemStore {
    final List<String> calls = new ArrayList<>();
    final Map<Map<String, Attr>, Map<String, Attr>> stored = new LinkedHashMap<>();
    final List<String> keyNames;
    /** page number (0-based) → page; a page's lastEvaluatedKey decides whether another follows. */
    Function<Integer, ItemPage> pages = n -> new ItemPage(List.of(), 0, 0, null);
    /** How many deletes each BatchWriteItem leaves unprocessed (then 0 from then on). */
    List<Integer> unprocessedPerBatch = new ArrayList<>();
    Condition lastCondition;

    FakeItemStore(List<String> keyNames) {
        this.keyNames = keyNames;
    }

    static Map<String, Attr> pageKey(int n) {
        return Map.of("page", Attr.n(n));
    }

    @Override
    public ItemPage read(ReadRequest request, Map<String, Attr> exclusiveStartKey) {
        int n = exclusiveStartKey == null ? 0 : Integer.parseInt(((Attr.N) exclusiveStartKey.get("page")).value());
        synchronized (calls) {
            calls.add("read " + n);
        }
        return pages.apply(n);
    }

    /** Segment 0 holds the scripted pages; the other segments are empty. */
    @Override
    public ItemPage readSegment(ReadRequest scan, int segment, int totalSegments, Map<String, Attr> exclusiveStartKey) {
        if (segment == 0) {
            return read(scan, exclusiveStartKey);
        }
        synchronized (calls) {
            calls.add("read segment " + segment + " of " + totalSegments);
        }
        return new ItemPage(List.of(), 0, 0, null);
    }

    @Override
    public Optional<Map<String, Attr>> get(String table, Map<String, Attr> key) {
        calls.add("get");
        return Optional.ofNullable(stored.get(key));
    }

    @Override
    public synchronized void put(String table, Map<String, Attr> item, Condition condition) {
        calls.add("put");
        lastCondition = condition;
        Map<String, Attr> key = key(item);
        Map<String, Attr> existing = stored.get(key);
        boolean holds = condition == null || (condition.expression().startsWith("attribute_not_exists") ? existing == null
                : existing != null && condition.names().entrySet().stream().allMatch(e ->
                        condition.values().get(":" + e.getKey().substring(1)).equals(existing.get(e.getValue()))));
        if (!holds) {
            throw new ConflictException("conditional check failed", null);
        }
        stored.put(key, item);
    }

    @Override
    public Map<String, Attr> update(String table, Map<String, Attr> key, ItemChange change, Condition condition) {
        calls.add("update");
        lastCondition = condition;
        Map<String, Attr> existing = stored.get(key);
        // a name with a value must still have it; a name without one (attribute_not_exists) must still be missing
        boolean holds = existing != null && (condition == null || condition.names().entrySet().stream().allMatch(e -> {
            Attr expected = condition.values().get(":" + e.getKey().substring(1));
            return expected == null ? !existing.containsKey(e.getValue()) : expected.equals(existing.get(e.getValue()));
        }));
        if (!holds) {
            throw new ConflictException("conditional check failed", null);
        }
        Map<String, Attr> next = new LinkedHashMap<>(existing);
        next.putAll(change.set());
        change.remove().forEach(next::remove);
        stored.put(key, next);
        return next;
    }

    @Override
    public void delete(String table, Map<String, Attr> key, Condition condition) {
        calls.add("delete");
        stored.remove(key);
    }

    @Override
    public List<Map<String, Attr>> deleteBatch(String table, List<Map<String, Attr>> keys) {
        calls.add("batch " + keys.size());
        int left = unprocessedPerBatch.isEmpty() ? 0 : unprocessedPerBatch.remove(0);
        List<Map<String, Attr>> done = keys.subList(0, keys.size() - left);
        done.forEach(stored::remove);
        return List.copyOf(keys.subList(keys.size() - left, keys.size()));
    }

    @Override
    public synchronized List<Map<String, Attr>> putBatch(String table, List<Map<String, Attr>> items) {
        calls.add("put batch " + items.size());
        int left = unprocessedPerBatch.isEmpty() ? 0 : unprocessedPerBatch.remove(0);
        items.subList(0, items.size() - left).forEach(item -> stored.put(key(item), item));
        return List.copyOf(items.subList(items.size() - left, items.size()));
    }

    Map<String, Attr> key(Map<String, Attr> item) {
        Map<String, Attr> key = new LinkedHashMap<>();
        keyNames.forEach(n -> key.put(n, item.get(n)));
        return key;
    }
}
