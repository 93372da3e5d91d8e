package dev.dynagate.sandbox.dynamodb.storage;

import dev.dynagate.sandbox.dynamodb.value.AttrValue;
import dev.dynagate.sandbox.dynamodb.value.Numbers;
import java.nio.charset.StandardCharsets;

/** The bytes of a key value as DynamoDB sizes and hashes it: UTF-8 for S, the raw bytes for B, the text for N. */
public final class KeyBytes {
    private KeyBytes() {
    }

    public static byte[] of(AttrValue value) {
        if (value instanceof AttrValue.S s) {
            return s.value().getBytes(StandardCharsets.UTF_8);
        }
        if (value instanceof AttrValue.B b) {
            return b.value();
        }
        if (value instanceof AttrValue.N n) {
            return Numbers.format(n.value()).getBytes(StandardCharsets.US_ASCII);
        }
        throw new IllegalArgumentException("not a key type: " + value.type());
    }
}
