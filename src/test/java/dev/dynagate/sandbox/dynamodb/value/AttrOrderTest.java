package dev.dynagate.sandbox.dynamodb.value;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AttrOrderTest {
    private static AttrValue n(String v) {
        return new AttrValue.N(Numbers.parse(v));
    }

    private static AttrValue s(String v) {
        return new AttrValue.S(v);
    }

    @Test
    void numbersOrderNumericallyWithAll38Digits() {
        List<AttrValue> values = new ArrayList<>(List.of(n("10"), n("-1E+10"), n("9.5"), n("-0.001"),
                n("12345678901234567890123456789012345678"), n("12345678901234567890123456789012345677"), n("0")));
        values.sort(AttrOrder::compareKeys);
        assertThat(values).containsExactly(n("-1E+10"), n("-0.001"), n("0"), n("9.5"), n("10"),
                n("12345678901234567890123456789012345677"), n("12345678901234567890123456789012345678"));
        assertThat(AttrOrder.compareKeys(n("1.0"), n("1"))).isZero();
    }

    @Test
    void stringsOrderByUtf8BytesNotUtf16Units() {
        // UTF-16 puts the surrogate pair (0xD83D...) before U+FF61; UTF-8 bytes (F0.. vs EF..) put U+FF61 first.
        assertThat(AttrOrder.compareKeys(s("\uFF61"), s("\uD83D\uDE00"))).isNegative();
        assertThat("\uFF61".compareTo("\uD83D\uDE00")).isPositive();
        assertThat(AttrOrder.compareKeys(s("a"), s("ab"))).isNegative();
        assertThat(AttrOrder.compareKeys(s("B"), s("a"))).isNegative();
        assertThat(AttrOrder.compareKeys(s(""), s(""))).isZero();
    }

    /** Random strings drawn where the orders could part: ASCII, Latin-1, below and above the surrogates, emoji. */
    @Test
    void stringOrderAgreesWithUtf8BytesOnRandomText() {
        int[][] ranges = {{0x20, 0x7e}, {0xa0, 0xff}, {0x800, 0xd7ff}, {0xe000, 0xffff}, {0x10000, 0x10ffff}};
        Random random = new Random(42);
        for (int n = 0; n < 20_000; n++) {
            String a = randomText(random, ranges);
            String b = random.nextInt(4) == 0 ? a + randomText(random, ranges) : randomText(random, ranges);
            int bytes = Integer.signum(Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8),
                    b.getBytes(StandardCharsets.UTF_8)));
            assertThat(Integer.signum(AttrOrder.compareKeys(s(a), s(b)))).as("%s vs %s", a, b).isEqualTo(bytes);
            assertThat(Integer.signum(AttrOrder.compareKeys(s(b), s(a)))).isEqualTo(-bytes);
        }
    }

    private static String randomText(Random random, int[][] ranges) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(4);
        for (int i = 0; i < length; i++) {
            int[] range = ranges[random.nextInt(ranges.length)];
            int step = random.nextInt(3); // few distinct code points, so equal prefixes are common
            text.appendCodePoint(random.nextBoolean() ? range[0] + step : range[1] - step);
        }
        return text.toString();
    }

    @Test
    void binariesOrderUnsigned() {
        AttrValue low = new AttrValue.B(new byte[] {0x7f});
        AttrValue high = new AttrValue.B(new byte[] {(byte) 0x80});
        assertThat(AttrOrder.compareKeys(low, high)).isNegative();
        assertThat(AttrOrder.compareKeys(new AttrValue.B(new byte[] {1}), new AttrValue.B(new byte[] {1, 0}))).isNegative();
    }

    @Test
    void otherPairsAreIncomparable() {
        assertThat(AttrOrder.compare(n("1"), s("1"))).isEqualTo(AttrOrder.INCOMPARABLE);
        assertThat(AttrOrder.compare(new AttrValue.Bool(true), new AttrValue.Bool(false))).isEqualTo(AttrOrder.INCOMPARABLE);
        assertThat(AttrOrder.compare(new AttrValue.NS(List.of(BigDecimal.ONE)), new AttrValue.NS(List.of(BigDecimal.ONE))))
                .isEqualTo(AttrOrder.INCOMPARABLE);
        assertThatThrownBy(() -> AttrOrder.compareKeys(n("1"), s("1"))).isInstanceOf(IllegalArgumentException.class);
    }
}
