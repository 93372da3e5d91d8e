package dev.dynagate.sandbox.dynamodb.partiql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynagate.sandbox.dynamodb.DynamoDbError;
import dev.dynagate.sandbox.dynamodb.ops.Request;
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
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A PartiQL statement as the item-operation request DynamoDB runs for it: a SELECT as a Query (when its WHERE fixes
 * the partition key and leaves the keys out of the rest) or a Scan, or as GetItem in a batch or transaction; INSERT,
 * UPDATE and DELETE as PutItem, UpdateItem and DeleteItem with the conditions their meaning needs; EXISTS as a
 * ConditionCheck. The WHERE becomes expressions with placeholders ({@link ExpressionWriter}).
 */
final class StatementRequests {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Function<String, TableSchema> tables;

    StatementRequests(Function<String, TableSchema> tables) {
        this.tables = tables;
    }

    /** An EXISTS as a ConditionCheck: the item with the WHERE's key must be there and meet the rest of it. */
    ObjectNode conditionCheck(PartiqlStatement.Select select) {
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

    /** A SELECT as a Query (the WHERE fixes the partition key, and the filter leaves the keys alone) or a Scan. */
    ObjectNode read(PartiqlStatement.Select select, Request r) {
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
    ObjectNode getRequest(PartiqlStatement.Select select, JsonNode consistentRead) {
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

    /** The PutItem, UpdateItem or DeleteItem request a write statement runs as. */
    ObjectNode writeRequest(PartiqlStatement statement) {
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

    /** The opaque NextToken for a page's LastEvaluatedKey. */
    static String token(JsonNode lastEvaluatedKey) {
        return Base64.getEncoder().encodeToString(lastEvaluatedKey.toString().getBytes(StandardCharsets.UTF_8));
    }

    static JsonNode fromToken(String token) {
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
