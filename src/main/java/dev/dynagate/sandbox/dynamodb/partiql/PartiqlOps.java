package dev.dynagate.sandbox.dynamodb.partiql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynagate.sandbox.dynamodb.DynamoDbError;
import dev.dynagate.sandbox.dynamodb.ops.DetailedError;
import dev.dynagate.sandbox.dynamodb.ops.Operation;
import dev.dynagate.sandbox.dynamodb.ops.Request;
import dev.dynagate.sandbox.dynamodb.ops.TransactOps;
import dev.dynagate.sandbox.dynamodb.schema.TableSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * ExecuteStatement, BatchExecuteStatement and ExecuteTransaction: each PartiQL statement is read, turned into the
 * item operation DynamoDB would run for it ({@link StatementRequests}) and run by the engine's own operation, so its
 * conditions, limits and errors are the engine's; the answers are then shaped as PartiQL's.
 */
public final class PartiqlOps {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int BATCH_LIMIT = 25;
    private static final int TRANSACTION_LIMIT = 100;
    /** A statement's error in a batch answer is named by its code without the "Exception". */
    private static final Map<String, String> BATCH_CODES = Map.of(
            "ConditionalCheckFailedException", "ConditionalCheckFailed",
            "DuplicateItemException", "DuplicateItem",
            "ValidationException", "ValidationError",
            "ResourceNotFoundException", "ResourceNotFound",
            "ItemCollectionSizeLimitExceededException", "ItemCollectionSizeLimitExceeded",
            "TransactionConflictException", "TransactionConflict",
            "ProvisionedThroughputExceededException", "ProvisionedThroughputExceeded");

    /** The item operations statements run as. */
    public record Operations(Operation get, Operation put, Operation update, Operation delete, Operation query,
                             Operation scan, Operation transactWrite, Operation transactGet) {
    }

    private final StatementRequests requests;
    private final Operations ops;

    public PartiqlOps(Function<String, TableSchema> tables, Operations ops) {
        this.requests = new StatementRequests(tables);
        this.ops = ops;
    }

    public ObjectNode execute(Request r) {
        PartiqlStatement statement = outsideTransaction(parse(r.requiredString("Statement"), r.node("Parameters")));
        ObjectNode answer = JSON.objectNode();
        if (statement instanceof PartiqlStatement.Select select) {
            ObjectNode request = requests.read(select, r);
            ObjectNode read = (request.has("KeyConditionExpression") ? ops.query() : ops.scan())
                    .handle(new Request(request));
            answer.set("Items", read.has("Items") ? read.get("Items") : JSON.arrayNode());
            if (read.has("LastEvaluatedKey")) {
                answer.put("NextToken", StatementRequests.token(read.get("LastEvaluatedKey")));
                answer.set("LastEvaluatedKey", read.get("LastEvaluatedKey"));
            }
            copyCapacity(read, answer);
            return answer;
        }
        ArrayNode items = answer.putArray("Items");
        ObjectNode written = write(statement, r.string("ReturnConsumedCapacity"));
        if (written.has("Attributes")) {
            items.add(written.get("Attributes"));
        }
        copyCapacity(written, answer);
        return answer;
    }

    public ObjectNode batch(Request r) {
        List<JsonNode> statements = r.list("Statements");
        if (statements == null || statements.isEmpty() || statements.size() > BATCH_LIMIT) {
            throw DynamoDbError.validation("1 validation error detected: Value at 'statements' failed to satisfy "
                    + "constraint: Member must have length " + (statements == null || statements.isEmpty()
                    ? "greater than or equal to 1" : "less than or equal to " + BATCH_LIMIT));
        }
        ObjectNode answer = JSON.objectNode();
        ArrayNode responses = answer.putArray("Responses");
        for (JsonNode node : statements) {
            Request one = new Request(node);
            ObjectNode response = responses.addObject();
            try {
                PartiqlStatement statement = outsideTransaction(parse(one.requiredString("Statement"),
                        one.node("Parameters")));
                response.put("TableName", table(statement));
                if (statement instanceof PartiqlStatement.Select select) {
                    ObjectNode got = ops.get().handle(new Request(requests.getRequest(select, one.node("ConsistentRead"))));
                    if (got.has("Item")) {
                        response.set("Item", got.get("Item"));
                    }
                } else {
                    write(statement, null);
                }
            } catch (DynamoDbError e) {
                ObjectNode error = response.putObject("Error");
                error.put("Code", batchCode(e.code()));
                error.put("Message", e.getMessage());
            }
        }
        return answer;
    }

    public ObjectNode transaction(Request r) {
        List<JsonNode> statements = r.list("TransactStatements");
        if (statements == null || statements.isEmpty() || statements.size() > TRANSACTION_LIMIT) {
            throw DynamoDbError.validation("1 validation error detected: Value at 'transactStatements' failed to "
                    + "satisfy constraint: Member must have length " + (statements == null || statements.isEmpty()
                    ? "greater than or equal to 1" : "less than or equal to " + TRANSACTION_LIMIT));
        }
        List<PartiqlStatement> parsed = new ArrayList<>();
        for (JsonNode node : statements) {
            Request one = new Request(node);
            parsed.add(parse(one.requiredString("Statement"), one.node("Parameters")));
        }
        long reads = parsed.stream().filter(s -> s instanceof PartiqlStatement.Select).count();
        if (reads != 0 && reads != parsed.size()) {
            throw DynamoDbError.validation("Transaction must contain either only reads or only writes");
        }
        if (reads == 0 && parsed.stream().allMatch(s -> s instanceof PartiqlStatement.Exists)) {
            throw DynamoDbError.validation("Transaction must contain at least one write besides its EXISTS "
                    + "conditions");
        }
        ObjectNode request = JSON.objectNode();
        ArrayNode items = request.putArray("TransactItems");
        if (r.has("ReturnConsumedCapacity")) {
            request.put("ReturnConsumedCapacity", r.string("ReturnConsumedCapacity"));
        }
        ObjectNode answer = JSON.objectNode();
        if (reads > 0) {
            for (PartiqlStatement statement : parsed) {
                items.addObject().set("Get", requests.getRequest((PartiqlStatement.Select) statement, null));
            }
            ObjectNode got = ops.transactGet().handle(new Request(request));
            answer.set("Responses", got.get("Responses"));
            copyCapacity(got, answer);
            return answer;
        }
        if (r.has("ClientRequestToken")) {
            request.put("ClientRequestToken", r.string("ClientRequestToken"));
        }
        for (PartiqlStatement statement : parsed) {
            if (statement instanceof PartiqlStatement.Exists exists) {
                items.addObject().set("ConditionCheck", requests.conditionCheck(exists.select()));
                continue;
            }
            ObjectNode action = requests.writeRequest(statement);
            String kind = statement instanceof PartiqlStatement.Insert ? "Put"
                    : statement instanceof PartiqlStatement.Update ? "Update" : "Delete";
            action.remove("ReturnValues");
            action.remove("ReturnConsumedCapacity");
            items.addObject().set(kind, action);
        }
        ObjectNode written;
        try {
            written = ops.transactWrite().handle(new Request(request));
        } catch (DetailedError e) {
            throw e.code().equals("TransactionCanceledException") ? withDuplicates(e, parsed) : e;
        }
        copyCapacity(written, answer);
        return answer;
    }

    private static PartiqlStatement outsideTransaction(PartiqlStatement statement) {
        if (statement instanceof PartiqlStatement.Exists) {
            throw DynamoDbError.validation("Unsupported operation: EXISTS is a condition of ExecuteTransaction");
        }
        return statement;
    }

    /** An INSERT whose key was taken is a DuplicateItem in the cancellation reasons, as for ExecuteStatement. */
    private static DetailedError withDuplicates(DetailedError cancelled, List<PartiqlStatement> statements) {
        JsonNode given = cancelled.details() == null ? null : cancelled.details().get("CancellationReasons");
        if (given == null || given.size() != statements.size()) {
            return cancelled;
        }
        List<ObjectNode> reasons = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            ObjectNode reason = given.get(i).deepCopy();
            if (statements.get(i) instanceof PartiqlStatement.Insert
                    && "ConditionalCheckFailed".equals(reason.path("Code").asText())) {
                reason.put("Code", "DuplicateItem");
                reason.put("Message", "Duplicate primary key exists in table");
            }
            reasons.add(reason);
        }
        return TransactOps.cancelled(reasons);
    }

    private static PartiqlStatement parse(String statement, JsonNode parameters) {
        List<JsonNode> given = new ArrayList<>();
        if (parameters != null) {
            if (!parameters.isArray()) {
                throw DynamoDbError.serialization("Unexpected value type in payload");
            }
            parameters.forEach(given::add);
        }
        return PartiqlParser.parse(statement, given);
    }

    private static String table(PartiqlStatement statement) {
        if (statement instanceof PartiqlStatement.Select s) {
            return s.table();
        } else if (statement instanceof PartiqlStatement.Insert i) {
            return i.table();
        } else if (statement instanceof PartiqlStatement.Update u) {
            return u.table();
        } else if (statement instanceof PartiqlStatement.Exists e) {
            return e.select().table();
        }
        return ((PartiqlStatement.Delete) statement).table();
    }

    private ObjectNode write(PartiqlStatement statement, String capacity) {
        ObjectNode request = requests.writeRequest(statement);
        if (capacity != null) {
            request.put("ReturnConsumedCapacity", capacity);
        }
        try {
            if (statement instanceof PartiqlStatement.Insert) {
                return ops.put().handle(new Request(request));
            } else if (statement instanceof PartiqlStatement.Update) {
                return ops.update().handle(new Request(request));
            }
            return ops.delete().handle(new Request(request));
        } catch (DynamoDbError e) {
            if (statement instanceof PartiqlStatement.Insert && e.code().equals("ConditionalCheckFailedException")) {
                throw new DynamoDbError("DuplicateItemException", "Duplicate primary key exists in table");
            }
            throw e;
        }
    }

    private static void copyCapacity(ObjectNode from, ObjectNode to) {
        if (from.has("ConsumedCapacity")) {
            to.set("ConsumedCapacity", from.get("ConsumedCapacity"));
        }
    }

    private static String batchCode(String code) {
        return BATCH_CODES.getOrDefault(code, "InternalServerError");
    }
}
