package dev.dynagate.sandbox.dynamodb.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.dynagate.sandbox.dynamodb.storage.StoredItem;
import dev.dynagate.sandbox.dynamodb.value.AttrValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResponseJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void writesEveryKindOfNodeAsTheObjectMapperDoes() throws Exception {
        ObjectNode tree = MAPPER.createObjectNode();
        tree.put("text", "quote \" backslash \\ tab \t newline \n é ✓ 😀 \u0001");
        tree.put("int", 7).put("long", 1L << 40).put("double", 1.0).put("fraction", 0.5)
                .put("decimal", new BigDecimal("12345678901234567890.000")).put("big", new BigInteger("9".repeat(30)))
                .put("yes", true).put("no", false).putNull("nothing");
        tree.put("bytes", new byte[] {0, 1, (byte) 0xff});
        ArrayNode list = tree.putArray("list");
        list.add(1).add("two").addObject().put("three", 3.25);
        list.addArray();
        tree.putObject("empty");
        tree.putRawValue("raw", new RawValue("{\"already\":\"json\"}"));
        tree.putObject("ConsumedCapacity").put("TableName", "t").put("CapacityUnits", 0.5);

        // byte for byte what the mapper writes as UTF-8 (which escapes a surrogate pair, as a character writer does not)
        assertThat(ResponseJson.bytes(tree)).isEqualTo(MAPPER.writeValueAsBytes(tree));
        assertThat(new String(ResponseJson.bytes(tree), StandardCharsets.UTF_8)).contains("\\uD83D\\uDE00");
    }

    @Test
    void aStoredItemWritesItselfAsItsDecodedFormDoes() throws Exception {
        Map<String, AttrValue> item = new LinkedHashMap<>();
        item.put("pk", new AttrValue.S("héllo \"there\""));
        item.put("n", new AttrValue.N(new BigDecimal("1.50")));
        item.put("tags", new AttrValue.SS(List.of("a", "b")));
        ObjectNode fromStorage = MAPPER.createObjectNode();
        fromStorage.putPOJO("Item", ItemStreamWriter.item(StoredItem.of(item)));
        ItemStreamWriter decoded = new ItemStreamWriter();
        decoded.add(item);
        ObjectNode fromValues = MAPPER.createObjectNode();
        fromValues.putRawValue("Items", decoded.finish());

        String written = new String(ResponseJson.bytes(fromStorage), StandardCharsets.UTF_8);
        String items = new String(ResponseJson.bytes(fromValues), StandardCharsets.UTF_8);

        assertThat("[" + written.substring("{\"Item\":".length(), written.length() - 1) + "]")
                .isEqualTo(items.substring("{\"Items\":".length(), items.length() - 1))
                .contains("\"N\":\"1.5\"");
        // a tree printed as text (a character-based writer) shows the same item
        assertThat(fromStorage.toString()).isEqualTo(written);
    }
}
