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
    private static final String INVALID = SchemaParser.INVALID;
    /** A table's sub-resource: its index, stream or backup (group 2 names which). */
    private static final Pattern DYNAMODB_RESOURCE = Pattern.compile(
            "arn:aws[a-z-]*:dynamodb:[a-z0-9-]*:[0-9]*:table/([^/]+)/([a-z]+)/.+");
    private final Engine engine;

    public TagOps(Engine engine) {
        this.engine = engine;
    }

    static Map<String, String> readTags(List<JsonNode> tags) {
        Map<String, String> out = TagRules.tags(tags, false);
        TagRules.checkSet(out);
        return out;
    }

    /** The table a ResourceArn names; other resources are refused in the words DynamoDB uses for each. */
    private String tableOf(Request r) {
        String arn = r.requiredString("ResourceArn");
        if (!arn.startsWith("arn:")) {
            throw DynamoDbError.validation(INVALID + "ARNs must start with 'arn:': " + arn);
        }
        String table = Names.nameInArn(arn);
        if (table == null) {
            Matcher other = DYNAMODB_RESOURCE.matcher(arn);
            if (!other.matches() || !other.group(2).equals("index") && !other.group(2).equals("stream")) {
                throw DynamoDbError.validation(INVALID + "Provided Arn is not a DynamoDB resource arn: " + arn);
            }
            if (other.group(2).equals("index")) {
                throw DynamoDbError.validation(INVALID + "Invalid resource arn provided, only table or stream is "
                        + "accepted. Provided resource arn: " + arn);
            }
            throw DynamoDbError.validation("Invalid TableArn: Invalid ResourceArn provided as input " + arn);
        }
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
        return Request.object();
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
        return Request.object();
    }

    public ObjectNode list(Request r) {
        ObjectNode out = Request.object();
        ArrayNode tags = out.putArray("Tags");
        Matcher stream = DYNAMODB_RESOURCE.matcher(r.requiredString("ResourceArn"));
        if (stream.matches() && stream.group(2).equals("stream") && engine.database().table(stream.group(1)) != null) {
            return out; // a table's stream is a resource of its own, without tags
        }
        engine.table(tableOf(r)).schema().tags().forEach((k, v) -> tags.addObject().put("Key", k).put("Value", v));
        return out;
    }
}
