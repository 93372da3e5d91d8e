package dev.dynagate.sandbox.dynamodb.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynagate.sandbox.dynamodb.DynamoDbError;
import dev.dynagate.sandbox.dynamodb.storage.TableData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** TagResource, UntagResource and ListTagsOfResource on table ARNs (any region or account is accepted). */
public final class TagOps {
    private final Engine engine;

    public TagOps(Engine engine) {
        this.engine = engine;
    }

    static Map<String, String> readTags(List<JsonNode> tags) {
        Map<String, String> out = TagRules.tags(tags, false);
        TagRules.checkSet(out);
        return out;
    }

    /** The table a ResourceArn names, which must exist. */
    private String tableOf(Request r) {
        String arn = r.requiredString("ResourceArn");
        String table = ResourceArns.table(arn);
        if (engine.database().table(table) == null) {
            throw DynamoDbError.resourceNotFound("Requested resource not found: ResourceArn: " + arn + " not found");
        }
        return table;
    }

    public ObjectNode tag(Request r) {
        String table = tableOf(r);
        List<JsonNode> given = r.list("Tags");
        if (given == null) {
            throw Request.missing("Tags");
        }
        Map<String, String> tags = TagRules.tags(given, true);
        engine.database().write(changes -> {
            TableData data = engine.table(table);
            Map<String, String> merged = new LinkedHashMap<>(data.schema().tags());
            merged.putAll(tags);
            TagRules.checkSet(merged);
            changes.updateSchema(data.schema().withTags(merged));
            return null;
        });
        return null; // DynamoDB answers tagging with an empty body
    }

    public ObjectNode untag(Request r) {
        String table = tableOf(r);
        List<JsonNode> given = r.list("TagKeys");
        if (given == null) {
            throw Request.missing("TagKeys");
        }
        List<String> keys = TagRules.keys(given);
        engine.database().write(changes -> {
            TableData data = engine.table(table);
            Map<String, String> left = new LinkedHashMap<>(data.schema().tags());
            keys.forEach(left::remove);
            changes.updateSchema(data.schema().withTags(left));
            return null;
        });
        return null; // DynamoDB answers tagging with an empty body
    }

    public ObjectNode list(Request r) {
        ObjectNode out = Request.object();
        ArrayNode tags = out.putArray("Tags");
        String streamOf = ResourceArns.streamTable(r.requiredString("ResourceArn"));
        if (streamOf != null && engine.database().table(streamOf) != null) {
            return out; // a table's stream is a resource of its own, without tags
        }
        engine.table(tableOf(r)).schema().tags().forEach((k, v) -> tags.addObject().put("Key", k).put("Value", v));
        return out;
    }
}
