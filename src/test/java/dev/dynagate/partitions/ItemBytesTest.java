package dev.dynagate.partitions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ItemBytesTest {

    /** The digit arithmetic itself is SizeRulesTest's; here, that a number's text reaches it. */
    @Test
    void numbersAreSizedFromTheirText() {
        assertThat(ItemBytes.of(new DdbValue.N("-123"))).isEqualTo(4);
        assertThat(ItemBytes.of(new DdbValue.NS(List.of("1", "1.5")))).isEqualTo(2 + 3);
    }

    @Test
    void containersAddThreeBytesAndOnePerElement() {
        DdbValue list = new DdbValue.L(List.of(new DdbValue.S("ab"), new DdbValue.Bool(true)));
        DdbValue map = new DdbValue.M(Map.of("x", new DdbValue.N("7")));
        assertThat(ItemBytes.of(list)).isEqualTo(3 + 2 + 2 + 1);
        assertThat(ItemBytes.of(map)).isEqualTo(3 + 1 + 1 + 2);
        assertThat(ItemBytes.of(Map.of("name", new DdbValue.S("é"), "n", new DdbValue.Null()))).isEqualTo(4 + 2 + 1 + 1);
        assertThat(ItemBytes.of(new DdbValue.SS(List.of("a", "bc")))).isEqualTo(3);
    }

    @Test
    void keyOrderIsNumericForNumbersAndByteWiseForStrings() {
        List<DdbValue> numbers = new java.util.ArrayList<>(List.of(new DdbValue.N("10"), new DdbValue.N("-5"),
                new DdbValue.N("9"), new DdbValue.N("1E+2")));
        numbers.sort(KeyOrder.INSTANCE);
        assertThat(numbers).extracting(DdbValue::display).containsExactly("-5", "9", "10", "1E+2");
        // 'Z' (0x5A) sorts before 'a' (0x61), and U+00E9 (0xC3 0xA9) after every ASCII letter
        List<DdbValue> strings = new java.util.ArrayList<>(List.of(new DdbValue.S("é"), new DdbValue.S("a"),
                new DdbValue.S("Z")));
        strings.sort(KeyOrder.INSTANCE);
        assertThat(strings).extracting(DdbValue::display).containsExactly("Z", "a", "é");
    }

    @Test
    void prefixesEndAtTheFirstSeparator() {
        assertThat(SortKeyPrefix.of(new DdbValue.S("SAMPLE#0001"))).isEqualTo("SAMPLE#");
        assertThat(SortKeyPrefix.of(new DdbValue.S("2024|x"))).isEqualTo("2024|");
        assertThat(SortKeyPrefix.of(new DdbValue.S("plain"))).isEqualTo(SortKeyPrefix.NONE);
        assertThat(SortKeyPrefix.of(new DdbValue.N("5"))).isEqualTo(SortKeyPrefix.NONE);
    }
}
