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

    static KeyCondition from(Cond cond, List<String> hashKeys, List<String> rangeKeys) {
        Map<String, Term> terms = new LinkedHashMap<>();
        collect(cond, terms);
        return build(terms, hashKeys, rangeKeys);
    }

    /**
     * Checks the terms against the key schema of the table or index queried: its HASH attributes, then its RANGE
     * attributes (more than one of either only for a multi-attribute index key).
     */
    static KeyCondition build(Map<String, Term> terms, List<String> hashKeys, List<String> rangeKeys) {
        if (hashKeys.size() == 1 && rangeKeys.size() <= 1) {
            return build(terms, hashKeys.get(0), rangeKeys.isEmpty() ? null : rangeKeys.get(0));
        }
        int keyCount = hashKeys.size() + rangeKeys.size();
        if (terms.size() > keyCount) {
            throw DynamoDbError.validation("The number of query conditions (" + terms.size() + ") exceeds the number "
                    + "of key attributes defined in the schema (" + keyCount + ")");
        }
        List<AttrValue> partition = new ArrayList<>();
        for (String hashKey : hashKeys) {
            Term hash = terms.get(hashKey);
            if (hash == null || hash.operator() != SortOperator.EQ) {
                throw DynamoDbError.validation("HASH key attributes " + hashKey + " must have equality conditions "
                        + "specified in the query");
            }
            partition.add(hash.value());
        }
        for (String attribute : terms.keySet()) {
            if (!hashKeys.contains(attribute) && !rangeKeys.contains(attribute)) {
                String missed = rangeKeys.stream().filter(k -> !terms.containsKey(k)).findFirst().orElse(attribute);
                throw DynamoDbError.validation("Query condition missed key schema element: " + missed);
            }
        }
        int last = -1;
        for (int i = 0; i < rangeKeys.size(); i++) {
            if (terms.containsKey(rangeKeys.get(i))) {
                last = i;
            }
        }
        // the sort attributes are a prefix of the schema's: equality on each before the last one named
        List<AttrValue> sortEquals = new ArrayList<>();
        for (int i = 0; i < last; i++) {
            Term range = terms.get(rangeKeys.get(i));
            if (range == null || range.operator() != SortOperator.EQ) {
                throw DynamoDbError.validation("RANGE key attributes " + rangeKeys.get(i) + " must have equality "
                        + "conditions specified in the query because a condition is present on key attribute "
                        + rangeKeys.get(last));
            }
            sortEquals.add(range.value());
        }
        Term range = last < 0 ? null : terms.get(rangeKeys.get(last));
        SortCondition sort = range == null ? null
                : new SortCondition(range.attribute(), range.operator(), range.value(), range.upper());
        return new KeyCondition(hashKeys, partition, sortEquals, sort);
    }

    /** Checks the terms against a key of one HASH and at most one RANGE attribute. */
    static KeyCondition build(Map<String, Term> terms, String hashKey, String rangeKey) {
        if (terms.size() > 2) {
            throw DynamoDbError.validation("The number of query conditions (" + terms.size() + ") exceeds the number "
                    + "of key attributes defined in the schema (" + (rangeKey == null ? 1 : 2) + ")");
        }
        Term hash = terms.get(hashKey);
        if (rangeKey == null && terms.size() > 1) {
            throw DynamoDbError.validation("Query key condition not supported");
        }
        if (hash == null) {
            throw DynamoDbError.validation("Query condition missed key schema element: " + hashKey);
        }
        if (hash.operator() != SortOperator.EQ) {
            throw DynamoDbError.validation("Query key condition not supported");
        }
        // with a sort key, a second condition on anything else means the sort key's condition is missing
        if (rangeKey != null && terms.size() > 1 && !terms.containsKey(rangeKey)) {
            throw DynamoDbError.validation("Query condition missed key schema element: " + rangeKey);
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
            if (c.operator().equals("<>")) {
                throw invalidOperator("<>");
            }
            add(terms, term(c.operator(), List.of(c.left(), c.right())));
        } else if (cond instanceof Cond.Between b) {
            add(terms, term("BETWEEN", List.of(b.value(), b.lower(), b.upper())));
        } else if (cond instanceof Cond.Function f) {
            if (!f.name().equals("begins_with")) {
                throw invalidOperator(f.name());
            }
            add(terms, term("begins_with", f.arguments()));
        }
    }

    /**
     * One key condition, checked operand by operand in DynamoDB's order: exactly one top-level key attribute, the
     * rest values; BETWEEN and begins_with must name the attribute first, a comparison may name it on either side.
     */
    private static Term term(String operator, List<Operand> operands) {
        boolean attributeFirst = operator.equals("BETWEEN") || operator.equals("begins_with");
        if (attributeFirst && !(operands.get(0) instanceof Operand.Path)) {
            throw invalidCondition(operator + " operator must have the key attribute as its first operand");
        }
        String attribute = null;
        int attributeIndex = -1;
        List<AttrValue> values = new ArrayList<>();
        for (int i = 0; i < operands.size(); i++) {
            Operand operand = operands.get(i);
            if (operand instanceof Operand.Path path) {
                if (attribute != null) {
                    throw invalidCondition("Multiple attribute names used in one condition");
                }
                if (path.path().length() > 1) {
                    throw DynamoDbError.validation("KeyConditionExpressions cannot have conditions on nested attributes");
                }
                attribute = path.path().top();
                attributeIndex = i;
            } else if (operand instanceof Operand.Value value) {
                values.add(value.value());
            } else {
                throw DynamoDbError.validation("KeyConditionExpressions cannot contain nested operations");
            }
        }
        if (attribute == null) {
            throw invalidCondition("No key attribute specified");
        }
        SortOperator sortOperator = switch (attributeIndex == 0 ? operator : mirrored(operator)) {
            case "=" -> SortOperator.EQ;
            case "<" -> SortOperator.LT;
            case "<=" -> SortOperator.LE;
            case ">" -> SortOperator.GT;
            case ">=" -> SortOperator.GE;
            case "BETWEEN" -> SortOperator.BETWEEN;
            default -> SortOperator.BEGINS_WITH;
        };
        return new Term(attribute, sortOperator, values.get(0), values.size() > 1 ? values.get(1) : null);
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

    private static void add(Map<String, Term> terms, Term term) {
        if (terms.putIfAbsent(term.attribute(), term) != null) {
            throw DynamoDbError.validation("Invalid KeyConditionExpression: KeyConditionExpressions must only contain "
                    + "one condition per key");
        }
    }

    private static DynamoDbError invalidOperator(String operator) {
        return DynamoDbError.validation("Invalid operator used in KeyConditionExpression: " + operator);
    }

    private static DynamoDbError invalidCondition(String detail) {
        return DynamoDbError.validation("Invalid condition in KeyConditionExpression: " + detail);
    }
}
