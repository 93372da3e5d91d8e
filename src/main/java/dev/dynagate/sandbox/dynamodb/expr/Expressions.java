package dev.dynagate.sandbox.dynamodb.expr;

import java.util.List;

/**
 * Parses the DynamoDB expression language. Every failure is a DynamoDbError ValidationException worded as DynamoDB
 * words it ("Invalid ConditionExpression: Syntax error; token: ..."). Parsing marks the #names and :values used in
 * {@code ctx}; call {@link ExpressionContext#checkAllUsed()} once all expressions of a request are parsed.
 */
public final class Expressions {
    private Expressions() {
    }

    /** A ConditionExpression. */
    public static Condition condition(String text, ExpressionContext ctx) {
        return ConditionParser.parse("ConditionExpression", text, ctx);
    }

    /** A FilterExpression: the condition grammar, with errors naming FilterExpression. */
    public static Condition filter(String text, ExpressionContext ctx) {
        return ConditionParser.parse("FilterExpression", text, ctx);
    }

    /**
     * The top-level attribute names a parsed condition reads (the head of every path in it), for checks such as
     * DynamoDB's refusal of key attributes in a Query's FilterExpression. Empty for a legacy condition.
     */
    public static java.util.Set<String> pathHeads(Condition condition) {
        java.util.Set<String> heads = new java.util.LinkedHashSet<>();
        if (condition instanceof Cond cond) {
            collect(cond, heads);
        }
        return heads;
    }

    private static void collect(Cond cond, java.util.Set<String> heads) {
        if (cond instanceof Cond.Compare c) {
            collect(c.left(), heads);
            collect(c.right(), heads);
        } else if (cond instanceof Cond.Between b) {
            collect(b.value(), heads);
            collect(b.lower(), heads);
            collect(b.upper(), heads);
        } else if (cond instanceof Cond.In in) {
            collect(in.value(), heads);
            in.candidates().forEach(o -> collect(o, heads));
        } else if (cond instanceof Cond.And and) {
            collect(and.left(), heads);
            collect(and.right(), heads);
        } else if (cond instanceof Cond.Or or) {
            collect(or.left(), heads);
            collect(or.right(), heads);
        } else if (cond instanceof Cond.Not not) {
            collect(not.inner(), heads);
        } else if (cond instanceof Cond.Group group) {
            collect(group.inner(), heads);
        } else if (cond instanceof Cond.Function f) {
            f.arguments().forEach(o -> collect(o, heads));
        }
    }

    private static void collect(Operand operand, java.util.Set<String> heads) {
        if (operand instanceof Operand.Path p) {
            heads.add(String.valueOf(p.path().elements().get(0)));
        } else if (operand instanceof Operand.Size size) {
            collect(size.argument(), heads);
        } else if (operand instanceof Operand.Call call) {
            call.arguments().forEach(o -> collect(o, heads));
        } else if (operand instanceof Operand.IfNotExists i) {
            heads.add(String.valueOf(i.path().elements().get(0)));
            collect(i.fallback(), heads);
        } else if (operand instanceof Operand.ListAppend l) {
            collect(l.first(), heads);
            collect(l.second(), heads);
        } else if (operand instanceof Operand.Arithmetic a) {
            collect(a.left(), heads);
            collect(a.right(), heads);
        }
    }

    /** An UpdateExpression; {@link UpdateAction#apply} then reports the errors that depend on the item. */
    public static UpdateAction update(String text, ExpressionContext ctx) {
        return ExpressionCache.update(text, ctx);
    }

    /** A ProjectionExpression. */
    public static Projection projection(String text, ExpressionContext ctx) {
        return ProjectionParser.parse(text, ctx);
    }

    /**
     * A KeyConditionExpression, validated against the key schema of the table or index queried (rangeKey may be
     * null). The values are not checked against the key attribute types; see {@link KeyCondition}.
     */
    public static KeyCondition keyCondition(String text, ExpressionContext ctx, String hashKey, String rangeKey) {
        return keyCondition(parseKeyCondition(text, ctx), hashKey, rangeKey);
    }

    /** A KeyConditionExpression read before the key schema is known: only the grammar and the placeholders. */
    public static Condition parseKeyCondition(String text, ExpressionContext ctx) {
        return ConditionParser.parse("KeyConditionExpression", text, ctx);
    }

    /** A KeyConditionExpression from {@link #parseKeyCondition}, checked against the key schema queried. */
    public static KeyCondition keyCondition(Condition parsed, String hashKey, String rangeKey) {
        return keyCondition(parsed, List.of(hashKey), rangeKey == null ? List.of() : List.of(rangeKey));
    }

    /** As {@link #keyCondition(Condition, String, String)}, for a key of any number of HASH and RANGE attributes. */
    public static KeyCondition keyCondition(Condition parsed, List<String> hashKeys, List<String> rangeKeys) {
        return KeyConditions.from((Cond) parsed, hashKeys, rangeKeys);
    }
}
