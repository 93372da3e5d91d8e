package dev.dynagate.sandbox.dynamodb.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynagate.sandbox.dynamodb.value.AttrOrder;
import dev.dynagate.sandbox.dynamodb.value.AttrValue;
import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentSkipListMap;
import org.junit.jupiter.api.Test;

class IndexKeyTest {

    /** Key order stated part by part: LOW before a missing part before any value before HIGH; values in key order. */
    private static int expected(long tokenA, Object[] a, long tokenB, Object[] b) {
        int c = Long.compareUnsigned(tokenA, tokenB);
        if (c != 0) {
            return c;
        }
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            int x = rank(i < a.length ? a[i] : null);
            int y = rank(i < b.length ? b[i] : null);
            if (x != y) {
                return Integer.compare(x, y);
            }
            if (x == 2) {
                AttrValue p = (AttrValue) a[i];
                AttrValue q = (AttrValue) b[i];
                c = p.type().equals(q.type()) ? AttrOrder.compareKeys(p, q) : p.type().compareTo(q.type());
                if (c != 0) {
                    return c;
                }
            }
        }
        return 0;
    }

    private static int rank(Object part) {
        return part == IndexKey.LOW ? 0 : part == null ? 1 : part == IndexKey.HIGH ? 3 : 2;
    }

    private static Object randomPart(Random random) {
        switch (random.nextInt(9)) {
            case 0: return IndexKey.LOW;
            case 1: return IndexKey.HIGH;
            case 2: return null;
            case 3: case 4: {
                String[] texts = {"", "a", "ab", "a\u0000", "a\u0000b", "b", "\u00e9", "\uffff", "\uD83D\uDE00", "z"};
                return new AttrValue.S(texts[random.nextInt(texts.length)]);
            }
            case 5: case 6: {
                String[] numbers = {"0", "1", "1.0", "-1", "10", "-10", "0.001", "-0.001", "99.99", "1E+125",
                    "-1E+125", "1E-130", "-9.9999999999999999999999999999999999999E+125", "123456789012345678901234567890"};
                return new AttrValue.N(new BigDecimal(numbers[random.nextInt(numbers.length)]));
            }
            default: {
                byte[][] binaries = {{}, {0}, {0, 0}, {1}, {(byte) 0xff}, {0, (byte) 0xff}, {(byte) 0x80, 1}};
                return new AttrValue.B(binaries[random.nextInt(binaries.length)]);
            }
        }
    }

    private static Object[] randomParts(Random random) {
        Object[] parts = new Object[random.nextInt(5)];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = randomPart(random);
        }
        return parts;
    }

    @Test
    void theByteFormOrdersKeysAsTheirPartsDo() {
        Random random = new Random(7);
        long[] tokens = {0, 1, -1, Long.MIN_VALUE};
        for (int n = 0; n < 200_000; n++) {
            long ta = tokens[random.nextInt(tokens.length)];
            long tb = random.nextInt(4) == 0 ? tokens[random.nextInt(tokens.length)] : ta;
            Object[] a = randomParts(random);
            Object[] b = random.nextInt(3) == 0 ? extend(a, random) : randomParts(random);
            IndexKey x = new IndexKey(ta, a);
            IndexKey y = new IndexKey(tb, b);

            int want = Integer.signum(expected(ta, a, tb, b));
            assertThat(Integer.signum(x.compareTo(y))).as("%s vs %s", x, y).isEqualTo(want);
            assertThat(Integer.signum(y.compareTo(x))).isEqualTo(-want);
            assertThat(x.equals(y)).isEqualTo(want == 0);
            if (want == 0) {
                assertThat(x.hashCode()).isEqualTo(y.hashCode());
            }
        }
    }

    private static Object[] extend(Object[] parts, Random random) {
        Object[] out = new Object[parts.length + 1 + random.nextInt(2)];
        System.arraycopy(parts, 0, out, 0, parts.length);
        for (int i = parts.length; i < out.length; i++) {
            out[i] = randomPart(random);
        }
        return out;
    }

    @Test
    void boundsEncloseOnePartitionsItemsInAnOrderedMap() {
        AttrValue h = new AttrValue.S("p");
        long token = PartitionToken.of(h);
        ConcurrentSkipListMap<IndexKey, String> map = new ConcurrentSkipListMap<>();
        for (String sk : List.of("", "a", "a\u0000", "b", "\uD83D\uDE00")) {
            map.put(new IndexKey(token, h, new AttrValue.S(sk)), sk);
        }
        map.put(new IndexKey(token, new AttrValue.S("q"), new AttrValue.S("a")), "other partition");

        assertThat(map.subMap(new IndexKey(token, h, IndexKey.LOW), true, new IndexKey(token, h, IndexKey.HIGH), true)
                .values()).containsExactly("", "a", "a\u0000", "b", "\uD83D\uDE00");
        assertThat(map.get(new IndexKey(token, h, new AttrValue.S("a")))).isEqualTo("a");
    }
}
