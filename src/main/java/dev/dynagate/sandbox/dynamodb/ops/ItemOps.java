package dev.dynagate.sandbox.dynamodb.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynagate.sandbox.dynamodb.DynamoDbError;
import dev.dynagate.sandbox.dynamodb.expr.Projection;
import dev.dynagate.sandbox.dynamodb.storage.StoredItem;
import dev.dynagate.sandbox.dynamodb.storage.TableData;
import dev.dynagate.sandbox.dynamodb.value.AttrValue;
import dev.dynagate.sandbox.dynamodb.value.AttrValueJson;
import dev.dynagate.sandbox.dynamodb.value.ItemSize;
import dev.dynagate.sandbox.dynamodb.wire.ItemStreamWriter;
import java.util.List;
import java.util.Map;

/** PutItem, GetItem, UpdateItem and DeleteItem. */
public final class ItemOps {
    private final Engine engine;

    public ItemOps(Engine engine) {
        this.engine = engine;
    }

    public ObjectNode put(Request r) {
        ItemWrite.Parsed parsed = readAlone(r, ItemWrite.Kind.PUT, () -> {
            Constraints.of(r).capacity().name("TableName", true).notNull("Item").conditionalOperator().returnValues()
                    .metrics().checkSingleItem();
            onlyOldOrNone(r.string("ReturnValues"));
        });
        String returnValues = r.string("ReturnValues");
        return write(r, ItemWrite.bind(engine, parsed), returnValues == null ? "NONE" : returnValues);
    }

    public ObjectNode delete(Request r) {
        ItemWrite.Parsed parsed = readAlone(r, ItemWrite.Kind.DELETE, () -> {
            Constraints.of(r).capacity().name("TableName", true).returnValues().metrics().notNull("Key")
                    .conditionalOperator().checkSingleItem();
            onlyOldOrNone(r.string("ReturnValues"));
        });
        String returnValues = r.string("ReturnValues");
        return write(r, ItemWrite.bind(engine, parsed), returnValues == null ? "NONE" : returnValues);
    }

    public ObjectNode update(Request r) {
        ItemWrite.Parsed parsed = readAlone(r, ItemWrite.Kind.UPDATE, () -> Constraints.of(r).capacity()
                .name("TableName", true).metrics().returnValues().conditionalOperator().notNull("Key")
                .checkSingleItem());
        String returnValues = r.choice("ReturnValues", "returnValues", "NONE",
                List.of("NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW"));
        ItemWrite write = ItemWrite.bind(engine, parsed);
        // the statement's own charge is checked before the condition, whatever the item holds
        if (parsed.action() != null && parsed.action().statementCharge() > ItemSize.MAX_ITEM_BYTES) {
            throw DynamoDbError.validation(Keys.UPDATE_TOO_LARGE);
        }
        return write(r, write, returnValues);
    }

    /**
     * The checks a single-item write makes on the request alone, before its table is read: its members, then its
     * values and expressions. What they refuse is worded by the validation layer that reads the request.
     */
    private static ItemWrite.Parsed readAlone(Request r, ItemWrite.Kind kind, Runnable memberChecks) {
        try {
            memberChecks.run();
            return ItemWrite.parse(kind, r);
        } catch (DynamoDbError e) {
            throw ValidationLayer.enveloped(r, e);
        }
    }

    private static void onlyOldOrNone(String returnValues) {
        if (returnValues != null && !List.of("NONE", "ALL_OLD").contains(returnValues)) {
            throw DynamoDbError.validation("ReturnValues can only be ALL_OLD or NONE");
        }
    }

    private ObjectNode write(Request r, ItemWrite write, String returnValues) {
        Capacity capacity = Capacity.of(r, write.table.schema().name());
        boolean oldOnFailure = "ALL_OLD".equals(r.choice("ReturnValuesOnConditionCheckFailure",
                "returnValuesOnConditionCheckFailure", "NONE", List.of("ALL_OLD", "NONE")));
        ObjectNode metrics = Capacity.collectionMetrics(r, write.table.schema(), write.key);
        // a plain put that answers nothing about the item it replaces need not look it up: the store finds it anyway
        boolean readsOld = capacity != null || !"NONE".equals(returnValues) || write.readsOld();
        StoredItem[] result;
        try {
            result = engine.database().write(changes -> {
                write.checkTableStillThere(engine);
                StoredItem old = readsOld ? write.table.get(write.key) : null;
                StoredItem next = write.apply(old);
                write.stage(changes, old, next);
                if (capacity != null) {
                    capacity.write(write.table, old, next, 1);
                }
                return new StoredItem[] {old, next};
            });
        } catch (ConditionFailed failed) {
            ObjectNode details = Request.object();
            if (oldOnFailure && failed.old() != null) {
                details.set("Item", AttrValueJson.writeItem(failed.old().item()));
            }
            throw new DetailedError("ConditionalCheckFailedException", "The conditional request failed", details);
        }
        ObjectNode out = Request.object();
        Map<String, AttrValue> attributes = returned(returnValues, result[0], result[1], write.updatedPaths());
        if (attributes != null && !attributes.isEmpty()) {
            out.set("Attributes", AttrValueJson.writeItem(attributes));
        }
        Capacity.report(capacity, out);
        if (metrics != null) {
            out.set("ItemCollectionMetrics", metrics);
        }
        return out;
    }

    private static Map<String, AttrValue> returned(String mode, StoredItem old, StoredItem next, Projection updated) {
        return switch (mode) {
            case "ALL_OLD" -> old == null ? null : old.item();
            case "ALL_NEW" -> next == null ? null : next.item();
            case "UPDATED_OLD" -> old == null || updated == null ? null : updated.apply(old.item());
            case "UPDATED_NEW" -> next == null || updated == null ? null : updated.apply(next.item());
            default -> null;
        };
    }

    public ObjectNode get(Request r) {
        Constraints.of(r).capacity().name("TableName", true).notNull("Key").nonEmptyList("AttributesToGet").check();
        String name = Names.tableName(r);
        Map<String, AttrValue> keyValues = r.item("Key");
        // as for writes, the request's own values and expressions are read before its table is looked up
        ExpressionParams expressions = new ExpressionParams(r, ExpressionParams.Kind.READ_ITEM);
        Projection projection = expressions.projection();
        expressions.checkAllUsed();
        TableData table = engine.table(name);
        Map<String, AttrValue> key = Keys.key(table.schema(), keyValues);
        boolean consistent = r.bool("ConsistentRead", false);
        Capacity capacity = Capacity.of(r, table.schema().name());
        StoredItem item = engine.database().read(() -> table.get(key));
        ObjectNode out = Request.object();
        if (item != null && projection == null) {
            out.putPOJO("Item", ItemStreamWriter.item(item));
        } else if (item != null) {
            out.set("Item", AttrValueJson.writeItem(projection.apply(item.item())));
        }
        if (capacity != null) {
            capacity.read(item == null ? 0 : item.size(), consistent);
            Capacity.report(capacity, out);
        }
        return out;
    }
}
