package dev.dynagate.sandbox.dynamodb.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynagate.sandbox.SandboxContext;
import dev.dynagate.sandbox.dynamodb.DynamoDbError;
import dev.dynagate.sandbox.dynamodb.expr.Projection;
import dev.dynagate.sandbox.dynamodb.storage.StoredItem;
import dev.dynagate.sandbox.dynamodb.storage.TableData;
import dev.dynagate.sandbox.dynamodb.value.AttrValue;
import dev.dynagate.sandbox.dynamodb.value.AttrValueJson;
import dev.dynagate.sandbox.dynamodb.value.ItemSize;
import dev.dynagate.sandbox.dynamodb.wire.ItemStreamWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** BatchGetItem and BatchWriteItem. The sandbox never throttles, so nothing is ever left unprocessed. */
public final class BatchOps {
    private static final int MAX_GET = 100;
    private static final int MAX_WRITE = 25;
    private final Engine engine;

    public BatchOps(Engine engine) {
        this.engine = engine;
    }

    /** {@code given}: the table as the request named it, by name or ARN, which the answer names it by too. */
    private record TableGet(String given, TableData table, List<Map<String, AttrValue>> keys, Projection projection,
                            boolean consistent, JsonNode spec) {
    }

    /** A BatchGetItem answers at most this much item data; the keys it did not reach come back as UnprocessedKeys. */
    static final long MAX_RESPONSE_BYTES = 16L * 1024 * 1024;

    public ObjectNode get(Request r) {
        // BatchGetItem's current validation layer echoes the member as the JSON sent, as recorded from DynamoDB
        Constraints.of(r).tableNameKeys("RequestItems", JsonNode::toString).capacity().notNull("RequestItems").check();
        Map<String, JsonNode> requestItems = requestItems(r, "com.amazonaws.dynamodb.v20120810.KeysAndAttributes",
                "BatchGetItem");
        String capacityMode = Capacity.mode(r);
        List<TableGet> gets = new ArrayList<>();
        int total = 0;
        checkOneProjectionStyle(requestItems.values());
        for (Map.Entry<String, JsonNode> e : requestItems.entrySet()) {
            String name = Names.check(Names.resolve(e.getKey()), "requestItems.key", 255);
            Request spec = new Request(e.getValue());
            List<JsonNode> keyNodes = spec.list("Keys");
            if (keyNodes == null) {
                throw Request.missing("Keys");
            }
            if (keyNodes.isEmpty()) {
                throw DynamoDbError.validation("1 validation error detected: Value at 'RequestItems." + e.getKey()
                        + ".member.Keys' failed to satisfy constraint: Member must have length greater than or equal to "
                        + "1");
            }
            if (keyNodes.size() > MAX_GET) {
                throw DynamoDbError.validation("1 validation error detected: Value at 'RequestItems." + e.getKey()
                        + ".member.Keys' failed to satisfy constraint: Member must have length less than or equal to "
                        + "100");
            }
            JsonNode attributesToGet = spec.node("AttributesToGet");
            if (attributesToGet != null && attributesToGet.isArray() && attributesToGet.isEmpty()) {
                throw DynamoDbError.validation("1 validation error detected: Value '[]' at 'requestItems." + e.getKey()
                        + ".member.attributesToGet' failed to satisfy constraint: Member must have length greater "
                        + "than or equal to 1");
            }
            total += keyNodes.size();
            if (total > MAX_GET) {
                throw DynamoDbError.validation("Too many items requested for the BatchGetItem call");
            }
            ExpressionParams expressions = new ExpressionParams(spec, ExpressionParams.Kind.READ_ITEM);
            Projection projection = expressions.projection();
            expressions.checkAllUsed();
            List<Map<String, AttrValue>> given = new ArrayList<>();
            for (JsonNode k : keyNodes) {
                given.add(AttrValueJson.readItem(k));
            }
            // the same key twice is refused before the table is looked up
            if (new HashSet<>(given).size() < given.size()) {
                throw DynamoDbError.validation("Provided list of item keys contains duplicates");
            }
            TableData table = engine.table(name);
            List<Map<String, AttrValue>> keys = new ArrayList<>();
            Set<Map<String, AttrValue>> seen = new HashSet<>();
            for (Map<String, AttrValue> k : given) {
                Map<String, AttrValue> key = Keys.key(table.schema(), k);
                if (!seen.add(key)) {
                    throw DynamoDbError.validation("Provided list of item keys contains duplicates");
                }
                keys.add(key);
            }
            gets.add(new TableGet(e.getKey(), table, keys, projection, spec.bool("ConsistentRead", false),
                    e.getValue()));
        }
        ObjectNode out = Request.object();
        ObjectNode responses = out.putObject("Responses");
        ObjectNode unprocessed = Request.object();
        ArrayNode consumed = capacityMode.equals("NONE") ? null : Request.object().arrayNode();
        long[] answered = {0};
        engine.database().read(() -> {
            for (TableGet get : gets) {
                ArrayNode items = responses.putArray(get.given());
                Capacity capacity = Capacity.forTable(capacityMode, get.given());
                List<Map<String, AttrValue>> left = new ArrayList<>();
                for (Map<String, AttrValue> key : get.keys()) {
                    StoredItem item = left.isEmpty() ? get.table().get(key) : null;
                    Map<String, AttrValue> projected = item == null || get.projection() == null ? null
                            : get.projection().apply(item.item());
                    long bytes = item == null ? 0 : projected == null ? item.size() : ItemSize.of(projected);
                    if (!left.isEmpty() || answered[0] + bytes > MAX_RESPONSE_BYTES) {
                        left.add(key);
                        continue;
                    }
                    answered[0] += bytes;
                    if (projected != null) {
                        items.add(AttrValueJson.writeItem(projected));
                    } else if (item != null) {
                        items.addPOJO(ItemStreamWriter.item(item));
                    }
                    if (capacity != null) {
                        capacity.read(item == null ? 0 : item.size(), get.consistent());
                    }
                }
                if (!left.isEmpty()) {
                    // as requested (projection, names, consistency), with the keys not reached
                    ObjectNode again = (ObjectNode) get.spec().deepCopy();
                    ArrayNode keys = again.putArray("Keys");
                    left.forEach(key -> keys.add(AttrValueJson.writeItem(key)));
                    unprocessed.set(get.given(), again);
                }
                if (capacity != null) {
                    consumed.add(capacity.toJson());
                }
            }
            return null;
        });
        out.set("UnprocessedKeys", unprocessed);
        if (consumed != null) {
            out.set("ConsumedCapacity", consumed);
        }
        return out;
    }

    /** One BatchGetItem projects every table the same way: with expressions or with the legacy parameter. */
    private static void checkOneProjectionStyle(java.util.Collection<JsonNode> specs) {
        boolean expression = false;
        boolean legacy = false;
        for (JsonNode spec : specs) {
            expression |= spec.hasNonNull("ProjectionExpression");
            legacy |= spec.hasNonNull("AttributesToGet");
        }
        if (expression && legacy) {
            throw DynamoDbError.validation("Can not use both expression and non-expression parameters in the same "
                    + "request: Non-expression parameters: {AttributesToGet} Expression parameters: "
                    + "{ProjectionExpression}");
        }
    }

    private static Map<String, JsonNode> requestItems(Request r, String valueType, String operation) {
        JsonNode node = r.node("RequestItems");
        if (node == null) {
            throw Request.missing("RequestItems");
        }
        if (!node.isObject()) {
            throw Request.notAMap(node, valueType);
        }
        if (node.isEmpty() && operation.equals("BatchGetItem")) {
            // the current validation layer's words, which BatchGetItem answers in all regions but one (2026-10)
            throw DynamoDbError.validation("1 validation error detected: Value at 'RequestItems' failed to satisfy "
                    + "constraint: Member must have length greater than or equal to 1");
        }
        if (node.isEmpty()) {
            throw DynamoDbError.validation("The requestItems parameter is required for " + operation);
        }
        // BatchGetItem has checked the table names with its other members already; BatchWriteItem checks them here
        Constraints.of(r).tableNameKeys("RequestItems", JavaEcho::writeRequests).check();
        Map<String, JsonNode> out = new LinkedHashMap<>();
        Map<String, String> givenFor = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            // a table named twice, by name and by ARN, is one entry as in DynamoDB: the later one
            String earlier = givenFor.put(Names.resolve(e.getKey()), e.getKey());
            if (earlier != null) {
                out.remove(earlier);
            }
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }

    /** {@code item}: a put's item, encoded while the request is read, outside the write lock; null for a delete. */
    private record Write(String given, TableData table, Map<String, AttrValue> key, StoredItem item) {
    }

    public ObjectNode write(Request r) {
        // unlike BatchGetItem, BatchWriteItem reports a malformed table name only after its other members
        Constraints.of(r).capacity().metrics().notNull("RequestItems").check();
        Map<String, JsonNode> requestItems = requestItems(r,
                "java.util.List<com.amazonaws.dynamodb.v20120810.WriteRequest>", "BatchWriteItem");
        String capacityMode = Capacity.mode(r);
        List<Write> writes = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : requestItems.entrySet()) {
            String name = Names.check(Names.resolve(e.getKey()), "requestItems.key", 255);
            JsonNode list = e.getValue();
            if (!list.isArray()) {
                throw Request.notAList(list);
            }
            if (list.isEmpty() || list.size() > MAX_WRITE) {
                throw DynamoDbError.validation("1 validation error detected: Value '"
                        + JavaEcho.writeRequests(r.node("RequestItems")) + "' at 'requestItems' failed to satisfy "
                        + "constraint: Map value must satisfy constraint: [Member must have length less than or equal "
                        + "to 25, Member must have length greater than or equal to 1]");
            }
            TableData table = engine.table(name);
            Set<Map<String, AttrValue>> seen = new HashSet<>();
            for (JsonNode n : list) {
                Request w = new Request(n);
                Request put = w.child("PutRequest");
                Request delete = w.child("DeleteRequest");
                if (put == null && delete == null) {
                    // DynamoDB's wording for an empty WriteRequest; with both requests the put is the one done
                    throw DynamoDbError.validation("Supplied AttributeValue has more than one datatypes set, must "
                            + "contain exactly one of the supported datatypes");
                }
                Write write;
                if (put != null) {
                    Map<String, AttrValue> item = Keys.namedItem(put);
                    if (item == null) {
                        throw Request.missing("Item");
                    }
                    long size;
                    try {
                        size = Keys.item(table.schema(), item, false);
                    } catch (DynamoDbError invalid) {
                        // a batch put names a missing or mistyped key like a key parameter
                        String why = invalid.getMessage();
                        if (why.contains("Missing the key") || why.contains("Type mismatch for key")) {
                            throw DynamoDbError.validation("The provided key element does not match the schema");
                        }
                        throw invalid;
                    }
                    write = new Write(e.getKey(), table, Keys.extract(table.schema(), item),
                            StoredItem.of(java.util.Collections.unmodifiableMap(item), size));
                } else {
                    write = new Write(e.getKey(), table, Keys.key(table.schema(), delete.item("Key")), null);
                }
                if (!seen.add(write.key())) {
                    throw DynamoDbError.validation("Provided list of item keys contains duplicates");
                }
                writes.add(write);
            }
        }
        if (writes.size() > MAX_WRITE) {
            throw DynamoDbError.validation("Too many items requested for the BatchWriteItem call");
        }
        Map<String, Capacity> capacities = new LinkedHashMap<>();
        engine.database().write(changes -> {
            for (Write w : writes) {
                String name = w.table().schema().name();
                if (engine.database().table(name) != w.table()) {
                    throw DynamoDbError.resourceNotFound("Requested resource not found");
                }
                StoredItem old = w.table().get(w.key());
                StoredItem next = w.item();
                if (next != null) {
                    changes.put(name, next);
                } else if (old != null) {
                    changes.delete(name, w.key());
                }
                Capacity capacity = capacities.computeIfAbsent(w.given(), n -> Capacity.forTable(capacityMode, n));
                if (capacity != null) {
                    capacity.write(w.table(), old, next, 1);
                }
            }
            return null;
        });
        ObjectNode out = Request.object();
        out.putObject("UnprocessedItems");
        if (!capacityMode.equals("NONE")) {
            ArrayNode consumed = out.putArray("ConsumedCapacity");
            capacities.values().forEach(c -> consumed.add(c.toJson()));
        }
        return out;
    }

    /** DescribeLimits: DynamoDB's default quotas for provisioned capacity in a region, which the sandbox reports. */
    public static ObjectNode limits() {
        return Request.object().put("AccountMaxReadCapacityUnits", 80_000).put("AccountMaxWriteCapacityUnits", 80_000)
                .put("TableMaxReadCapacityUnits", 40_000).put("TableMaxWriteCapacityUnits", 40_000);
    }

    /** DescribeEndpoints, which some SDKs call before anything else. */
    public static ObjectNode endpoints(SandboxContext context) {
        ObjectNode out = Request.object();
        out.putArray("Endpoints").addObject().put("Address", context.endpoint().getAuthority())
                .put("CachePeriodInMinutes", 1440);
        return out;
    }
}
