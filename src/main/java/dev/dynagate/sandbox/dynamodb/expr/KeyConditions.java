package dev.dynagate.sandbox.dynamodb.expr;

import dev.dynagate.sandbox.dynamodb.DynamoDbError;
import dev.dynagate.sandbox.dynamodb.value.AttrValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a parsed KeyConditionExpression into a {@link KeyCondition}, with DynamoDB's checks and messages. */
final class KeyConditions {
    /** One condition on one key attribute, with the values it compares against. */
    record Term(String attribute, SortOperator operator, AttrValue value, AttrValue upper) {
    }

    private KeyConditions() {
    }

    static KeyCondition from(Cond cond, String hashKey, String rangeKey) {
        Map<String, Term> terms = new LinkedHashMap<>();
        collect(cond, terms);
        return build(terms, hashKey, rangeKey);
    }

    /** Checks the terms against the key schema of the table or index queried. */
    static KeyCondition build(Map<String, Term> terms, String hashKey, String rangeKey) {
        Term hash = terms.get(hashKey);
        if (hash == null) {
            throw DynamoDbError.validation("Query condition missed key schema element: " + hashKey);
        }
        boolean nonKey = terms.keySet().stream().anyMatch(a -> !a.equals(hashKey) && !a.equals(rangeKey));
        if (nonKey || hash.operator() != SortOperator.EQ) {
            throw DynamoDbError.validation("Query key condition not supported");
        }
        Term range = rangeKey == null ? null : terms.get(rangeKey);
        SortCondition sort = range == null ? null
                : new SortCondition(range.attribute(), range.operator(), range.value(), range.upper());
        return new KeyCondition(hashKey, hash.value(), sort);
    }

    private static void collect(Cond cond, Map<String, Term> terms) {
        if (cond instanceof Cond.Group g) {
            collect(g.inner(), terms);
        } else if (cond instanceof Cond.And and) {
            collect(and.left(), terms);
            collect(and.right(), terms);
        } else if (cond instanceof Cond.Or) {
            throw invalidOperator("OR");
        } else if (cond instanceof Cond.Not) {
            throw invalidOperator("NOT");
        } else if (cond instanceof Cond.In) {
            throw invalidOperator("IN");
        } else if (cond instanceof Cond.Compare c) {
            compare(c, terms);
        } else if (cond instanceof Cond.Between b) {
            String attribute = firstKeyAttribute(b.value(), "BETWEEN");
            List<AttrValue> values = values(List.of(b.lower(), b.upper()));
            add(terms, new Term(attribute, SortOperator.BETWEEN, values.get(0), values.get(1)));
        } else if (cond instanceof Cond.Function f) {
            if (!f.name().equals("begins_with")) {
                throw invalidOperator(f.name());
            }
            String attribute = firstKeyAttribute(f.arguments().get(0), "begins_with");
            add(terms, new Term(attribute, SortOperator.BEGINS_WITH, values(List.of(f.arguments().get(1))).get(0), null));
        }
    }

    private static void compare(Cond.Compare c, Map<String, Term> terms) {
        if (c.operator().equals("<>")) {
            throw invalidOperator("<>");
        }
        boolean leftIsPath = c.left() instanceof Operand.Path;
        boolean rightIsPath = c.right() instanceof Operand.Path;
        if (leftIsPath && rightIsPath) {
            throw invalidCondition("Multiple attribute names used in one condition");
        }
        if (!leftIsPath && !rightIsPath) {
            nestedOperation(c.left());
            nestedOperation(c.right());
            throw invalidCondition("No key attribute specified");
        }
        Operand path = leftIsPath ? c.left() : c.right();
        Operand value = leftIsPath ? c.right() : c.left();
        String attribute = attribute((Operand.Path) path);
        String operator = leftIsPath ? c.operator() : mirrored(c.operator());
        SortOperator sortOperator = switch (operator) {
            case "=" -> SortOperator.EQ;
            case "<" -> SortOperator.LT;
            case "<=" -> SortOperator.LE;
            case ">" -> SortOperator.GT;
            default -> SortOperator.GE;
        };
        add(terms, new Term(attribute, sortOperator, values(List.of(value)).get(0), null));
    }

    private static String mirrored(String operator) {
        return switch (operator) {
            case "<" -> ">";
            case "<=" -> ">=";
            case ">" -> "<";
            case ">=" -> "<=";
            default -> operator;
        };
    }

    private static String firstKeyAttribute(Operand operand, String operator) {
        if (!(operand instanceof Operand.Path path)) {
            nestedOperation(operand);
            throw invalidCondition(operator + " operator must have the key attribute as its first operand");
        }
        return attribute(path);
    }

    private static String attribute(Operand.Path path) {
        if (path.path().length() > 1) {
            throw DynamoDbError.validation("KeyConditionExpressions cannot have conditions on nested attributes");
        }
        return path.path().top();
    }

    private static List<AttrValue> values(List<Operand> operands) {
        List<AttrValue> values = new ArrayList<>();
        for (Operand operand : operands) {
            nestedOperation(operand);
            if (operand instanceof Operand.Path) {
                throw invalidCondition("Multiple attribute names used in one condition");
            }
            values.add(((Operand.Value) operand).value());
        }
        return values;
    }

    private static void nestedOperation(Operand operand) {
        if (operand instanceof Operand.Size || operand instanceof Operand.Call) {
            throw DynamoDbError.validation("KeyConditionExpressions cannot contain nested operations");
        }
    }

    private static void add(Map<String, Term> terms, Term term) {
        if (terms.putIfAbsent(term.attribute(), term) != null) {
            throw DynamoDbError.validation("KeyConditionExpressions must only contain one condition per key");
        }
    }

    private static DynamoDbError invalidOperator(String operator) {
        return DynamoDbError.validation("Invalid operator used in KeyConditionExpression: " + operator);
    }

    private static DynamoDbError invalidCondition(String detail) {
        return DynamoDbError.validation("Invalid condition in KeyConditionExpression: " + detail);
    }
}
