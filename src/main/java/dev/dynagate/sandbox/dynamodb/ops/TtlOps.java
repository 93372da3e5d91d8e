package dev.dynagate.sandbox.dynamodb.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynagate.sandbox.dynamodb.DynamoDbError;
import dev.dynagate.sandbox.dynamodb.storage.TableData;
import java.util.ArrayList;
import java.util.List;

/** UpdateTimeToLive and DescribeTimeToLive; {@link TtlSweeper} does the deleting. */
public final class TtlOps {
    private final Engine engine;

    public TtlOps(Engine engine) {
        this.engine = engine;
    }

    public ObjectNode update(Request r) {
        String name = Names.tableName(r);
        Request spec = r.child("TimeToLiveSpecification");
        if (spec == null) {
            throw Request.missing("TimeToLiveSpecification");
        }
        List<String> missing = new ArrayList<>();
        for (String member : List.of("attributeName", "enabled")) {
            if (!spec.has(Character.toUpperCase(member.charAt(0)) + member.substring(1))) {
                missing.add("Value null at 'timeToLiveSpecification." + member + "' failed to satisfy constraint: "
                        + "Member must not be null");
            }
        }
        if (!missing.isEmpty()) {
            throw DynamoDbError.validation(missing.size() + " validation error" + (missing.size() > 1 ? "s" : "")
                    + " detected: " + String.join("; ", missing));
        }
        String attribute = spec.requiredString("AttributeName");
        boolean enabled = spec.bool("Enabled", false);
        if (attribute.isEmpty() || attribute.length() > 255) {
            throw DynamoDbError.validation("1 validation error detected: Value '" + attribute + "' at "
                    + "'timeToLiveSpecification.attributeName' failed to satisfy constraint: Member must have length "
                    + (attribute.isEmpty() ? "greater than or equal to 1" : "less than or equal to 255"));
        }
        engine.database().write(changes -> {
            TableData data = engine.controlTable(name);
            String current = data.schema().ttlAttribute();
            if (enabled && current != null) {
                throw DynamoDbError.validation(current.equals(attribute) ? "TimeToLive is already enabled"
                        : "TimeToLive is active on a different AttributeName: current AttributeName is " + current);
            }
            if (!enabled && current == null) {
                throw DynamoDbError.validation("TimeToLive is already disabled");
            }
            if (!enabled && !current.equals(attribute)) {
                throw DynamoDbError.validation("TimeToLive is active on a different AttributeName: current "
                        + "AttributeName is " + current);
            }
            changes.updateSchema(data.schema().withTtl(enabled ? attribute : null));
            return null;
        });
        ObjectNode out = Request.object();
        out.putObject("TimeToLiveSpecification").put("Enabled", enabled).put("AttributeName", attribute);
        return out;
    }

    public ObjectNode describe(Request r) {
        Constraints.controlPlaneTableName(r);
        Constraints.of(r).name("TableName", false).check();
        String name = Names.tableName(r);
        TableData data = engine.controlTable(name);
        ObjectNode out = Request.object();
        ObjectNode d = out.putObject("TimeToLiveDescription");
        String attribute = data.schema().ttlAttribute();
        if (attribute == null) {
            d.put("TimeToLiveStatus", "DISABLED");
        } else {
            d.put("TimeToLiveStatus", "ENABLED").put("AttributeName", attribute);
        }
        return out;
    }
}
