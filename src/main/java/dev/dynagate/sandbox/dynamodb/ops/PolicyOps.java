package dev.dynagate.sandbox.dynamodb.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynagate.sandbox.dynamodb.DynamoDbError;
import dev.dynagate.sandbox.dynamodb.schema.TableSettings;
import dev.dynagate.sandbox.dynamodb.storage.TableData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * PutResourcePolicy, GetResourcePolicy and DeleteResourcePolicy on a table. The policy is kept with the table and
 * answered back with its revision, as DynamoDB does; the sandbox does not enforce it. Revisions are timestamps,
 * each later one greater, and putting the policy a table already has keeps its revision.
 */
public final class PolicyOps {
    private static final String NOT_FOUND = "Resource-based policy not found for the provided ResourceArn: ";
    /** What ExpectedRevisionId says when the caller expects no policy yet. */
    private static final String NO_POLICY = "NO_POLICY";
    private static final int MAX_POLICY_BYTES = 20_480;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Engine engine;

    public PolicyOps(Engine engine) {
        this.engine = engine;
    }

    public ObjectNode put(Request r) {
        String arn = r.requiredString("ResourceArn");
        String policy = r.requiredString("Policy");
        String expected = r.string("ExpectedRevisionId");
        String table = ResourceArns.table(arn);
        checkDocument(policy);
        long now = engine.now();
        String revision = engine.database().write(changes -> {
            TableData data = existing(table);
            TableSettings settings = data.schema().settings();
            checkExpected(expected, settings.policyRevision(), table);
            if (policy.equals(settings.resourcePolicy())) {
                return settings.policyRevision();
            }
            String next = nextRevision(settings.policyRevision(), now);
            changes.updateSchema(data.schema().withSettings(settings.withPolicy(policy, next)));
            return next;
        });
        return Request.object().put("RevisionId", revision);
    }

    public ObjectNode get(Request r) {
        String arn = r.requiredString("ResourceArn");
        TableSettings settings = existing(ResourceArns.table(arn)).schema().settings();
        if (settings.resourcePolicy() == null) {
            throw policyNotFound(arn);
        }
        return Request.object().put("Policy", settings.resourcePolicy()).put("RevisionId", settings.policyRevision());
    }

    public ObjectNode delete(Request r) {
        String arn = r.requiredString("ResourceArn");
        String expected = r.string("ExpectedRevisionId");
        String table = ResourceArns.table(arn);
        String revision = engine.database().write(changes -> {
            TableData data = existing(table);
            TableSettings settings = data.schema().settings();
            if (settings.resourcePolicy() == null) {
                throw policyNotFound(arn);
            }
            checkExpected(expected, settings.policyRevision(), table);
            changes.updateSchema(data.schema().withSettings(settings.withPolicy(null, null)));
            return settings.policyRevision();
        });
        return Request.object().put("RevisionId", revision);
    }

    private TableData existing(String table) {
        TableData data = engine.database().table(table);
        if (data == null) {
            throw DynamoDbError.resourceNotFound("Requested resource not found: Table: " + table + " not found");
        }
        return data;
    }

    /** ExpectedRevisionId, when given, must name the policy in force, or NO_POLICY when there is none. */
    private static void checkExpected(String expected, String current, String table) {
        if (expected == null) {
            return;
        }
        if (expected.equals(NO_POLICY) && current != null) {
            throw new DynamoDbError("PolicyNotFoundException", NOT_FOUND + "Requested policy update expecting none to "
                    + "be present for table " + table + ", but a policy exists with revision id " + current + ".");
        }
        if (!expected.equals(NO_POLICY) && !expected.equals(current)) {
            throw new DynamoDbError("PolicyNotFoundException", NOT_FOUND + "Requested update for policy with revision "
                    + "id " + expected + ", but the policy associated to target table " + table + " has revision id "
                    + current + ".");
        }
    }

    private static String nextRevision(String current, long now) {
        long previous = current == null ? 0 : Long.parseLong(current);
        return Long.toString(Math.max(now, previous + 1));
    }

    /** A policy must be a JSON object of at most 20 KB; what it grants is not checked. */
    private static void checkDocument(String policy) {
        if (policy.getBytes(StandardCharsets.UTF_8).length > MAX_POLICY_BYTES) {
            throw DynamoDbError.validation(SchemaParser.INVALID + "Maximum policy size of " + MAX_POLICY_BYTES
                    + " bytes exceeded");
        }
        JsonNode document;
        try {
            document = JSON.readTree(policy);
        } catch (IOException e) {
            document = null;
        }
        if (document == null || !document.isObject()) {
            throw DynamoDbError.validation(SchemaParser.INVALID + "Invalid policy document: This policy contains "
                    + "invalid Json");
        }
    }

    private static DynamoDbError policyNotFound(String arn) {
        return new DynamoDbError("PolicyNotFoundException", NOT_FOUND + arn);
    }
}
