package dev.dynagate.sandbox.dynamodb.ops;

import dev.dynagate.sandbox.dynamodb.DynamoDbError;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A shard iterator as the client holds it: the stream's ARN (as DynamoDB's iterators start with it), then the shard,
 * the next sequence number to read and when the iterator was handed out, encoded.
 */
record ShardIterator(String streamArn, String shardId, long position, long issuedMillis) {
    /** The position of a TRIM_HORIZON iterator: the oldest record kept when it is used. */
    static final long TRIM_HORIZON = -1;
    private static final String SEPARATOR = "|1|";

    String text() {
        String state = shardId + "|" + position + "|" + issuedMillis;
        return streamArn + SEPARATOR + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(state.getBytes(StandardCharsets.UTF_8));
    }

    static ShardIterator parse(String text) {
        int at = text.indexOf(SEPARATOR);
        if (at > 0) {
            try {
                String state = new String(Base64.getUrlDecoder().decode(text.substring(at + SEPARATOR.length())),
                        StandardCharsets.UTF_8);
                String[] parts = state.split("\\|");
                if (parts.length == 3) {
                    return new ShardIterator(text.substring(0, at), parts[0], Long.parseLong(parts[1]),
                            Long.parseLong(parts[2]));
                }
            } catch (IllegalArgumentException malformed) {
                // answered below, as any other text that is not an iterator handed out here
            }
        }
        throw DynamoDbError.validation("Invalid ShardIterator: it was not returned by GetShardIterator or GetRecords");
    }
}
