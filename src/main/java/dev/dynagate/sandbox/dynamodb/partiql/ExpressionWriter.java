package dev.dynagate.sandbox.dynamodb.partiql;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynagate.sandbox.dynamodb.partiql.PartiqlStatement.And;
import dev.dynagate.sandbox.dynamodb.partiql.PartiqlStatement.Between;
import dev.dynagate.sandbox.dynamodb.partiql.PartiqlStatement.Call;
import dev.dynagate.sandbox.dynamodb.partiql.PartiqlStatement.Compare;
import dev.dynagate.sandbox.dynamodb.partiql.PartiqlStatement.Condition;
import dev.dynagate.sandbox.dynamodb.partiql.PartiqlStatement.In;
import dev.dynagate.sandbox.dynamodb.partiql.PartiqlStatement.Missing;
import dev.dynagate.sandbox.dynamodb.partiql.PartiqlStatement.Not;
import dev.dynagate.sandbox.dynamodb.partiql.PartiqlStatement.Operand;
import dev.dynagate.sandbox.dynamodb.partiql.PartiqlStatement.Or;
import dev.dynagate.sandbox.dynamodb.partiql.PartiqlStatement.Path;
import dev.dynagate.sandbox.dynamodb.partiql.PartiqlStatement.PathOperand;
import dev.dynagate.sandbox.dynamodb.partiql.PartiqlStatement.Size;
import dev.dynagate.sandbox.dynamodb.partiql.PartiqlStatement.Value;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes parts of a PartiQL statement as DynamoDB expressions with placeholders, so the engine's own expression
 * machinery evaluates them: every name becomes {@code #pN}, every value {@code :vN}.
 */
final class ExpressionWriter {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private final ObjectNode names = JSON.objectNode();
    private final ObjectNode values = JSON.objectNode();
    private final Map<String, String> aliases = new HashMap<>();

    String path(Path path) {
        StringBuilder out = new StringBuilder();
        for (Object segment : path.segments()) {
            if (segment instanceof Integer position) {
                out.append('[').append(position).append(']');
            } else {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(alias((String) segment));
            }
        }
        return out.toString();
    }

    private String alias(String name) {
        return aliases.computeIfAbsent(name, n -> {
            String alias = "#p" + aliases.size();
            names.put(alias, n);
            return alias;
        });
    }

    String value(ObjectNode value) {
        String placeholder = ":v" + values.size();
        values.set(placeholder, value);
        return placeholder;
    }

    String operand(Operand operand) {
        if (operand instanceof PathOperand p) {
            return path(p.path());
        } else if (operand instanceof Size s) {
            return "size(" + path(s.path()) + ")";
        }
        return value(((Value) operand).value());
    }

    String condition(Condition condition) {
        if (condition instanceof And and) {
            return "(" + condition(and.left()) + ") AND (" + condition(and.right()) + ")";
        } else if (condition instanceof Or or) {
            return "(" + condition(or.left()) + ") OR (" + condition(or.right()) + ")";
        } else if (condition instanceof Not not) {
            return "NOT (" + condition(not.condition()) + ")";
        } else if (condition instanceof Compare compare) {
            return operand(compare.left()) + " " + compare.operator() + " " + operand(compare.right());
        } else if (condition instanceof Between between) {
            return operand(between.operand()) + " BETWEEN " + operand(between.low()) + " AND "
                    + operand(between.high());
        } else if (condition instanceof In in) {
            return operand(in.operand()) + " IN (" + in.values().stream().map(this::operand)
                    .collect(Collectors.joining(", ")) + ")";
        } else if (condition instanceof Missing missing) {
            return (missing.missing() ? "attribute_not_exists(" : "attribute_exists(") + path(missing.path()) + ")";
        }
        Call call = (Call) condition;
        return call.function() + "(" + call.arguments().stream().map(this::operand)
                .collect(Collectors.joining(", ")) + ")";
    }

    /** Conditions joined by AND. */
    String all(List<Condition> conditions) {
        return conditions.stream().map(c -> "(" + condition(c) + ")").collect(Collectors.joining(" AND "));
    }

    /** Adds the names and values used so far to a request. */
    void into(ObjectNode request) {
        if (!names.isEmpty()) {
            request.set("ExpressionAttributeNames", names);
        }
        if (!values.isEmpty()) {
            request.set("ExpressionAttributeValues", values);
        }
    }
}
