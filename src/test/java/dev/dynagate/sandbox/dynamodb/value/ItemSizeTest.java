package dev.dynagate.sandbox.dynamodb.value;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ItemSizeTest {
    private static AttrValue n(String v) {
        return new AttrValue.N(Numbers.parse(v));
    }

    @Test
    void stringsAndNamesCountUtf8Bytes() {
        assertThat(ItemSize.of(Map.of("ab", new AttrValue.S("xyz")))).isEqualTo(5);
        assertThat(ItemSize.of(Map.of("é", new AttrValue.S("\uD83D\uDE00")))).isEqualTo(2 + 4);
        assertThat(ItemSize.of(new AttrValue.S(""))).isZero();
    }

    @Test
    void numbersTakeOneBytePerTwoDigitsPlusOne() {
        assertThat(ItemSize.of(n("0"))).isEqualTo(1);
        assertThat(ItemSize.of(n("1"))).isEqualTo(2);
        assertThat(ItemSize.of(n("10"))).isEqualTo(2);
        assertThat(ItemSize.of(n("100"))).isEqualTo(2);
        assertThat(ItemSize.of(n("123"))).isEqualTo(3);
        assertThat(ItemSize.of(n("1.5"))).isEqualTo(3);
        assertThat(ItemSize.of(n("-1"))).isEqualTo(3);
        assertThat(ItemSize.of(n("12345678901234567890123456789012345678"))).isEqualTo(20);
    }

    /** Sizes that put an item exactly at or over the 400 KB limit in DynamoDB's own answers. */
    @Test
    void largeNumbersCountTheirBase100DigitsOnly() {
        assertThat(ItemSize.of(n("1" + "0".repeat(125)))).isEqualTo(2);
        assertThat(ItemSize.of(n("11" + "0".repeat(124)))).isEqualTo(2);
        assertThat(ItemSize.of(n("11111" + "0".repeat(121)))).isEqualTo(4);
        assertThat(ItemSize.of(n("111111" + "0".repeat(120)))).isEqualTo(4);
        assertThat(ItemSize.of(n("1111111" + "0".repeat(119)))).isEqualTo(5);
        assertThat(ItemSize.of(n("1".repeat(38) + "0".repeat(88)))).isEqualTo(20);
    }

    @Test
    void scalarsAndSets() {
        assertThat(ItemSize.of(new AttrValue.B(new byte[10]))).isEqualTo(10);
        assertThat(ItemSize.of(new AttrValue.Bool(true))).isEqualTo(1);
        assertThat(ItemSize.of(new AttrValue.Null())).isEqualTo(1);
        assertThat(ItemSize.of(new AttrValue.SS(List.of("ab", "c")))).isEqualTo(3);
        assertThat(ItemSize.of(new AttrValue.NS(List.of(BigDecimal.ONE, BigDecimal.TEN)))).isEqualTo(4);
        assertThat(ItemSize.of(new AttrValue.BS(List.of(new byte[3], new byte[4])))).isEqualTo(7);
    }

    @Test
    void listsAndMapsAddOverhead() {
        assertThat(ItemSize.of(new AttrValue.L(List.of()))).isEqualTo(3);
        assertThat(ItemSize.of(new AttrValue.M(Map.of()))).isEqualTo(3);
        assertThat(ItemSize.of(new AttrValue.L(List.of(new AttrValue.S("ab"), new AttrValue.Bool(true))))).isEqualTo(3 + 2 + 2 + 1);
        Map<String, AttrValue> inner = new LinkedHashMap<>();
        inner.put("key", new AttrValue.S("val"));
        assertThat(ItemSize.of(new AttrValue.M(inner))).isEqualTo(3 + 1 + 3 + 3);
    }

    @Test
    void theLimitIs400KiB() {
        assertThat(ItemSize.MAX_ITEM_BYTES).isEqualTo(409_600);
        Map<String, AttrValue> item = Map.of("k", new AttrValue.S("x".repeat(409_599)));
        assertThat(ItemSize.of(item)).isEqualTo(ItemSize.MAX_ITEM_BYTES);
    }
}
