package dev.dynagate.requests;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.Optional;

/** JSON bodies: validation with a readable position, pretty printing, parsing that never throws. */
public final class JsonText {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private JsonText() {
    }

    /** Null when {@code text} is valid JSON (or blank), else what is wrong and where. */
    public static String problem(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            MAPPER.readTree(text);
            return null;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            return "The body is not valid JSON" + where + ": " + e.getOriginalMessage().split("\n")[0];
        }
    }

    public static Optional<JsonNode> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(MAPPER.readTree(text));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    public static String pretty(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            return node.toString();
        }
    }

    /** Indented JSON, or the text unchanged when it is not JSON. */
    public static String pretty(String text) {
        return parse(text).map(node -> {
            try {
                return MAPPER.writeValueAsString(node);
            } catch (JsonProcessingException e) {
                return text;
            }
        }).orElse(text);
    }
}
