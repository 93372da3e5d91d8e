package dev.dynagate.sandbox.dynamodb.storage;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynagate.sandbox.dynamodb.schema.TableSchema;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
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
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(mutations.size());
            for (Changes.Mutation m : mutations) {
                if (m instanceof Changes.Put p) {
                    out.writeByte(PUT);
                    ValueCodec.writeString(out, p.table());
                    ValueCodec.writeItem(out, p.item().item());
                } else if (m instanceof Changes.Delete d) {
                    out.writeByte(DELETE);
                    ValueCodec.writeString(out, d.table());
                    ValueCodec.writeItem(out, d.key());
                } else if (m instanceof Changes.Schema s) {
                    out.writeByte(SCHEMA);
                    out.writeBoolean(s.create());
                    ValueCodec.writeString(out, JSON.writeValueAsString(s.schema()));
                } else if (m instanceof Changes.Drop d) {
                    out.writeByte(DROP);
                    ValueCodec.writeString(out, d.table());
                } else if (m instanceof Changes.Token t) {
                    out.writeByte(TOKEN);
                    ValueCodec.writeString(out, t.token().token());
                    ValueCodec.writeString(out, t.token().request());
                    ValueCodec.writeString(out, t.token().response());
                    out.writeLong(t.token().at());
                }
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Changes.Mutation> decode(byte[] record) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(record));
        int n = in.readInt();
        List<Changes.Mutation> mutations = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int op = in.readByte();
            switch (op) {
                case PUT -> mutations.add(new Changes.Put(ValueCodec.readString(in), StoredItem.of(ValueCodec.readItem(in))));
                case DELETE -> mutations.add(new Changes.Delete(ValueCodec.readString(in), ValueCodec.readItem(in)));
                case SCHEMA -> {
                    boolean create = in.readBoolean();
                    mutations.add(new Changes.Schema(JSON.readValue(ValueCodec.readString(in), TableSchema.class), create));
                }
                case DROP -> mutations.add(new Changes.Drop(ValueCodec.readString(in)));
                case TOKEN -> mutations.add(new Changes.Token(new IdempotencyToken(ValueCodec.readString(in),
                        ValueCodec.readString(in), ValueCodec.readString(in), in.readLong())));
                default -> throw new IOException("corrupt record op " + op);
            }
        }
        return mutations;
    }
}
