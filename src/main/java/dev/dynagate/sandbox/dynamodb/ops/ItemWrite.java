package dev.dynagate.sandbox.dynamodb.ops;

import dev.dynagate.sandbox.dynamodb.DynamoDbError;
import dev.dynagate.sandbox.dynamodb.expr.Condition;
import dev.dynagate.sandbox.dynamodb.expr.Expressions;
import dev.dynagate.sandbox.dynamodb.expr.LegacyParameters;
import dev.dynagate.sandbox.dynamodb.expr.Projection;
import dev.dynagate.sandbox.dynamodb.expr.UpdateAction;
import dev.dynagate.sandbox.dynamodb.schema.TableSchema;
import dev.dynagate.sandbox.dynamodb.storage.Changes;
import dev.dynagate.sandbox.dynamodb.storage.StoredItem;
import dev.dynagate.sandbox.dynamodb.storage.TableData;
import dev.dynagate.sandbox.dynamodb.value.AttrValue;
import dev.dynagate.sandbox.dynamodb.value.AttrValueJson;
import dev.dynagate.sandbox.dynamodb.value.ItemSize;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One validated item write (PutItem, UpdateItem, DeleteItem or a transaction's ConditionCheck), parsed before the
 * write lock is taken; {@link #apply} runs under the lock against the current item.
 */
final class ItemWrite {
    enum Kind { PUT, UPDATE, DELETE, CHECK }

    final Kind kind;
    final TableData table;
    final Map<String, AttrValue> key;
    /** A put's item, encoded when the request is read so the write lock is held for less. */
    private final StoredItem item;
    private final UpdateAction update;
    private final Condition condition;

    private ItemWrite(Kind kind, TableData table, Map<String, AttrValue> key, StoredItem item,
                      UpdateAction update, Condition condition) {
        this.kind = kind;
        this.table = table;
        this.key = key;
        this.item = item;
        this.update = update;
        this.condition = condition;
    }

    /** What this write adds to a transaction's aggregate size: the whole item of a Put, the key of the others. */
    long transactionBytes() {
        return item != null ? item.size() : ItemSize.of(key);
    }

    /**
     * A write as read from its request, before its table is looked up: DynamoDB reads every value and expression of
     * a request first, so a bad one is reported even when the table does not exist, and a transaction reads all its
     * actions before any of their tables. {@code values}: the item of a put, the key of the others.
     */
    record Parsed(Kind kind, String tableName, Map<String, AttrValue> values, UpdateAction action,
                  Condition condition) {
    }

    static Parsed parse(Kind kind, Request r) {
        return parse(kind, r, false);
    }

    /** {@code inTransaction}: one element of TransactWriteItems (see {@link ExpressionParams}). */
    static Parsed parse(Kind kind, Request r, boolean inTransaction) {
        String name = Names.tableName(r);
        Map<String, AttrValue> values = null;
        DynamoDbError keyTooDeep = null;
        try {
            values = kind == Kind.PUT ? Keys.namedItem(r) : r.item("Key");
        } catch (DynamoDbError e) {
            // as recorded from DynamoDB: within a transaction action, the condition is read before a key nested too
            // deep is reported
            if (!inTransaction || kind == Kind.PUT || !AttrValueJson.TOO_DEEP.equals(e.getMessage())) {
                throw e;
            }
            keyTooDeep = e;
        }
        if (kind == Kind.PUT && values == null) {
            throw Request.missing("Item");
        }
        if (kind == Kind.CHECK && !r.has("ConditionExpression")) {
            throw Request.missing("ConditionExpression");
        }
        ExpressionParams expressions = new ExpressionParams(r,
                kind == Kind.UPDATE ? ExpressionParams.Kind.UPDATE_ITEM : ExpressionParams.Kind.WRITE_ITEM,
                inTransaction);
        if (inTransaction) {
            expressions.context().refuseValuesPastTransactionLimit();
        } else {
            expressions.context().refuseDeepValues();
        }
        UpdateAction action = null;
        if (kind == Kind.UPDATE) {
            String text = r.string("UpdateExpression");
            if (text != null) {
                action = Expressions.update(text, expressions.context());
            } else if (r.node("AttributeUpdates") != null) {
                action = LegacyParameters.attributeUpdates(r.node("AttributeUpdates"));
            }
        }
        Condition condition = expressions.condition();
        if (keyTooDeep != null) {
            throw keyTooDeep;
        }
        expressions.checkAllUsed();
        return new Parsed(kind, name, values, action, condition);
    }

    static ItemWrite bind(Engine engine, Parsed p) {
        TableData table = engine.table(p.tableName());
        TableSchema schema = table.schema();
        if (p.kind() == Kind.PUT) {
            long size = Keys.item(schema, p.values(), false);
            return new ItemWrite(Kind.PUT, table, Keys.extract(schema, p.values()),
                    StoredItem.of(Collections.unmodifiableMap(p.values()), size), null, p.condition());
        }
        Map<String, AttrValue> key = Keys.key(schema, p.values());
        if (p.action() != null) {
            for (String attribute : p.action().topLevelAttributes()) {
                if (Keys.isTableKey(schema, attribute)) {
                    throw DynamoDbError.validation(Keys.INVALID + "Cannot update attribute " + attribute
                            + ". This attribute is part of the key");
                }
            }
        }
        return new ItemWrite(p.kind(), table, key, null, p.action(), p.condition());
    }

    /** What UPDATED_OLD and UPDATED_NEW read from the item: the update's paths; null when nothing is updated. */
    Projection updatedPaths() {
        return update == null ? null : update.updatedPaths();
    }

    /** Whether {@link #apply} and {@link #stage} need the current item: everything but an unconditional put. */
    boolean readsOld() {
        return kind != Kind.PUT || condition != null;
    }

    /**
     * Tests the condition against {@code old} and answers the item to store: {@code old} itself for a condition
     * check, null for a delete and for an update that only removes from an item that does not exist.
     */
    StoredItem apply(StoredItem old) {
        // a plain put or delete never looks inside the item it replaces
        boolean readsOld = condition != null || kind == Kind.UPDATE;
        Map<String, AttrValue> oldItem = old == null || !readsOld ? null : old.item();
        if (condition != null && !condition.test(oldItem == null ? Map.of() : oldItem)) {
            throw new ConditionFailed(old);
        }
        return switch (kind) {
            case CHECK -> old;
            case DELETE -> null;
            case PUT -> item;
            case UPDATE -> {
                if (old == null && update != null && update.onlyRemoves()) {
                    yield null; // nothing to take away from, and DynamoDB creates no item for it
                }
                Map<String, AttrValue> next;
                if (update == null) {
                    next = new LinkedHashMap<>(oldItem == null ? key : oldItem);
                } else {
                    next = oldItem == null ? update.applyToNewItem(key) : update.apply(oldItem);
                }
                long size = Keys.item(table.schema(), next, true);
                yield StoredItem.of(Collections.unmodifiableMap(next), size);
            }
        };
    }

    /** Stages the result of {@link #apply}; a condition check changes nothing. */
    void stage(Changes changes, StoredItem old, StoredItem next) {
        String name = table.schema().name();
        if (kind == Kind.CHECK) {
            return;
        }
        if (next == null) {
            if (old != null) {
                changes.delete(name, key);
            }
        } else {
            changes.put(name, next);
        }
    }

    /** Fails if the table was deleted or recreated since the request was parsed. */
    void checkTableStillThere(Engine engine) {
        if (engine.database().table(table.schema().name()) != table) {
            throw DynamoDbError.resourceNotFound("Requested resource not found");
        }
    }
}
