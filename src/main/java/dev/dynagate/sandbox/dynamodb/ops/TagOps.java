package dev.dynagate.sandbox.dynamodb.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynagate.sandbox.dynamodb.DynamoDbError;
import dev.dynagate.sandbox.dynamodb.storage.TableData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** TagResource, UntagResource and ListTagsOfResource on table ARNs (any region or account is accepted). */
public final class TagOps {
    private static final Pattern TABLE_ARN = Pattern.compile("arn:aws[a-z-]*:dynamodb:[^:]*:[^:]*:table/([a-zA-Z0-9_.-]+)");
    private final Engine engine;

    public TagOps(Engine engine) {
        this.engine = engine;
    }

    static Map<String, String> readTags(List<JsonNode> tags) {
        Map<String, String> out = new LinkedHashMap<>();
        if (tags == null) {
            return out;
        }
        for (JsonNode node : tags) {
            Request tag = new Request(node);
            String key = tag.requiredString("Key");
            String value = tag.requiredString("Value");
            if (key.isEmpty() || key.length() > 128) {
                throw DynamoDbError.validation("1 validation error detected: Value '" + key + "' at 'tags.member.key' "
                        + "failed to satisfy constraint: Member must have length " + (key.isEmpty()
                        ? "greater than or equal to 1" : "less than or equal to 128"));
            }
            if (value.length() > 256) {
                throw DynamoDbError.validation("1 validation error detected: Value '" + value + "' at "
                        + "'tags.member.value' failed to satisfy constraint: Member must have length less than or "
                        + "equal to 256");
            }
            out.put(key, value);
        }
        if (out.size() > 50) {
            throw DynamoDbError.validation("One or more parameter values were invalid: The number of tags exceeds the limit of 50");
        }
        return out;
    }

    private String tableOf(Request r) {
        String arn = r.requiredString("ResourceArn");
        Matcher m = TABLE_ARN.matcher(arn);
        if (!m.matches()) {
            throw DynamoDbError.validation("Invalid TableArn: Invalid ResourceArn provided as input " + arn);
        }
        if (engine.database().table(m.group(1)) == null) {
            throw DynamoDbError.resourceNotFound("Requested resource not found: ResourcArn: " + arn + " not found");
        }
        return m.group(1);
    }

    public ObjectNode tag(Request r) {
        String table = tableOf(r);
        List<JsonNode> given = r.list("Tags");
        if (given == null) {
            throw Request.missing("Tags");
        }
        if (given.isEmpty()) {
            throw DynamoDbError.validation("1 validation error detected: Value '[]' at 'tags' failed to satisfy "
                    + "constraint: Member must have length greater than or equal to 1");
        }
        Map<String, String> tags = readTags(given);
        engine.database().write(changes -> {
            TableData data = engine.table(table);
            Map<String, String> merged = new LinkedHashMap<>(data.schema().tags());
            merged.putAll(tags);
            if (merged.size() > 50) {
                throw DynamoDbError.validation("One or more parameter values were invalid: The number of tags exceeds the limit of 50");
            }
            changes.updateSchema(data.schema().withTags(merged));
            return null;
        });
        return Request.object();
    }

    public ObjectNode untag(Request r) {
        String table = tableOf(r);
        List<JsonNode> keys = r.list("TagKeys");
        if (keys == null) {
            throw Request.missing("TagKeys");
        }
        engine.database().write(changes -> {
            TableData data = engine.table(table);
            Map<String, String> left = new LinkedHashMap<>(data.schema().tags());
            keys.forEach(k -> left.remove(k.asText()));
            changes.updateSchema(data.schema().withTags(left));
            return null;
        });
        return Request.object();
    }

    public ObjectNode list(Request r) {
        String table = tableOf(r);
        ObjectNode out = Request.object();
        ArrayNode tags = out.putArray("Tags");
        engine.table(table).schema().tags().forEach((k, v) -> tags.addObject().put("Key", k).put("Value", v));
        return out;
    }
}
