package dev.dynagate.sandbox.dynamodb.wire;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.UTF8JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.dynagate.sandbox.dynamodb.storage.StoredItem;
import dev.dynagate.sandbox.dynamodb.value.AttrValue;
import dev.dynagate.sandbox.dynamodb.value.Numbers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * Writes a list of items straight to JSON text, skipping the intermediate tree: Query and Scan pages of hundreds of
 * items are the engine's largest responses. Produces the same wire form as {@code AttrValueJson.write}.
 */
public final class ItemStreamWriter implements AutoCloseable {
    private static final JsonFactory FACTORY = new JsonFactory();
    private final ByteArrayBuilder bytes = new ByteArrayBuilder(4096);
    private final JsonGenerator out;

    public ItemStreamWriter() {
        try {
            out = FACTORY.createGenerator(bytes, JsonEncoding.UTF8);
            out.writeStartArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void add(Map<String, AttrValue> item) {
        try {
            writeMap(item);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A stored item as it is, without decoding it first. */
    public void add(StoredItem item) {
        try {
            item.writeJson(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The array written so far, to embed in a response tree as raw JSON. */
    public RawValue finish() {
        try {
            out.writeEndArray();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RawValue(new Utf8Json(bytes.toByteArray()));
    }

    /**
     * One stored item for a response tree (GetItem's Item): written from its stored bytes by the generator that writes
     * the response, so no bytes are produced until then.
     */
    public static JsonSerializable item(StoredItem item) {
        return new StoredItemJson(item);
    }

    /** A stored item as a tree value; a character-based writer (a tree printed as text) gets the decoded text. */
    private static final class StoredItemJson extends JsonSerializable.Base {
        private final StoredItem item;

        StoredItemJson(StoredItem item) {
            this.item = item;
        }

        @Override
        public void serialize(JsonGenerator out, SerializerProvider provider) throws IOException {
            if (out instanceof UTF8JsonGenerator) {
                item.writeJson(out);
                return;
            }
            ByteArrayBuilder bytes = new ByteArrayBuilder(256);
            try (JsonGenerator utf8 = FACTORY.createGenerator(bytes, JsonEncoding.UTF8)) {
                item.writeJson(utf8);
            }
            out.writeRawValue(new String(bytes.toByteArray(), StandardCharsets.UTF_8));
        }

        @Override
        public void serializeWithType(JsonGenerator out, SerializerProvider provider, TypeSerializer typeSer)
                throws IOException {
            serialize(out, provider);
        }
    }

    private void writeMap(Map<String, AttrValue> item) throws IOException {
        out.writeStartObject();
        for (Map.Entry<String, AttrValue> e : item.entrySet()) {
            out.writeFieldName(e.getKey());
            write(e.getValue());
        }
        out.writeEndObject();
    }

    private void write(AttrValue v) throws IOException {
        out.writeStartObject();
        if (v instanceof AttrValue.S s) {
            out.writeStringField("S", s.value());
        } else if (v instanceof AttrValue.N n) {
            out.writeStringField("N", Numbers.format(n.value()));
        } else if (v instanceof AttrValue.B b) {
            out.writeStringField("B", Base64.getEncoder().encodeToString(b.value()));
        } else if (v instanceof AttrValue.Bool b) {
            out.writeBooleanField("BOOL", b.value());
        } else if (v instanceof AttrValue.Null) {
            out.writeBooleanField("NULL", true);
        } else if (v instanceof AttrValue.M m) {
            out.writeFieldName("M");
            writeMap(m.value());
        } else if (v instanceof AttrValue.L l) {
            out.writeArrayFieldStart("L");
            for (AttrValue e : l.value()) {
                write(e);
            }
            out.writeEndArray();
        } else if (v instanceof AttrValue.SS ss) {
            out.writeArrayFieldStart("SS");
            for (String e : ss.value()) {
                out.writeString(e);
            }
            out.writeEndArray();
        } else if (v instanceof AttrValue.NS ns) {
            out.writeArrayFieldStart("NS");
            for (BigDecimal e : ns.value()) {
                out.writeString(Numbers.format(e));
            }
            out.writeEndArray();
        } else if (v instanceof AttrValue.BS bs) {
            out.writeArrayFieldStart("BS");
            for (byte[] e : bs.value()) {
                out.writeString(Base64.getEncoder().encodeToString(e));
            }
            out.writeEndArray();
        }
        out.writeEndObject();
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
