package dev.dynagate.sandbox.dynamodb.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynagate.sandbox.dynamodb.DynamoDbError;
import dev.dynagate.sandbox.dynamodb.schema.IndexSchema;
import dev.dynagate.sandbox.dynamodb.schema.KeyAttr;
import dev.dynagate.sandbox.dynamodb.schema.TableSchema;
import dev.dynagate.sandbox.dynamodb.storage.KeyBytes;
import dev.dynagate.sandbox.dynamodb.value.AttrValue;
import dev.dynagate.sandbox.dynamodb.value.AttrValueJson;
import dev.dynagate.sandbox.dynamodb.value.ItemSize;
import java.util.LinkedHashMap;
import java.util.Map;

/** DynamoDB's checks on keys and items, with its messages. */
public final class Keys {
    static final String INVALID = "One or more parameter values were invalid: ";
    static final String UPDATE_TOO_LARGE = "Item size to update has exceeded the maximum allowed size";
    private static final String NOT_VALID = "One or more parameter values are not valid. ";
    private static final int MAX_HASH = 2048;
    private static final int MAX_RANGE = 1024;
    // DynamoDB's own words, the missing space included
    private static final String HASH_KEY_TOO_LONG = INVALID
            + "Size of hashkey has exceeded the maximum size limit of2048 bytes";
    private static final String RANGE_KEY_TOO_LONG = INVALID
            + "Aggregated size of all range keys has exceeded the size limit of 1024 bytes";

    private Keys() {
    }

    /** Checks a Key parameter: exactly the table's key attributes, of the right types, non-empty. */
    static Map<String, AttrValue> key(TableSchema schema, Map<String, AttrValue> key) {
        if (key == null) {
            throw Request.missing("Key");
        }
        int expected = schema.range() == null ? 1 : 2;
        if (key.size() != expected || !matches(key.get(schema.hash().name()), schema.hash())
                || (schema.range() != null && !matches(key.get(schema.range().name()), schema.range()))) {
            throw new InvalidItem("The provided key element does not match the schema");
        }
        checkKeyValue(schema.hash(), key.get(schema.hash().name()), true);
        if (schema.range() != null) {
            checkKeyValue(schema.range(), key.get(schema.range().name()), false);
        }
        return key;
    }

    private static boolean matches(AttrValue v, KeyAttr attr) {
        return v != null && v.type().equals(attr.type());
    }

    private static void checkKeyValue(KeyAttr attr, AttrValue v, boolean hash) {
        byte[] bytes = KeyBytes.of(v);
        if (bytes.length == 0) {
            throw new RefusedUpFront(NOT_VALID + "The AttributeValue for a key attribute cannot contain an empty "
                    + typeWord(v) + " value. Key: " + attr.name());
        }
        if (hash && bytes.length > MAX_HASH) {
            throw new InvalidItem(HASH_KEY_TOO_LONG);
        }
        if (!hash && bytes.length > MAX_RANGE) {
            throw new InvalidItem(RANGE_KEY_TOO_LONG);
        }
    }

    /**
     * The item a put sends, read once its attributes are known to be named: DynamoDB refuses an attribute named by
     * the empty string before it looks at any value, so even ahead of a value nested too deep.
     */
    static Map<String, AttrValue> namedItem(Request put) {
        JsonNode raw = put.node("Item");
        if (raw != null && raw.isObject() && raw.hasNonNull("")) {
            throw DynamoDbError.validation("Empty attribute name");
        }
        return put.item("Item");
    }

    /** The checks a PutItem makes on an item: table and index key attributes present and typed, and its size. */
    public static void checkPut(TableSchema schema, Map<String, AttrValue> item) {
        item(schema, item, false);
    }

    /**
     * Checks an item to store: its table key, the types of index keys it has, its size; answers that size. Indexes
     * are checked in the order of their names, so an attribute that keys two of them is reported as DynamoDB
     * reports it.
     */
    static long item(TableSchema schema, Map<String, AttrValue> item, boolean update) {
        tableKeyOf(schema, item);
        for (IndexSchema index : schema.indexesByName()) {
            for (KeyAttr attr : index.hashes()) {
                indexKey(index, attr, item.get(attr.name()), update);
            }
            for (KeyAttr attr : index.ranges()) {
                indexKey(index, attr, item.get(attr.name()), update);
            }
        }
        // a request's values are held to the nesting limit as they are read; an update can nest deeper by its path
        if (update && AttrValueJson.tooDeep(item)) {
            throw new InvalidItem(AttrValueJson.TOO_DEEP);
        }
        long size = ItemSize.of(item);
        if (size > ItemSize.MAX_ITEM_BYTES && update) {
            throw new InvalidItem(UPDATE_TOO_LARGE);
        }
        if (size > ItemSize.MAX_ITEM_BYTES) {
            throw new RefusedUpFront("Item size has exceeded the maximum allowed size");
        }
        return size;
    }

    private static void tableKeyOf(TableSchema schema, Map<String, AttrValue> item) {
        itemKey(schema.hash(), item.get(schema.hash().name()), true);
        if (schema.range() != null) {
            itemKey(schema.range(), item.get(schema.range().name()), false);
        }
    }

    private static void itemKey(KeyAttr attr, AttrValue v, boolean hash) {
        if (v == null) {
            throw new InvalidItem(INVALID + "Missing the key " + attr.name() + " in the item");
        }
        if (!v.type().equals(attr.type())) {
            throw new InvalidItem(INVALID + "Type mismatch for key " + attr.name() + " expected: "
                    + attr.type() + " actual: " + v.type());
        }
        checkKeyValue(attr, v, hash);
    }

    private static void indexKey(IndexSchema index, KeyAttr attr, AttrValue v, boolean update) {
        if (v == null) {
            return;
        }
        if (!v.type().equals(attr.type())) {
            throw new InvalidItem(INVALID + "Type mismatch for Index Key " + attr.name() + " Expected: "
                    + attr.type() + " Actual: " + v.type() + " IndexName: " + index.name());
        }
        int bytes = KeyBytes.of(v).length;
        if (bytes == 0 && update) {
            throw new RefusedUpFront(NOT_VALID + "The update expression attempted to update a secondary index key to a "
                    + "value that is not supported. The AttributeValue for a key attribute cannot contain an empty "
                    + typeWord(v) + " value.");
        }
        if (bytes == 0) {
            throw new RefusedUpFront(NOT_VALID + "A value specified for a secondary index key is not supported. The "
                    + "AttributeValue for a key attribute cannot contain an empty " + typeWord(v)
                    + " value. IndexName: " + index.name() + ", IndexKey: " + attr.name());
        }
        // an index key is held to the table key's limits, with the same words
        boolean hash = index.hashes().contains(attr);
        if (hash && bytes > MAX_HASH) {
            throw new InvalidItem(HASH_KEY_TOO_LONG);
        }
        if (!hash && bytes > MAX_RANGE) {
            throw new InvalidItem(RANGE_KEY_TOO_LONG);
        }
    }

    private static String typeWord(AttrValue v) {
        return v instanceof AttrValue.S ? "string" : "binary";
    }

    /** The key attributes of an item, in schema order. */
    static Map<String, AttrValue> extract(TableSchema schema, Map<String, AttrValue> item) {
        Map<String, AttrValue> key = new LinkedHashMap<>();
        key.put(schema.hash().name(), item.get(schema.hash().name()));
        if (schema.range() != null) {
            key.put(schema.range().name(), item.get(schema.range().name()));
        }
        return key;
    }

    static boolean isTableKey(TableSchema schema, String attribute) {
        return attribute.equals(schema.hash().name()) || (schema.range() != null && attribute.equals(schema.range().name()));
    }
}
