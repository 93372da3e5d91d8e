package dev.dynagate.sandbox.dynamodb.storage;

import dev.dynagate.sandbox.dynamodb.value.AttrValue;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The compact binary form of attribute values in the log and snapshots: a type tag, then the payload. */
public final class ValueCodec {
    private static final int S = 0, N = 1, B = 2, BOOL = 3, NULL = 4, M = 5, L = 6, SS = 7, NS = 8, BS = 9;

    private ValueCodec() {
    }

    public static void writeItem(DataOutput out, Map<String, AttrValue> item) throws IOException {
        out.writeInt(item.size());
        for (Map.Entry<String, AttrValue> e : item.entrySet()) {
            writeString(out, e.getKey());
            write(out, e.getValue());
        }
    }

    public static Map<String, AttrValue> readItem(DataInput in) throws IOException {
        int n = in.readInt();
        Map<String, AttrValue> item = new LinkedHashMap<>(Math.max(4, n * 2));
        for (int i = 0; i < n; i++) {
            item.put(readString(in), read(in));
        }
        return Collections.unmodifiableMap(item);
    }

    public static void write(DataOutput out, AttrValue value) throws IOException {
        if (value instanceof AttrValue.S s) {
            out.writeByte(S);
            writeString(out, s.value());
        } else if (value instanceof AttrValue.N n) {
            out.writeByte(N);
            writeString(out, n.value().toString());
        } else if (value instanceof AttrValue.B b) {
            out.writeByte(B);
            writeBytes(out, b.value());
        } else if (value instanceof AttrValue.Bool b) {
            out.writeByte(BOOL);
            out.writeBoolean(b.value());
        } else if (value instanceof AttrValue.Null) {
            out.writeByte(NULL);
        } else if (value instanceof AttrValue.M m) {
            out.writeByte(M);
            writeItem(out, m.value());
        } else if (value instanceof AttrValue.L l) {
            out.writeByte(L);
            out.writeInt(l.value().size());
            for (AttrValue v : l.value()) {
                write(out, v);
            }
        } else if (value instanceof AttrValue.SS ss) {
            out.writeByte(SS);
            out.writeInt(ss.value().size());
            for (String v : ss.value()) {
                writeString(out, v);
            }
        } else if (value instanceof AttrValue.NS ns) {
            out.writeByte(NS);
            out.writeInt(ns.value().size());
            for (BigDecimal v : ns.value()) {
                writeString(out, v.toString());
            }
        } else if (value instanceof AttrValue.BS bs) {
            out.writeByte(BS);
            out.writeInt(bs.value().size());
            for (byte[] v : bs.value()) {
                writeBytes(out, v);
            }
        } else {
            throw new IllegalArgumentException("unknown value " + value);
        }
    }

    public static AttrValue read(DataInput in) throws IOException {
        int tag = in.readByte();
        switch (tag) {
            case S: return new AttrValue.S(readString(in));
            case N: return new AttrValue.N(new BigDecimal(readString(in)));
            case B: return new AttrValue.B(readBytes(in));
            case BOOL: return new AttrValue.Bool(in.readBoolean());
            case NULL: return new AttrValue.Null();
            case M: return new AttrValue.M(readItem(in));
            case L: {
                int n = in.readInt();
                List<AttrValue> list = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    list.add(read(in));
                }
                return new AttrValue.L(Collections.unmodifiableList(list));
            }
            case SS: {
                int n = in.readInt();
                List<String> list = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    list.add(readString(in));
                }
                return new AttrValue.SS(Collections.unmodifiableList(list));
            }
            case NS: {
                int n = in.readInt();
                List<BigDecimal> list = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    list.add(new BigDecimal(readString(in)));
                }
                return new AttrValue.NS(Collections.unmodifiableList(list));
            }
            case BS: {
                int n = in.readInt();
                List<byte[]> list = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    list.add(readBytes(in));
                }
                return new AttrValue.BS(Collections.unmodifiableList(list));
            }
            default: throw new IOException("corrupt value tag " + tag);
        }
    }

    public static void writeString(DataOutput out, String s) throws IOException {
        writeBytes(out, s.getBytes(StandardCharsets.UTF_8));
    }

    public static String readString(DataInput in) throws IOException {
        return new String(readBytes(in), StandardCharsets.UTF_8);
    }

    static void writeBytes(DataOutput out, byte[] b) throws IOException {
        out.writeInt(b.length);
        out.write(b);
    }

    static byte[] readBytes(DataInput in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 64 * 1024 * 1024) {
            throw new IOException("corrupt length " + n);
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return b;
    }
}
