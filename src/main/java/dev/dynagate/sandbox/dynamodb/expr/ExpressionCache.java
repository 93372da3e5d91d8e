package dev.dynagate.sandbox.dynamodb.expr;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parsed UpdateExpressions by what their parse depends on: the text, the request's ExpressionAttributeNames and the
 * type of each ExpressionAttributeValue. Clients send the same few expressions over and over with new values, and
 * parsing is a large share of an UpdateItem's work; a hit rebinds the cached expression to the request's values,
 * which passes the same checks since only the values' types enter them. Only successful parses are kept, so every
 * error is still the parser's own.
 */
final class ExpressionCache {
    /** Past this many entries the cache starts again: a client that never repeats an expression gains nothing. */
    private static final int LIMIT = 1024;
    private static final Map<Key, Entry> UPDATES = new ConcurrentHashMap<>();

    private record Key(String text, Map<String, String> names, String valueTypes) {
    }

    private record Entry(UpdateExpression parsed, ExpressionContext.Used used) {
    }

    private ExpressionCache() {
    }

    static UpdateExpression update(String text, ExpressionContext ctx) {
        Key key = new Key(text, ctx.names(), ctx.valueTypes());
        Entry hit = UPDATES.get(key);
        if (hit != null) {
            ctx.markUsed(hit.used());
            return hit.parsed().rebind(ctx.values());
        }
        UpdateExpression[] parsed = new UpdateExpression[1];
        ExpressionContext.Used used = ctx.recording(() -> parsed[0] = UpdateParser.parse(text, ctx));
        if (UPDATES.size() >= LIMIT) {
            UPDATES.clear();
        }
        // kept unbound: the cache must not hold on to this request's values, which may be large
        UPDATES.put(key, new Entry(parsed[0].rebind(Map.of()), used));
        return parsed[0];
    }
}
