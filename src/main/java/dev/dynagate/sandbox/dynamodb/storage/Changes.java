package dev.dynagate.sandbox.dynamodb.storage;

import dev.dynagate.sandbox.dynamodb.schema.TableSchema;
import dev.dynagate.sandbox.dynamodb.value.AttrValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The mutations of one request or transaction, collected while it validates and checks its conditions. Nothing is
 * visible until the whole set is applied at commit, so a request that fails half way changes nothing.
 */
public final class Changes {
    sealed interface Mutation permits Put, Delete, Schema, Drop, Token {
    }

    record Put(String table, StoredItem item) implements Mutation {
    }

    record Delete(String table, Map<String, AttrValue> key) implements Mutation {
    }

    /** A new or changed schema; {@code create} starts the table empty. */
    record Schema(TableSchema schema, boolean create) implements Mutation {
    }

    record Drop(String table) implements Mutation {
    }

    record Token(IdempotencyToken token) implements Mutation {
    }

    private final List<Mutation> mutations = new ArrayList<>();
    private boolean dependsOnCommitted;
    private boolean expiry;

    public void put(String table, StoredItem item) {
        mutations.add(new Put(table, item));
    }

    public void delete(String table, Map<String, AttrValue> key) {
        mutations.add(new Delete(table, key));
    }

    public void createTable(TableSchema schema) {
        mutations.add(new Schema(schema, true));
    }

    public void updateSchema(TableSchema schema) {
        mutations.add(new Schema(schema, false));
    }

    public void dropTable(String table) {
        mutations.add(new Drop(table));
    }

    /** Remembers a transaction's token with it, in the same commit. */
    public void rememberToken(IdempotencyToken token) {
        mutations.add(new Token(token));
    }

    /**
     * Marks an answer that repeats the outcome of writes already committed (a replayed transaction): it must not
     * be acknowledged before they are durable, even though this request changes nothing itself.
     */
    public void dependOnCommitted() {
        dependsOnCommitted = true;
    }

    /** Marks deletes made by Time to Live rather than by a client: streams name the service as their author. */
    public void byTimeToLive() {
        expiry = true;
    }

    boolean expiry() {
        return expiry;
    }

    boolean dependsOnCommitted() {
        return dependsOnCommitted;
    }

    List<Mutation> mutations() {
        return mutations;
    }

    boolean isEmpty() {
        return mutations.isEmpty();
    }
}
