package dev.dynagate.sandbox.dynamodb.storage;

/**
 * A TransactWriteItems ClientRequestToken with what it was sent with and what was answered, kept for ten minutes as
 * DynamoDB does. It is committed in the same log record as its transaction, so after a crash the two survive
 * together or not at all.
 *
 * @param request the TransactItems as JSON text
 * @param response the answer as JSON text
 * @param at when the transaction ran, in epoch milliseconds
 */
public record IdempotencyToken(String token, String request, String response, long at) {
    public static final long KEEP_MILLIS = 10 * 60 * 1000;

    public boolean expiredAt(long now) {
        return now - at > KEEP_MILLIS;
    }
}
