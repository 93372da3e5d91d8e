package dev.dynagate.sandbox.dynamodb.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynagate.sandbox.dynamodb.value.AttrValue;
import dev.dynagate.sandbox.dynamodb.value.ItemSize;
import dev.dynagate.sandbox.dynamodb.wire.ItemStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValueCodecTest {

    /** One attribute of every type, with nesting, empty values and a 38-digit number, in a deliberate order. */
    private static Map<String, AttrValue> everyType() {
        Map<String, AttrValue> nested = new LinkedHashMap<>();
        nested.put("deep", new AttrValue.L(List.of(new AttrValue.Null(), new AttrValue.S(""))));
        nested.put("n", new AttrValue.N(new BigDecimal("-1E-130")));
        Map<String, AttrValue> item = new LinkedHashMap<>();
        item.put("pk", new AttrValue.S("héllo"));
        item.put("map", new AttrValue.M(nested));
        item.put("list", new AttrValue.L(List.of(new AttrValue.Bool(true), new AttrValue.M(Map.of()))));
        item.put("big", new AttrValue.N(new BigDecimal("12345678901234567890123456789012345678")));
        item.put("bin", new AttrValue.B(new byte[] {0, (byte) 0xff, 7}));
        item.put("empty", new AttrValue.B(new byte[0]));
        item.put("flag", new AttrValue.Bool(false));
        item.put("nothing", new AttrValue.Null());
        item.put("ss", new AttrValue.SS(List.of("b", "a")));
        item.put("ns", new AttrValue.NS(List.of(BigDecimal.ONE, new BigDecimal("2.5"))));
        item.put("bs", new AttrValue.BS(List.of(new byte[] {1}, new byte[] {2, 3})));
        item.put("last", new AttrValue.S("end"));
        return item;
    }

    @Test
    void anItemDecodesToEqualValuesInTheOrderItWasWritten() {
        Map<String, AttrValue> item = everyType();

        Map<String, AttrValue> decoded = ValueCodec.decodeItem(ValueCodec.encodeItem(item));

        assertThat(decoded).isEqualTo(item);
        assertThat(decoded.keySet()).containsExactlyElementsOf(item.keySet());
        assertThat(((AttrValue.N) decoded.get("big")).text()).isEqualTo("12345678901234567890123456789012345678");
    }

    @Test
    void oneAttributeIsFoundPastEveryKindOfValueAndAMissingOneIsNull() {
        byte[] encoded = ValueCodec.encodeItem(everyType());

        for (Map.Entry<String, AttrValue> e : everyType().entrySet()) {
            assertThat(ValueCodec.attribute(encoded, e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
        }
        assertThat(ValueCodec.attribute(encoded, "deep")).as("nested names are not top-level attributes").isNull();
        assertThat(ValueCodec.attribute(encoded, "absent")).isNull();
    }

    /** The log and snapshots written before items were kept encoded use this layout; they must stay readable. */
    @Test
    void theLayoutIsCountThenLengthPrefixedNamesAndTaggedValues() {
        Map<String, AttrValue> item = new LinkedHashMap<>();
        item.put("a", new AttrValue.S("x"));
        item.put("b", new AttrValue.Bool(true));

        byte[] encoded = ValueCodec.encodeItem(item);

        assertThat(encoded).containsExactly(0, 0, 0, 2, 0, 0, 0, 1, 'a', 0, 0, 0, 0, 1, 'x', 0, 0, 0, 1, 'b', 3, 1);
    }

    @Test
    void aCutOrDamagedItemIsAnErrorNotAWrongValue() {
        byte[] encoded = ValueCodec.encodeItem(everyType());
        byte[] cut = Arrays.copyOf(encoded, encoded.length - 2);
        byte[] badTag = encoded.clone();
        badTag[4 + 4 + 2] = 42; // the tag after the first name, "pk"

        assertThatThrownBy(() -> ValueCodec.decodeItem(cut)).isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(() -> ValueCodec.attribute(cut, "last")).isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(() -> ValueCodec.decodeItem(badTag)).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void aStoredItemIsWrittenAsTheSameJsonAsItsDecodedForm() {
        StoredItem stored = StoredItem.of(everyType());
        ItemStreamWriter fromBytes = new ItemStreamWriter();
        ItemStreamWriter fromValues = new ItemStreamWriter();

        fromBytes.add(stored);
        fromValues.add(stored.item());

        String json = fromBytes.finish().rawValue().toString();
        assertThat(json).isEqualTo(fromValues.finish().rawValue().toString())
                .contains("\"big\":{\"N\":\"12345678901234567890123456789012345678\"}")
                .contains("\"bin\":{\"B\":\"AP8H\"}");
    }

    @Test
    void numbersCopiedAsStoredAreWrittenAsTheyAreWhenParsed() {
        List<String> texts = new java.util.ArrayList<>(List.of("0", "-0.5", "0.5", "100", "1E+2", "1.50", "0.000001",
                "1E-7", "-12.340", "7", "-7", "10.01", "12345678901234567890123456789012345678", "-1E-130",
                "9.9999999999999999999999999999999999999E+125", "0.0", "00", "-0", "1.", ".5", "--1", "1-", "1..2", ""));
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 5_000; i++) {
            texts.add(new BigDecimal(java.math.BigInteger.valueOf(random.nextLong() % 1_000_000_000L),
                    random.nextInt(20) - 10).toString());
        }
        for (String text : texts) {
            byte[] bytes = ("[" + text + "]").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            if (ValueCodec.Reader.isWireForm(bytes, 1, text.length())) {
                assertThat(dev.dynagate.sandbox.dynamodb.value.Numbers.format(new BigDecimal(text))).as(text)
                        .isEqualTo(text);
            }
        }
        assertThat(texts.stream().filter(t -> ValueCodec.Reader.isWireForm(t.getBytes(), 0, t.length())))
                .contains("0", "-0.5", "100", "10.01").doesNotContain("1.50", "1E+2", "0.0", "00", "-0", "1.", ".5", "");

        Map<String, AttrValue> item = new LinkedHashMap<>();
        for (int i = 0; i < 40; i++) {
            item.put("n" + i, new AttrValue.N(new BigDecimal(texts.get(i < 17 ? i : 24 + i))));
        }
        ItemStreamWriter fromBytes = new ItemStreamWriter();
        ItemStreamWriter fromValues = new ItemStreamWriter();
        fromBytes.add(StoredItem.of(item));
        fromValues.add(item);
        assertThat(fromBytes.finish().rawValue().toString()).isEqualTo(fromValues.finish().rawValue().toString())
                .contains("{\"N\":\"100\"}", "{\"N\":\"1.5\"}", "{\"N\":\"0.0000001\"}");
    }

    @Test
    void theSizeReadFromTheBytesIsDynamoDbsSizeOfTheItem() {
        Map<String, AttrValue> item = everyType();
        item.put("zero", new AttrValue.N(BigDecimal.ZERO));
        item.put("neg", new AttrValue.N(new BigDecimal("-0.001")));

        assertThat(ValueCodec.size(ValueCodec.encodeItem(item))).isEqualTo(ItemSize.of(item));
        assertThat(StoredItem.decoded(ValueCodec.encodeItem(item)).size()).isEqualTo(StoredItem.of(item).size());
    }

    @Test
    void aStoredItemHandsOutAFreshCopyAndItsSize() {
        StoredItem stored = StoredItem.of(Map.of("ab", new AttrValue.S("xyz")));

        assertThat(stored.size()).isEqualTo(5);
        assertThat(stored.item()).isEqualTo(Map.of("ab", new AttrValue.S("xyz"))).isNotSameAs(stored.item());
        assertThat(stored.attribute("ab")).isEqualTo(new AttrValue.S("xyz"));
    }
}
