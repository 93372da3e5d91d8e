package dev.dynagate.sandbox.dynamodb.storage;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynagate.sandbox.dynamodb.schema.TableSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Encodes a commit's mutations as one log record, so a request or transaction is replayed whole or not at all. */
final class RecordCodec {
    private static final int PUT = 1, DELETE = 2, SCHEMA = 3, DROP = 4, TOKEN = 5;
    // schemas written by other versions may have fields this one does not know: keep the data readable
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private RecordCodec() {
    }

    static byte[] encode(List<Changes.Mutation> mutations) {
        ValueCodec.Writer out = new ValueCodec.Writer(256);
        out.writeInt(mutations.size());
        for (Changes.Mutation m : mutations) {
            if (m instanceof Changes.Put p) {
                out.writeByte(PUT);
                out.writeString(p.table());
                out.writeRaw(p.item().encoded());
            } else if (m instanceof Changes.Delete d) {
                out.writeByte(DELETE);
                out.writeString(d.table());
                out.item(d.key());
            } else if (m instanceof Changes.Schema s) {
                out.writeByte(SCHEMA);
                out.writeBoolean(s.create());
                out.writeString(schemaJson(s.schema()));
            } else if (m instanceof Changes.Drop d) {
                out.writeByte(DROP);
                out.writeString(d.table());
            } else if (m instanceof Changes.Token t) {
                out.writeByte(TOKEN);
                out.writeString(t.token().token());
                out.writeString(t.token().request());
                out.writeString(t.token().response());
                out.writeLong(t.token().at());
            }
        }
        return out.toArray();
    }

    private static String schemaJson(TableSchema schema) {
        try {
            return JSON.writeValueAsString(schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Changes.Mutation> decode(byte[] record) throws IOException {
        ValueCodec.Reader in = new ValueCodec.Reader(record, 0);
        int n = in.count();
        List<Changes.Mutation> mutations = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int op = in.readByte();
            switch (op) {
                case PUT -> mutations.add(new Changes.Put(in.readString(), StoredItem.decoded(in.itemBytes())));
                case DELETE -> mutations.add(new Changes.Delete(in.readString(), in.item()));
                case SCHEMA -> {
                    boolean create = in.readBoolean();
                    mutations.add(new Changes.Schema(JSON.readValue(in.readString(), TableSchema.class), create));
                }
                case DROP -> mutations.add(new Changes.Drop(in.readString()));
                case TOKEN -> mutations.add(new Changes.Token(new IdempotencyToken(in.readString(),
                        in.readString(), in.readString(), in.readLong())));
                default -> throw new IOException("corrupt record op " + op);
            }
        }
        return mutations;
    }
}
