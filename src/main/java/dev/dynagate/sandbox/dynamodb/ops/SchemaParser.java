package dev.dynagate.sandbox.dynamodb.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynagate.sandbox.dynamodb.DynamoDbError;
import dev.dynagate.sandbox.dynamodb.schema.IndexSchema;
import dev.dynagate.sandbox.dynamodb.schema.KeyAttr;
import dev.dynagate.sandbox.dynamodb.schema.Throughput;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the key schemas, attribute definitions, indexes and throughput of CreateTable and UpdateTable. */
final class SchemaParser {
    /** Most HASH attributes, and most RANGE attributes, a global secondary index's key may have. */
    static final int MAX_INDEX_KEY_ATTRIBUTES = 4;

    static final String INVALID = "One or more parameter values were invalid: ";

    private SchemaParser() {
    }

    static List<KeyAttr> attributeDefinitions(Request request) {
        List<JsonNode> defs = request.list("AttributeDefinitions");
        if (defs == null) {
            throw Request.missing("AttributeDefinitions");
        }
        List<KeyAttr> out = new ArrayList<>();
        for (JsonNode def : defs) {
            Request d = new Request(def);
            String name = d.requiredString("AttributeName");
            checkNameLength(name, "attributeDefinitions." + (out.size() + 1) + ".member.attributeName");
            String type = d.choice("AttributeType", "attributeDefinitions." + (out.size() + 1) + ".member.attributeType",
                    null, List.of("B", "N", "S"));
            if (type == null) {
                throw Request.missing("AttributeType");
            }
            if (out.stream().anyMatch(a -> a.name().equals(name))) {
                throw DynamoDbError.validation("Attribute Name is duplicated: " + name);
            }
            out.add(new KeyAttr(name, type));
        }
        return out;
    }

    /** A key attribute's name is 1 to 255 characters, checked in DynamoDB's first validation pass. */
    private static void checkNameLength(String name, String path) {
        if (name.isEmpty() || name.length() > 255) {
            throw DynamoDbError.validation("1 validation error detected: Value '" + name + "' at '" + path
                    + "' failed to satisfy constraint: Member must have length "
                    + (name.isEmpty() ? "greater than or equal to 1" : "less than or equal to 255"));
        }
    }

    /** The HASH and optional RANGE attribute names of a KeySchema; element 1 is null without a range key. */
    static String[] keySchema(JsonNode node, String member) {
        return keySchema(node, member, Request.member(member));
    }

    /** As {@link #keySchema(JsonNode, String)}, naming an element's members from {@code path} (an index's own). */
    static final String SAME_NAMES = "Both the Hash Key and the Range Key element in the KeySchema have the same name";

    static String[] keySchema(JsonNode node, String member, String path) {
        if (node == null) {
            throw Request.missing(member);
        }
        if (!node.isArray()) {
            throw Request.notAList(node);
        }
        if (node.size() == 0) {
            throw DynamoDbError.validation("1 validation error detected: Value '[]' at '" + Request.member(member)
                    + "' failed to satisfy constraint: Member must have length greater than or equal to 1");
        }
        if (node.size() > 2) {
            throw DynamoDbError.validation("1 validation error detected: Value '" + JavaEcho.keySchema(node) + "' at '"
                    + Request.member(member)
                    + "' failed to satisfy constraint: Member must have length less than or equal to 2");
        }
        String[] names = new String[2];
        for (int i = 0; i < node.size(); i++) {
            String[] element = element(node, i, path);
            String name = element[0];
            String type = element[1];
            if (i == 0 && !type.equals("HASH")) {
                throw DynamoDbError.validation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
            }
            if (i == 1 && !type.equals("RANGE")) {
                throw DynamoDbError.validation("Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
            }
            names[i] = name;
        }
        if (names[1] != null && names[0].equals(names[1])) {
            throw DynamoDbError.validation(SAME_NAMES);
        }
        return names;
    }

    /** The HASH and the RANGE attribute names of an index's KeySchema. */
    record IndexKeyNames(List<String> hashes, List<String> ranges) {
    }

    /**
     * A GSI's KeySchema: one to four HASH attributes, then up to four RANGE attributes (a multi-attribute key), each
     * named once. A KeySchema any table could have gets the messages any KeySchema gets.
     */
    static IndexKeyNames globalKeySchema(JsonNode node, String member, String path) {
        if (node == null || !node.isArray() || node.size() == 0) {
            keySchema(node, member, path); // refused there, with the messages any KeySchema gets
        }
        List<String> hashes = new ArrayList<>();
        List<String> ranges = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String[] element = element(node, i, path);
            String name = element[0];
            String type = element[1];
            if (i == 0 && !type.equals("HASH")) {
                throw DynamoDbError.validation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
            }
            if (type.equals("HASH") && !ranges.isEmpty()) {
                throw DynamoDbError.validation(INVALID + "All HASH key attributes must precede RANGE key attributes "
                        + "in the KeySchema");
            }
            (type.equals("HASH") ? hashes : ranges).add(name);
        }
        for (String kind : List.of("HASH", "RANGE")) {
            if ((kind.equals("HASH") ? hashes : ranges).size() > MAX_INDEX_KEY_ATTRIBUTES) {
                throw DynamoDbError.validation(INVALID + "The KeySchema exceeds the maximum allowed number of " + kind
                        + " key attributes");
            }
        }
        List<String> all = new ArrayList<>(hashes);
        all.addAll(ranges);
        if (hashes.size() == 1 && ranges.size() == 1 && hashes.get(0).equals(ranges.get(0))) {
            throw DynamoDbError.validation(SAME_NAMES);
        }
        if (new java.util.HashSet<>(all).size() < all.size()) {
            throw DynamoDbError.validation("The KeySchema contains multiple key attributes with the same name");
        }
        return new IndexKeyNames(hashes, ranges);
    }

    /** One KeySchemaElement's name and key type, each checked as DynamoDB's first validation pass does. */
    private static String[] element(JsonNode node, int i, String path) {
        Request element = new Request(node.get(i));
        String name = element.requiredString("AttributeName");
        checkNameLength(name, path + "." + (i + 1) + ".member.attributeName");
        String type = element.choice("KeyType", path + "." + (i + 1) + ".member.keyType", null,
                List.of("HASH", "RANGE"));
        if (type == null) {
            throw Request.missing("KeyType");
        }
        return new String[] {name, type};
    }

    static KeyAttr defined(String name, Map<String, KeyAttr> defs, List<KeyAttr> all) {
        if (name == null) {
            return null;
        }
        KeyAttr attr = defs.get(name);
        if (attr == null) {
            throw DynamoDbError.validation(INVALID + "Some index key attributes are not defined in "
                    + "AttributeDefinitions. Keys: [" + name + "], AttributeDefinitions: "
                    + all.stream().map(KeyAttr::name).toList().toString().replace(" ", " "));
        }
        return attr;
    }

    /**
     * The table's throughput ({@code indexName} null) or an index's. CreateTable and UpdateTable word the same rules
     * differently ({@code creatingTable}), as recorded from DynamoDB.
     */
    static Throughput throughput(Request parent, String billingMode, long now, String indexName,
                                 boolean creatingTable) {
        Request t = parent.child("ProvisionedThroughput");
        if ("PAY_PER_REQUEST".equals(billingMode)) {
            if (t != null) {
                throw DynamoDbError.validation(INVALID + (indexName == null
                        ? "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is "
                                + "PAY_PER_REQUEST"
                        : creatingTable ? "ProvisionedThroughput should not be specified for index: " + indexName
                                + " when BillingMode is PAY_PER_REQUEST"
                        : "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified for index: " + indexName
                                + " when BillingMode is PAY_PER_REQUEST"));
            }
            return Throughput.NONE;
        }
        if (t == null) {
            throw DynamoDbError.validation(INVALID + (indexName != null
                    ? (creatingTable ? "ProvisionedThroughput is not specified for index: "
                            : "ProvisionedThroughput must be specified for index: ") + indexName
                    : creatingTable ? "ReadCapacityUnits and WriteCapacityUnits must both be specified when "
                            + "BillingMode is PROVISIONED"
                    : "ProvisionedThroughput must be specified when BillingMode is PROVISIONED"));
        }
        Long read = t.longValue("ReadCapacityUnits");
        Long write = t.longValue("WriteCapacityUnits");
        if (read == null) {
            throw Request.missing("ProvisionedThroughput.ReadCapacityUnits");
        }
        if (write == null) {
            throw Request.missing("ProvisionedThroughput.WriteCapacityUnits");
        }
        if (read < 1 || write < 1) {
            throw DynamoDbError.validation("1 validation error detected: Value '" + Math.min(read, write)
                    + "' at 'provisionedThroughput." + (read < 1 ? "readCapacityUnits" : "writeCapacityUnits")
                    + "' failed to satisfy constraint: Member must have value greater than or equal to 1");
        }
        return new Throughput(read, write, 0, 0, 0);
    }

    private static IndexKeyNames localKeySchema(JsonNode node, String path) {
        String[] names = keySchema(node, "KeySchema", path);
        return new IndexKeyNames(List.of(names[0]), names[1] == null ? List.of() : List.of(names[1]));
    }

    /** {@code path}: where the index sits in the request, as DynamoDB names members ({@code globalSecondaryIndexes.1.member}). */
    /** {@code readyAt}: 0 for an index CreateTable makes, the time its backfill ends for one UpdateTable adds. */
    static IndexSchema index(JsonNode node, String path, boolean global, Map<String, KeyAttr> defs, List<KeyAttr> all,
                             KeyAttr tableHash, KeyAttr tableRange, String billingMode, long now, long readyAt) {
        Request r = new Request(node);
        for (String member : List.of("IndexName", "KeySchema", "Projection")) {
            if (!r.has(member)) {
                throw DynamoDbError.validation("1 validation error detected: Value null at '" + path + "."
                        + Request.member(member) + "' failed to satisfy constraint: Member must not be null");
            }
        }
        String name = Names.check(r.requiredString("IndexName"), path + ".indexName", 255);
        IndexKeyNames keys = global ? globalKeySchema(r.node("KeySchema"), "KeySchema", path + ".keySchema")
                : localKeySchema(r.node("KeySchema"), path + ".keySchema");
        List<KeyAttr> hashes = new ArrayList<>();
        List<KeyAttr> ranges = new ArrayList<>();
        keys.hashes().forEach(key -> hashes.add(defined(key, defs, all)));
        keys.ranges().forEach(key -> ranges.add(defined(key, defs, all)));
        KeyAttr hash = hashes.get(0);
        KeyAttr range = ranges.isEmpty() ? null : ranges.get(0);
        if (!global) {
            if (tableRange == null) {
                throw DynamoDbError.validation(INVALID + "Table KeySchema does not have a range key, which is "
                        + "required when specifying a LocalSecondaryIndex");
            }
            if (!hash.name().equals(tableHash.name())) {
                throw DynamoDbError.validation(INVALID + "Index KeySchema does not have the same leading hash key "
                        + "as table KeySchema for index: " + name + ". index hash key: " + hash.name()
                        + ", table hash key: " + tableHash.name());
            }
            if (range == null) {
                throw DynamoDbError.validation(INVALID + "Index KeySchema does not have a range key for index: "
                        + name);
            }
        }
        Request projection = r.child("Projection");
        if (projection == null) {
            throw Request.missing("Projection");
        }
        String type = projection.choice("ProjectionType", "projection.projectionType", null,
                List.of("ALL", "KEYS_ONLY", "INCLUDE"));
        List<JsonNode> nonKey = projection.list("NonKeyAttributes");
        if (type == null) {
            throw DynamoDbError.validation(INVALID + "Unknown ProjectionType: null");
        }
        List<String> nonKeyNames = null;
        if (type.equals("INCLUDE")) {
            if (nonKey == null || nonKey.isEmpty()) {
                throw DynamoDbError.validation(INVALID + "ProjectionType is INCLUDE, but NonKeyAttributes is not specified");
            }
            nonKeyNames = new ArrayList<>();
            for (JsonNode attribute : nonKey) {
                if (!attribute.isTextual()) {
                    throw Request.notA("String", attribute);
                }
                if (attribute.textValue().isEmpty() || attribute.textValue().length() > 255) {
                    // a projected attribute's name has a key attribute's limits; list members are reported together
                    throw DynamoDbError.validation("1 validation error detected: Value '" + nonKey.stream()
                            .map(JsonNode::asText).toList() + "' at '" + path + ".projection.nonKeyAttributes' failed "
                            + "to satisfy constraint: Member must satisfy constraint: [Member must have length less "
                            + "than or equal to 255, Member must have length greater than or equal to 1]");
                }
                if (nonKeyNames.contains(attribute.textValue())) {
                    throw DynamoDbError.validation(INVALID + "Duplicate element in NonKeyAttributes: "
                            + attribute.textValue());
                }
                nonKeyNames.add(attribute.textValue());
            }
            nonKeyNames = List.copyOf(nonKeyNames);
        } else if (nonKey != null) {
            throw DynamoDbError.validation(INVALID + "ProjectionType is " + type
                    + ", but NonKeyAttributes is specified");
        }
        Throughput throughput = global ? throughput(r, billingMode, now, name, readyAt == 0) : Throughput.NONE;
        return new IndexSchema(name, global, hashes, ranges, type, nonKeyNames, throughput, readyAt);
    }
}
