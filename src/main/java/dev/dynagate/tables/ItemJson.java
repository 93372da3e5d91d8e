package dev.dynagate.tables;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** Shared Jackson set-up for item text: exact numbers, duplicate keys refused, locations kept. */
final class ItemJson {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ItemJson() {
    }

    static JsonNode read(String text) {
        if (text == null || text.isBlank()) {
            throw new JsonProblem("The item is empty: write a JSON object.", 1, 1);
        }
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || !node.isObject()) {
                throw new JsonProblem("An item must be a JSON object { … }.", 1, 1);
            }
            return node;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String message = e.getOriginalMessage();
            int cut = message.indexOf('\n');
            return fail(cut > 0 ? message.substring(0, cut) : message, at == null ? 0 : at.getLineNr(),
                    at == null ? 0 : at.getColumnNr());
        }
    }

    private static JsonNode fail(String message, int line, int column) {
        throw new JsonProblem(message, line, column);
    }

    /** Where in the text a path is first mentioned, to point an error at it; 0,0 when not found. */
    static int[] locate(String text, String key) {
        int at = text.indexOf("\"" + key + "\"");
        if (at < 0) {
            return new int[] {0, 0};
        }
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < at; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[] {line, at - lineStart + 1};
    }
}
