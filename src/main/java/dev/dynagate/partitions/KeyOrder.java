package dev.dynagate.partitions;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;

/** DynamoDB's sort-key order: numbers numerically, strings by their UTF-8 bytes, binaries by unsigned bytes. */
public final class KeyOrder implements Comparator<DdbValue> {
    public static final KeyOrder INSTANCE = new KeyOrder();

    private KeyOrder() {
    }

    @Override
    public int compare(DdbValue a, DdbValue b) {
        if (a instanceof DdbValue.N x && b instanceof DdbValue.N y) {
            return new BigDecimal(x.value()).compareTo(new BigDecimal(y.value()));
        }
        if (a instanceof DdbValue.S x && b instanceof DdbValue.S y) {
            return Arrays.compareUnsigned(x.value().getBytes(StandardCharsets.UTF_8),
                    y.value().getBytes(StandardCharsets.UTF_8));
        }
        if (a instanceof DdbValue.B x && b instanceof DdbValue.B y) {
            return Arrays.compareUnsigned(x.value(), y.value());
        }
        // a key attribute has one type per table; mixed types only meet in malformed input
        return a.type().compareTo(b.type());
    }
}
