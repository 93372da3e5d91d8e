package dev.dynagate.sandbox.dynamodb.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynagate.sandbox.dynamodb.DynamoDbError;
import dev.dynagate.sandbox.dynamodb.expr.Projection;
import dev.dynagate.sandbox.dynamodb.storage.IdempotencyToken;
import dev.dynagate.sandbox.dynamodb.storage.IndexKey;
import dev.dynagate.sandbox.dynamodb.storage.StoredItem;
import dev.dynagate.sandbox.dynamodb.storage.TableData;
import dev.dynagate.sandbox.dynamodb.value.AttrValue;
import dev.dynagate.sandbox.dynamodb.value.AttrValueJson;
import dev.dynagate.sandbox.dynamodb.wire.ItemStreamWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * TransactWriteItems and TransactGetItems. A write transaction checks every action under the write lock and stages
 * its changes only if all pass, so it is committed as one log record or not at all.
 */
public final class TransactOps {
    private static final int MAX_ACTIONS = 100;
    private static final long MAX_TRANSACTION_BYTES = 4L * 1024 * 1024;
    private final Engine engine;
    private record ItemRef(String table, IndexKey key) {
    }

    private record Action(ItemWrite write, boolean oldOnFailure) {
    }

    public TransactOps(Engine engine) {
        this.engine = engine;
    }

    public ObjectNode write(Request r) {
        List<JsonNode> nodes = actions(r);
        Constraints.of(r).length("ClientRequestToken", 1, 36).capacity().metrics().check();
        String token = r.string("ClientRequestToken");
        String capacityMode = Capacity.mode(r);
        List<Action> actions = new ArrayList<>();
        Set<ItemRef> items = new HashSet<>();
        // every action's values and expressions are read before any table is looked up
        List<Request> bodies = new ArrayList<>();
        List<ItemWrite.Parsed> parsed = new ArrayList<>();
        for (JsonNode node : nodes) {
            Request action = new Request(node);
            List<String> kinds = new ArrayList<>();
            for (String kind : List.of("ConditionCheck", "Put", "Delete", "Update")) {
                if (action.has(kind)) {
                    kinds.add(kind);
                }
            }
            if (kinds.size() != 1) {
                throw DynamoDbError.validation("TransactItems can only contain one of Check, Put, Update or Delete");
            }
            Request body = action.child(kinds.get(0));
            bodies.add(body);
            parsed.add(ItemWrite.parse(switch (kinds.get(0)) {
                case "ConditionCheck" -> ItemWrite.Kind.CHECK;
                case "Put" -> ItemWrite.Kind.PUT;
                case "Delete" -> ItemWrite.Kind.DELETE;
                default -> ItemWrite.Kind.UPDATE;
            }, body, true));
        }
        for (int i = 0; i < parsed.size(); i++) {
            Request body = bodies.get(i);
            ItemWrite write;
            try {
                write = ItemWrite.bind(engine, parsed.get(i));
            } catch (InvalidItem e) {
                // DynamoDB cancels at the first invalid item and checks nothing after it
                throw cancelled(invalidAt(actions.size(), nodes.size(), e.getMessage()));
            }
            IndexKey position = write.table.keyOf(write.key);
            if (!items.add(new ItemRef(write.table.schema().name(), position))) {
                throw DynamoDbError.validation("Transaction request cannot include multiple operations on one item");
            }
            boolean oldOnFailure = "ALL_OLD".equals(body.choice("ReturnValuesOnConditionCheckFailure",
                    "returnValuesOnConditionCheckFailure", "NONE", List.of("ALL_OLD", "NONE")));
            actions.add(new Action(write, oldOnFailure));
        }
        long bytes = 0;
        for (Action action : actions) {
            bytes += action.write().transactionBytes();
        }
        // checked before any condition, as DynamoDB does
        if (bytes > MAX_TRANSACTION_BYTES) {
            throw DynamoDbError.validation("Transaction request cannot be larger than 4 MB");
        }
        long now = engine.now();
        JsonNode itemsNode = r.node("TransactItems");
        return engine.database().write(changes -> {
            if (token != null) {
                IdempotencyToken previous = engine.database().token(token);
                if (previous != null && !previous.expiredAt(now)) {
                    if (!Request.parseJson(previous.request()).equals(itemsNode)) {
                        throw new DynamoDbError("IdempotentParameterMismatchException", "Request with the same "
                                + "client token was sent with different parameters");
                    }
                    // the first request's record may still be on its way to the disk
                    changes.dependOnCommitted();
                    ObjectNode replay = (ObjectNode) Request.parseJson(previous.response());
                    replay.remove("ConsumedCapacity");
                    if (!capacityMode.equals("NONE")) {
                        replay.set("ConsumedCapacity", replayCapacity(actions, capacityMode));
                    }
                    return replay;
                }
            }
            List<ObjectNode> reasons = new ArrayList<>();
            boolean failed = false;
            Map<String, Capacity> capacities = new LinkedHashMap<>();
            List<StoredItem[]> results = new ArrayList<>();
            for (Action action : actions) {
                ItemWrite write = action.write();
                write.checkTableStillThere(engine);
                StoredItem old = write.table.get(write.key);
                ObjectNode reason = Request.object();
                try {
                    StoredItem next = write.apply(old);
                    results.add(new StoredItem[] {old, next});
                    reason.put("Code", "None");
                    Capacity capacity = capacities.computeIfAbsent(write.table.schema().name(),
                            n -> split(Capacity.forTable(capacityMode, n), Capacity.Split.WRITE));
                    if (capacity != null) {
                        capacity.write(write.table, old, write.kind == ItemWrite.Kind.CHECK ? old : next, 2);
                    }
                } catch (ConditionFailed e) {
                    failed = true;
                    results.add(null);
                    reason.put("Code", "ConditionalCheckFailed").put("Message", "The conditional request failed");
                    if (action.oldOnFailure() && e.old() != null) {
                        reason.set("Item", AttrValueJson.writeItem(e.old().item()));
                    }
                } catch (RefusedUpFront e) {
                    throw e;
                } catch (DynamoDbError e) {
                    if (!e.code().equals("ValidationException")) {
                        throw e;
                    }
                    failed = true;
                    results.add(null);
                    reason.put("Code", "ValidationError").put("Message", e.getMessage());
                }
                reasons.add(reason);
            }
            if (failed) {
                throw cancelled(reasons);
            }
            for (int i = 0; i < actions.size(); i++) {
                actions.get(i).write().stage(changes, results.get(i)[0], results.get(i)[1]);
            }
            ObjectNode out = Request.object();
            if (!capacityMode.equals("NONE")) {
                ArrayNode consumed = out.putArray("ConsumedCapacity");
                capacities.values().forEach(c -> consumed.add(c.toJson()));
            }
            if (token != null) {
                changes.rememberToken(new IdempotencyToken(token, itemsNode.toString(), out.toString(), now));
            }
            return out;
        });
    }

    private static Capacity split(Capacity capacity, Capacity.Split kind) {
        return capacity == null ? null : capacity.split(kind);
    }

    /** A replay of a finished transaction writes nothing: DynamoDB charges it as a transactional read of its items. */
    private static ArrayNode replayCapacity(List<Action> actions, String capacityMode) {
        Map<String, Capacity> capacities = new LinkedHashMap<>();
        for (Action action : actions) {
            ItemWrite write = action.write();
            StoredItem item = write.table.get(write.key);
            capacities.computeIfAbsent(write.table.schema().name(),
                    n -> Capacity.forTable(capacityMode, n).split(Capacity.Split.READ))
                    .add(2 * Capacity.readUnits(item == null ? 0 : item.size(), true));
        }
        ArrayNode consumed = Request.object().arrayNode();
        capacities.values().forEach(c -> consumed.add(c.toJson()));
        return consumed;
    }

    /** The reasons for a transaction refused at item {@code index}: that one invalid, all others None. */
    private static List<ObjectNode> invalidAt(int index, int count, String message) {
        List<ObjectNode> reasons = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ObjectNode reason = Request.object().put("Code", i == index ? "ValidationError" : "None");
            if (i == index) {
                reason.put("Message", message);
            }
            reasons.add(reason);
        }
        return reasons;
    }

    /** DynamoDB's TransactionCanceledException with one reason per action, in order. */
    public static DetailedError cancelled(List<ObjectNode> reasons) {
        ObjectNode details = Request.object();
        ArrayNode list = details.putArray("CancellationReasons");
        List<String> codes = new ArrayList<>();
        for (ObjectNode reason : reasons) {
            list.add(reason);
            codes.add(reason.get("Code").asText());
        }
        return new DetailedError("TransactionCanceledException", "Transaction cancelled, please refer cancellation "
                + "reasons for specific reasons " + codes.toString(), details);
    }

    private static List<JsonNode> actions(Request r) {
        List<JsonNode> nodes = r.list("TransactItems");
        if (nodes == null) {
            throw Request.missing("TransactItems");
        }
        if (nodes.isEmpty() || nodes.size() > MAX_ACTIONS) {
            throw DynamoDbError.validation("1 validation error detected: Value '"
                    + Request.quoted(r.node("TransactItems")) + "' at 'transactItems' failed to satisfy constraint: "
                    + "Member must have length "
                    + (nodes.isEmpty() ? "greater than or equal to 1" : "less than or equal to 100"));
        }
        return nodes;
    }

    private record Get(TableData table, Map<String, AttrValue> key, Projection projection) {
    }

    public ObjectNode get(Request r) {
        List<JsonNode> nodes = actions(r);
        String capacityMode = Capacity.mode(r);
        List<Get> gets = new ArrayList<>();
        Set<ItemRef> items = new HashSet<>();
        for (JsonNode node : nodes) {
            Request action = new Request(node);
            Request body = action.child("Get");
            if (body == null) {
                throw Request.missing("Get");
            }
            TableData table = engine.table(Names.tableName(body));
            Map<String, AttrValue> key;
            try {
                key = Keys.key(table.schema(), body.item("Key"));
            } catch (InvalidItem e) {
                throw cancelled(invalidAt(gets.size(), nodes.size(), e.getMessage()));
            }
            ExpressionParams expressions = new ExpressionParams(body, ExpressionParams.Kind.READ_ITEM, true);
            Projection projection = expressions.projection();
            expressions.checkAllUsed();
            if (!items.add(new ItemRef(table.schema().name(), table.keyOf(key)))) {
                throw DynamoDbError.validation("Transaction request cannot include multiple operations on one item");
            }
            gets.add(new Get(table, key, projection));
        }
        ObjectNode out = Request.object();
        ArrayNode responses = out.putArray("Responses");
        Map<String, Capacity> capacities = new LinkedHashMap<>();
        engine.database().read(() -> {
            for (Get get : gets) {
                StoredItem item = get.table().get(get.key());
                ObjectNode response = responses.addObject();
                if (item != null && get.projection() == null) {
                    response.putPOJO("Item", ItemStreamWriter.item(item));
                } else if (item != null) {
                    Map<String, AttrValue> projected = get.projection().apply(item.item());
                    // a projection that matches nothing answers no Item at all, as for a missing item
                    if (!projected.isEmpty()) {
                        response.set("Item", AttrValueJson.writeItem(projected));
                    }
                }
                Capacity capacity = capacities.computeIfAbsent(get.table().schema().name(),
                        n -> split(Capacity.forTable(capacityMode, n), Capacity.Split.READ));
                if (capacity != null) {
                    capacity.add(2 * Capacity.readUnits(item == null ? 0 : item.size(), true));
                }
            }
            return null;
        });
        if (!capacityMode.equals("NONE")) {
            ArrayNode consumed = out.putArray("ConsumedCapacity");
            capacities.values().forEach(c -> consumed.add(c.toJson()));
        }
        return out;
    }

}
