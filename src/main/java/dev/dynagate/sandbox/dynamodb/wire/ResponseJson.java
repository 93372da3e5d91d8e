package dev.dynagate.sandbox.dynamodb.wire;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.POJONode;
import java.io.IOException;
import java.util.Map;

/**
 * Writes an operation's answer tree as UTF-8 JSON with one generator and nothing else: the same text the object
 * mapper writes, without its per-call serializer lookup. A stored item in the tree ({@link ItemStreamWriter#item})
 * writes itself into this generator from its stored bytes.
 */
final class ResponseJson {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final ObjectMapper FALLBACK = new ObjectMapper();

    private ResponseJson() {
    }

    static byte[] bytes(JsonNode tree) throws IOException {
        ByteArrayBuilder bytes = new ByteArrayBuilder(512);
        try (JsonGenerator out = FACTORY.createGenerator(bytes, JsonEncoding.UTF8)) {
            write(tree, out);
        }
        return bytes.toByteArray();
    }

    private static void write(JsonNode node, JsonGenerator out) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                out.writeStartObject();
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    out.writeFieldName(field.getKey());
                    write(field.getValue(), out);
                }
                out.writeEndObject();
            }
            case ARRAY -> {
                out.writeStartArray();
                for (JsonNode element : node) {
                    write(element, out);
                }
                out.writeEndArray();
            }
            case STRING -> out.writeString(node.textValue());
            case BOOLEAN -> out.writeBoolean(node.booleanValue());
            case NULL -> out.writeNull();
            case POJO -> pojo(((POJONode) node).getPojo(), out);
            case BINARY -> out.writeBinary(node.binaryValue());
            case MISSING -> out.writeNull();
            // a number writes itself as the mapper has it do, and needs no provider for that
            default -> node.serialize(out, null);
        }
    }

    private static void pojo(Object value, JsonGenerator out) throws IOException {
        if (value instanceof JsonSerializable serializable) {
            serializable.serialize(out, null); // raw values and stored items
        } else {
            FALLBACK.writeValue(out, value);
        }
    }
}
