package dev.dynagate.sandbox.dynamodb.storage;

import dev.dynagate.sandbox.dynamodb.value.AttrValue;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The stable hash of a partition key value that orders partitions in a scan and splits them into parallel-scan
 * segments: MD5 of "Outliers" and the key's bytes (numbers in a base-100 binary form), the order DynamoDB's scans
 * are observed to follow and the one dynalite reproduces. Stable across restarts and machines.
 */
public final class PartitionToken {
    private static final byte[] SALT = "Outliers".getBytes(StandardCharsets.US_ASCII);
    /** Segments split the first 12 bits of the token, as DynamoDB's observed segments do. */
    private static final int SEGMENT_BITS = 12;
    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private PartitionToken() {
    }

    public static long of(AttrValue hashKey) {
        MessageDigest md5 = MD5.get();
        md5.reset();
        md5.update(SALT);
        md5.update(bytes(hashKey));
        return token(md5.digest());
    }

    /**
     * The token of a partition keyed by several HASH attributes (a multi-attribute index key): the values hashed
     * together, each with its type and length so that no two tuples feed the hash the same bytes. One value hashes as
     * {@link #of(AttrValue)} does.
     */
    public static long of(java.util.List<AttrValue> hashKeys) {
        if (hashKeys.size() == 1) {
            return of(hashKeys.get(0));
        }
        MessageDigest md5 = MD5.get();
        md5.reset();
        md5.update(SALT);
        for (AttrValue value : hashKeys) {
            byte[] b = bytes(value);
            md5.update((byte) value.type().charAt(0));
            md5.update(new byte[] {(byte) (b.length >>> 24), (byte) (b.length >>> 16), (byte) (b.length >>> 8),
                (byte) b.length});
            md5.update(b);
        }
        return token(md5.digest());
    }

    private static byte[] bytes(AttrValue hashKey) {
        return hashKey instanceof AttrValue.N n ? numberBytes(n.value()) : KeyBytes.of(hashKey);
    }

    private static long token(byte[] d) {
        long token = 0;
        for (int i = 0; i < 8; i++) {
            token = (token << 8) | (d[i] & 0xff);
        }
        return token;
    }

    /** The parallel-scan segment of a token. */
    public static int segment(long token, int totalSegments) {
        long top = token >>> (64 - SEGMENT_BITS);
        return (int) (top * totalSegments >>> SEGMENT_BITS);
    }

    /** The first 12-bit prefix of a segment: ceil(segment * 4096 / total); {@code total} itself gives 4096. */
    public static int firstPrefix(int segment, int totalSegments) {
        long scaled = (long) segment << SEGMENT_BITS;
        return (int) ((scaled + totalSegments - 1) / totalSegments);
    }

    /** The smallest token with the given 12-bit prefix (prefix below 4096). */
    public static long tokenOfPrefix(int prefix) {
        return (long) prefix << (64 - SEGMENT_BITS);
    }

    public static int prefixCount() {
        return 1 << SEGMENT_BITS;
    }

    /**
     * A number as sortable base-100 bytes: an exponent byte, then one byte per pair of digits (+1, or 101 minus the
     * pair for negatives, which also get their exponent inverted and a 102 terminator when short).
     */
    static byte[] numberBytes(BigDecimal value) {
        if (value.signum() == 0) {
            return new byte[] {(byte) 0x80};
        }
        BigDecimal n = value.stripTrailingZeros();
        String digits = n.unscaledValue().abs().toString();
        int exponent = digits.length() - n.scale();
        int pad = Math.floorMod(exponent, 2);
        String paired = (pad == 1 ? "0" : "") + digits;
        boolean negative = n.signum() < 0;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int head = Math.floorDiv(exponent + pad, 2) - 64;
        out.write(negative ? ~head : head);
        int pairs = (paired.length() + 1) / 2;
        for (int i = 0; i < pairs; i++) {
            int hi = paired.charAt(2 * i) - '0';
            int lo = 2 * i + 1 < paired.length() ? paired.charAt(2 * i + 1) - '0' : 0;
            int pair = hi * 10 + lo;
            out.write(negative ? 101 - pair : pair + 1);
        }
        if (negative && pairs < 20) {
            out.write(102);
        }
        return out.toByteArray();
    }
}
