package dev.dynagate.sandbox.dynamodb.partiql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynagate.sandbox.dynamodb.DynamoDbError;
import dev.dynagate.sandbox.dynamodb.ops.DetailedError;
import dev.dynagate.sandbox.dynamodb.ops.Operation;
import dev.dynagate.sandbox.dynamodb.ops.Request;
import dev.dynagate.sandbox.dynamodb.ops.TransactOps;
import dev.dynagate.sandbox.dynamodb.partiql.PartiqlStatement.Between;
import dev.dynagate.sandbox.dynamodb.partiql.PartiqlStatement.Call;
import dev.dynagate.sandbox.dynamodb.partiql.PartiqlStatement.Compare;
import dev.dynagate.sandbox.dynamodb.partiql.PartiqlStatement.Condition;
import dev.dynagate.sandbox.dynamodb.partiql.PartiqlStatement.PathOperand;
import dev.dynagate.sandbox.dynamodb.partiql.PartiqlStatement.SetAction;
import dev.dynagate.sandbox.dynamodb.partiql.PartiqlStatement.Value;
import dev.dynagate.sandbox.dynamodb.schema.IndexSchema;
import dev.dynagate.sandbox.dynamodb.schema.KeyAttr;
import dev.dynagate.sandbox.dynamodb.schema.TableSchema;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * ExecuteStatement, BatchExecuteStatement and ExecuteTransaction: each PartiQL statement is read, then run as the
 * item operation DynamoDB would run for it (a Query when the WHERE fixes the partition key, else a Scan; PutItem,
 * UpdateItem, DeleteItem; the transactions), so its conditions, limits and errors are the engine's own.
 */
public final class PartiqlOps {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int BATCH_LIMIT = 25;
    private static final int TRANSACTION_LIMIT = 100;

    /** The item operations statements run as. */
    public record Operations(Operation get, Operation put, Operation update, Operation delete, Operation query,
                             Operation scan, Operation transactWrite, Operation transactGet) {
    }

    private final Function<String, TableSchema> tables;
    private final Operations ops;

    public PartiqlOps(Function<String, TableSchema> tables, Operations ops) {
        this.tables = tables;
        this.ops = ops;
    }

    public ObjectNode execute(Request r) {
        PartiqlStatement statement = outsideTransaction(parse(r.requiredString("Statement"), r.node("Parameters")));
        ObjectNode answer = JSON.objectNode();
        if (statement instanceof PartiqlStatement.Select select) {
            ObjectNode request = read(select, r);
            ObjectNode read = (request.has("KeyConditionExpression") ? ops.query() : ops.scan())
                    .handle(new Request(request));
            answer.set("Items", read.has("Items") ? read.get("Items") : JSON.arrayNode());
            if (read.has("LastEvaluatedKey")) {
                answer.put("NextToken", token(read.get("LastEvaluatedKey")));
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
                    ObjectNode got = ops.get().handle(new Request(getRequest(select, one.node("ConsistentRead"))));
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
                items.addObject().set("Get", getRequest((PartiqlStatement.Select) statement, null));
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
                items.addObject().set("ConditionCheck", conditionCheck(exists.select()));
                continue;
            }
            ObjectNode action = writeRequest(statement);
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

    /** An EXISTS as a ConditionCheck: the item with the WHERE's key must be there and meet the rest of it. */
    private ObjectNode conditionCheck(PartiqlStatement.Select select) {
        if (select.index() != null || !select.projection().isEmpty() || select.orderBy() != null) {
            throw DynamoDbError.validation("Unsupported operation: EXISTS takes SELECT * FROM a table WHERE its key "
                    + "and a condition");
        }
        TableSchema schema = tables.apply(select.table());
        ExpressionWriter writer = new ExpressionWriter();
        ObjectNode check = JSON.objectNode();
        check.put("TableName", select.table());
        List<Condition> conjuncts = conjuncts(select.where());
        check.set("Key", key(schema, conjuncts, "Where clause does not contain a mandatory equality on all key "
                + "attributes"));
        String exists = "attribute_exists(" + writer.path(pathOf(schema.hash().name())) + ")";
        check.put("ConditionExpression", conjuncts.isEmpty() ? exists : exists + " AND " + writer.all(conjuncts));
        writer.into(check);
        return check;
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

    /** A SELECT as a Query (the WHERE fixes the partition key, and the filter leaves the keys alone) or a Scan. */
    private ObjectNode read(PartiqlStatement.Select select, Request r) {
        TableSchema schema = tables.apply(select.table());
        IndexSchema index = select.index() == null ? null : schema.index(select.index());
        if (select.index() != null && index == null) {
            throw DynamoDbError.resourceNotFound("Requested resource not found");
        }
        String hash = index == null ? schema.hash().name() : index.hashes().get(0).name();
        KeyAttr rangeKey = index == null ? schema.range() : index.ranges().isEmpty() ? null : index.ranges().get(0);
        String range = rangeKey == null ? null : rangeKey.name();
        List<Condition> conjuncts = conjuncts(select.where());
        Condition partition = find(conjuncts, c -> keyEquality(c, hash));
        List<Condition> rest = new ArrayList<>(conjuncts);
        rest.remove(partition);
        Condition sort = range == null ? null : find(rest, sortCondition(range));
        rest.remove(sort);
        boolean query = partition != null && rest.stream().noneMatch(c -> mentions(c, hash)
                || range != null && mentions(c, range));
        ExpressionWriter writer = new ExpressionWriter();
        ObjectNode request = JSON.objectNode();
        request.put("TableName", select.table());
        if (select.index() != null) {
            request.put("IndexName", select.index());
        }
        if (query) {
            request.put("KeyConditionExpression", writer.all(sort == null ? List.of(partition)
                    : List.of(partition, sort)));
            if (!rest.isEmpty()) {
                request.put("FilterExpression", writer.all(rest));
            }
            if (select.orderBy() != null) {
                if (range == null || !select.orderBy().isTopLevel() || !select.orderBy().first().equals(range)) {
                    throw DynamoDbError.validation("Unsupported operation: ORDER BY is only on the sort key of the "
                            + (select.index() == null ? "table" : "index"));
                }
                request.put("ScanIndexForward", !select.descending());
            }
        } else {
            if (select.orderBy() != null) {
                throw DynamoDbError.validation("Must have WHERE clause in the statement when using ORDER BY clause "
                        + "with an equality condition on the partition key.");
            }
            if (!conjuncts.isEmpty()) {
                request.put("FilterExpression", writer.all(conjuncts));
            }
        }
        if (!select.projection().isEmpty()) {
            request.put("ProjectionExpression", select.projection().stream().map(writer::path)
                    .collect(Collectors.joining(", ")));
        }
        writer.into(request);
        copy(r, request, "Limit", "ConsistentRead", "ReturnConsumedCapacity");
        if (r.has("NextToken")) {
            request.set("ExclusiveStartKey", fromToken(r.string("NextToken")));
        }
        return request;
    }

    /** A SELECT in a batch or transaction: one item by its full key, as GetItem. */
    private ObjectNode getRequest(PartiqlStatement.Select select, JsonNode consistentRead) {
        if (select.index() != null) {
            throw DynamoDbError.validation("Unsupported operation: reading an index in a batch or transaction");
        }
        TableSchema schema = tables.apply(select.table());
        ObjectNode request = JSON.objectNode();
        request.put("TableName", select.table());
        List<Condition> conjuncts = conjuncts(select.where());
        request.set("Key", key(schema, conjuncts, "Select statements within BatchExecuteStatement and "
                + "ExecuteTransaction need an equality on every key attribute"));
        if (!conjuncts.isEmpty()) {
            throw DynamoDbError.validation("Unsupported operation: conditions other than the key in a batch or "
                    + "transaction read");
        }
        if (!select.projection().isEmpty()) {
            ExpressionWriter writer = new ExpressionWriter();
            request.put("ProjectionExpression", select.projection().stream().map(writer::path)
                    .collect(Collectors.joining(", ")));
            writer.into(request);
        }
        if (consistentRead != null) {
            request.set("ConsistentRead", consistentRead);
        }
        return request;
    }

    private ObjectNode write(PartiqlStatement statement, String capacity) {
        ObjectNode request = writeRequest(statement);
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

    /** The PutItem, UpdateItem or DeleteItem request a write statement runs as. */
    private ObjectNode writeRequest(PartiqlStatement statement) {
        ExpressionWriter writer = new ExpressionWriter();
        ObjectNode request = JSON.objectNode();
        if (statement instanceof PartiqlStatement.Insert insert) {
            TableSchema schema = tables.apply(insert.table());
            request.put("TableName", insert.table());
            request.set("Item", insert.item().get("M"));
            request.put("ConditionExpression", "attribute_not_exists(" + writer.path(pathOf(schema.hash().name()))
                    + ")");
        } else if (statement instanceof PartiqlStatement.Update update) {
            TableSchema schema = tables.apply(update.table());
            request.put("TableName", update.table());
            List<Condition> conjuncts = conjuncts(update.where());
            request.set("Key", key(schema, conjuncts, "Where clause does not contain a mandatory equality on all "
                    + "key attributes"));
            request.put("UpdateExpression", updateExpression(update, writer));
            // an UPDATE changes an item that is there: it never creates one
            String exists = "attribute_exists(" + writer.path(pathOf(schema.hash().name())) + ")";
            request.put("ConditionExpression", conjuncts.isEmpty() ? exists
                    : exists + " AND " + writer.all(conjuncts));
            if (update.returning() != null) {
                request.put("ReturnValues", update.returning());
            }
        } else {
            PartiqlStatement.Delete delete = (PartiqlStatement.Delete) statement;
            TableSchema schema = tables.apply(delete.table());
            request.put("TableName", delete.table());
            List<Condition> conjuncts = conjuncts(delete.where());
            request.set("Key", key(schema, conjuncts, "Where clause does not contain a mandatory equality on all "
                    + "key attributes"));
            if (!conjuncts.isEmpty()) {
                // a missing item is deleted without complaint; one that is there must meet the rest of the WHERE
                request.put("ConditionExpression", "attribute_not_exists(" + writer.path(pathOf(schema.hash().name()))
                        + ") OR " + writer.all(conjuncts));
            }
            if (delete.returning() != null) {
                request.put("ReturnValues", delete.returning());
            }
        }
        writer.into(request);
        return request;
    }

    private static String updateExpression(PartiqlStatement.Update update, ExpressionWriter writer) {
        List<String> sets = new ArrayList<>();
        List<String> adds = new ArrayList<>();
        List<String> deletes = new ArrayList<>();
        for (SetAction action : update.sets()) {
            String target = writer.path(action.target());
            if (action.function() == null) {
                sets.add(target + " = " + writer.operand(action.value()) + (action.arithmetic() == null ? ""
                        : " " + action.arithmetic() + " " + writer.operand(action.second())));
            } else if (action.function().equals("set_add") || action.function().equals("set_delete")) {
                if (action.arguments().size() != 2) {
                    throw PartiqlErrors.malformed(action.function() + " takes an attribute and a set");
                }
                String change = writer.path(((PathOperand) requirePath(action.arguments().get(0))).path()) + " "
                        + writer.operand(action.arguments().get(1));
                (action.function().equals("set_add") ? adds : deletes).add(change);
            } else {
                sets.add(target + " = " + action.function() + "(" + action.arguments().stream().map(writer::operand)
                        .collect(Collectors.joining(", ")) + ")");
            }
        }
        StringBuilder expression = new StringBuilder();
        if (!sets.isEmpty()) {
            expression.append("SET ").append(String.join(", ", sets));
        }
        if (!update.removes().isEmpty()) {
            expression.append(expression.isEmpty() ? "" : " ").append("REMOVE ").append(update.removes().stream()
                    .map(writer::path).collect(Collectors.joining(", ")));
        }
        if (!adds.isEmpty()) {
            expression.append(expression.isEmpty() ? "" : " ").append("ADD ").append(String.join(", ", adds));
        }
        if (!deletes.isEmpty()) {
            expression.append(expression.isEmpty() ? "" : " ").append("DELETE ").append(String.join(", ", deletes));
        }
        return expression.toString();
    }

    private static PartiqlStatement.Operand requirePath(PartiqlStatement.Operand operand) {
        if (!(operand instanceof PathOperand)) {
            throw PartiqlErrors.malformed("set_add and set_delete change an attribute: the first argument is its "
                    + "name");
        }
        return operand;
    }

    /**
     * The item's key from the WHERE's equalities on every key attribute; those conjuncts are taken out of
     * {@code conjuncts}, which keeps the rest of the condition.
     */
    private static ObjectNode key(TableSchema schema, List<Condition> conjuncts, String refusal) {
        ObjectNode key = JSON.objectNode();
        List<KeyAttr> attributes = schema.range() == null ? List.of(schema.hash())
                : List.of(schema.hash(), schema.range());
        for (KeyAttr attribute : attributes) {
            Condition equality = find(conjuncts, c -> keyEquality(c, attribute.name()));
            if (equality == null) {
                throw DynamoDbError.validation(refusal);
            }
            conjuncts.remove(equality);
            Compare compare = (Compare) equality;
            key.set(attribute.name(), ((Value) (compare.left() instanceof Value ? compare.left() : compare.right()))
                    .value());
        }
        return key;
    }

    private static PartiqlStatement.Path pathOf(String name) {
        return new PartiqlStatement.Path(List.of(name));
    }

    private static List<Condition> conjuncts(Condition where) {
        List<Condition> out = new ArrayList<>();
        if (where != null) {
            flatten(where, out);
        }
        return out;
    }

    private static void flatten(Condition condition, List<Condition> out) {
        if (condition instanceof PartiqlStatement.And and) {
            flatten(and.left(), out);
            flatten(and.right(), out);
        } else {
            out.add(condition);
        }
    }

    private static Condition find(List<Condition> conditions, java.util.function.Predicate<Condition> test) {
        return conditions.stream().filter(test).findFirst().orElse(null);
    }

    private static boolean isAttribute(PartiqlStatement.Operand operand, String name) {
        return operand instanceof PathOperand p && p.path().isTopLevel() && p.path().first().equals(name);
    }

    /** {@code key = value} or {@code value = key}. */
    private static boolean keyEquality(Condition condition, String key) {
        return condition instanceof Compare c && c.operator().equals("=")
                && (isAttribute(c.left(), key) && c.right() instanceof Value
                || isAttribute(c.right(), key) && c.left() instanceof Value);
    }

    /** A condition a Query takes on the sort key: a comparison, BETWEEN or begins_with against values. */
    private static java.util.function.Predicate<Condition> sortCondition(String key) {
        return condition -> {
            if (condition instanceof Compare c) {
                return !c.operator().equals("<>") && isAttribute(c.left(), key) && c.right() instanceof Value;
            } else if (condition instanceof Between b) {
                return isAttribute(b.operand(), key) && b.low() instanceof Value && b.high() instanceof Value;
            } else if (condition instanceof Call call) {
                return call.function().equals("begins_with") && call.arguments().size() == 2
                        && isAttribute(call.arguments().get(0), key) && call.arguments().get(1) instanceof Value;
            }
            return false;
        };
    }

    /** Whether a condition reads a top-level attribute, anywhere inside it. */
    private static boolean mentions(Condition condition, String name) {
        ExpressionWriter probe = new ExpressionWriter();
        probe.condition(condition);
        ObjectNode request = JSON.objectNode();
        probe.into(request);
        JsonNode names = request.get("ExpressionAttributeNames");
        if (names == null) {
            return false;
        }
        for (Iterator<JsonNode> it = names.elements(); it.hasNext(); ) {
            if (it.next().asText().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static void copy(Request from, ObjectNode to, String... fields) {
        for (String field : fields) {
            if (from.has(field)) {
                to.set(field, from.node(field));
            }
        }
    }

    private static void copyCapacity(ObjectNode from, ObjectNode to) {
        if (from.has("ConsumedCapacity")) {
            to.set("ConsumedCapacity", from.get("ConsumedCapacity"));
        }
    }

    private static String batchCode(String code) {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put("ConditionalCheckFailedException", "ConditionalCheckFailed");
        codes.put("DuplicateItemException", "DuplicateItem");
        codes.put("ValidationException", "ValidationError");
        codes.put("ResourceNotFoundException", "ResourceNotFound");
        codes.put("ItemCollectionSizeLimitExceededException", "ItemCollectionSizeLimitExceeded");
        codes.put("TransactionConflictException", "TransactionConflict");
        codes.put("ProvisionedThroughputExceededException", "ProvisionedThroughputExceeded");
        return codes.getOrDefault(code, "InternalServerError");
    }

    private static String token(JsonNode lastEvaluatedKey) {
        return Base64.getEncoder().encodeToString(lastEvaluatedKey.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode fromToken(String token) {
        try {
            JsonNode key = MAPPER.readTree(new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8));
            if (key == null || !key.isObject()) {
                throw new IllegalArgumentException("not a key");
            }
            return key;
        } catch (IllegalArgumentException | JsonProcessingException e) {
            throw DynamoDbError.validation("Invalid NextToken");
        }
    }
}
