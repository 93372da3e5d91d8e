package dev.dynagate.tables;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An {@link ItemStore} that reads through and refuses every write before it reaches the network. */
public final class ReadOnlyItemStore implements ItemStore {
    private final ItemStore reads;
    private final String connectionName;

    public ReadOnlyItemStore(ItemStore reads, String connectionName) {
        this.reads = reads;
        this.connectionName = connectionName;
    }

    @Override
    public ItemPage read(ReadRequest request, Map<String, Attr> exclusiveStartKey) {
        return reads.read(request, exclusiveStartKey);
    }

    @Override
    public ItemPage readSegment(ReadRequest scan, int segment, int totalSegments, Map<String, Attr> exclusiveStartKey) {
        return reads.readSegment(scan, segment, totalSegments, exclusiveStartKey);
    }

    @Override
    public Optional<Map<String, Attr>> get(String table, Map<String, Attr> key) {
        return reads.get(table, key);
    }

    @Override
    public void put(String table, Map<String, Attr> item, Condition condition) {
        throw new ReadOnlyRefusal(connectionName, "PutItem on " + table);
    }

    @Override
    public Map<String, Attr> update(String table, Map<String, Attr> key, ItemChange change, Condition condition) {
        throw new ReadOnlyRefusal(connectionName, "UpdateItem on " + table);
    }

    @Override
    public void delete(String table, Map<String, Attr> key, Condition condition) {
        throw new ReadOnlyRefusal(connectionName, "DeleteItem on " + table);
    }

    @Override
    public List<Map<String, Attr>> deleteBatch(String table, List<Map<String, Attr>> keys) {
        throw new ReadOnlyRefusal(connectionName, "BatchWriteItem on " + table);
    }

    @Override
    public List<Map<String, Attr>> putBatch(String table, List<Map<String, Attr>> items) {
        throw new ReadOnlyRefusal(connectionName, "BatchWriteItem on " + table);
    }
}
