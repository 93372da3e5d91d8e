package dev.dynagate.sandbox.dynamodb.storage;

import dev.dynagate.sandbox.dynamodb.value.AttrValue;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The stable hash of a partition key value that orders partitions in a scan and splits them into parallel-scan
 * segments. MD5 of a salted, typed encoding: stable across restarts and machines, spread evenly.
 */
public final class PartitionToken {
    private static final byte[] SALT = "Outliers".getBytes(StandardCharsets.UTF_8);
    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });
    private static final BigInteger RANGE = BigInteger.ONE.shiftLeft(64);

    private PartitionToken() {
    }

    public static long of(AttrValue hashKey) {
        MessageDigest md5 = MD5.get();
        md5.reset();
        md5.update(SALT);
        md5.update((byte) hashKey.type().charAt(0));
        md5.update(KeyBytes.of(hashKey));
        byte[] d = md5.digest();
        long token = 0;
        for (int i = 0; i < 8; i++) {
            token = (token << 8) | (d[i] & 0xff);
        }
        return token;
    }

    /** The parallel-scan segment of a token: floor(token * total / 2^64), token read as unsigned. */
    public static int segment(long token, int totalSegments) {
        long high = Math.multiplyHigh(token, totalSegments) + (token < 0 ? totalSegments : 0);
        return (int) high;
    }

    /** The smallest token of a segment: ceil(segment * 2^64 / total). */
    public static long firstToken(int segment, int totalSegments) {
        BigInteger[] qr = RANGE.multiply(BigInteger.valueOf(segment)).divideAndRemainder(BigInteger.valueOf(totalSegments));
        BigInteger first = qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
        return first.longValue();
    }
}
