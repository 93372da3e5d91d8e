package dev.dynagate.sandbox.dynamodb.storage;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.dynagate.sandbox.dynamodb.value.AttrValue;
import dev.dynagate.sandbox.dynamodb.value.ItemSize;
import dev.dynagate.sandbox.dynamodb.value.Numbers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compact binary form of items: how a stored item is held in memory, and the bytes the log and snapshots carry
 * for it. An item is a count and then, per attribute, its name and value; a value is a type tag and its payload.
 * Counts and lengths are 4-byte big-endian, strings UTF-8. One array per item keeps a large table to a few objects
 * per item, which the garbage collector copies and scans far faster than a graph of maps, strings and numbers.
 */
public final class ValueCodec {
    private static final int S = 0, N = 1, B = 2, BOOL = 3, NULL = 4, M = 5, L = 6, SS = 7, NS = 8, BS = 9;
    private static final int MAX_LENGTH = 64 * 1024 * 1024;

    private ValueCodec() {
    }

    public static byte[] encodeItem(Map<String, AttrValue> item) {
        Writer out = new Writer(64 + item.size() * 24);
        out.item(item);
        return out.toArray();
    }

    /** A fresh, unmodifiable map in the order the item was written. */
    public static Map<String, AttrValue> decodeItem(byte[] encoded) {
        try {
            return new Reader(encoded, 0).item();
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt stored item", e);
        }
    }

    /**
     * An encoded item's size by {@link ItemSize}'s rules, read from the bytes without building the item: stored
     * strings are already their UTF-8, so only numbers are parsed. Recovery sizes every item this way.
     */
    public static long size(byte[] encoded) {
        try {
            return new Reader(encoded, 0).sizeItem();
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt stored item", e);
        }
    }

    /** One top-level attribute of an encoded item, or null; the others are skipped, not decoded. */
    public static AttrValue attribute(byte[] encoded, String name) {
        byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
        try {
            Reader in = new Reader(encoded, 0);
            int n = in.count();
            for (int i = 0; i < n; i++) {
                if (in.nameIs(wanted)) {
                    return in.value();
                }
                in.skipValue();
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt stored item", e);
        }
    }

    /**
     * Writes an encoded item as DynamoDB's JSON (the form {@code ItemStreamWriter} writes for a decoded one) without
     * decoding it into values first: a page of whole items goes from storage to the wire this way. Strings are
     * copied as the UTF-8 they are stored in, so {@code out} must write UTF-8 bytes.
     */
    public static void writeJson(byte[] encoded, JsonGenerator out) throws IOException {
        new Reader(encoded, 0).json(out);
    }

    /** Appends to a growing array without the locking and per-call overhead of the java.io streams. */
    static final class Writer {
        private byte[] buf;
        private int size;

        Writer(int capacity) {
            buf = new byte[Math.max(16, capacity)];
        }

        private void room(int more) {
            if (size + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
            }
        }

        void writeByte(int v) {
            room(1);
            buf[size++] = (byte) v;
        }

        void writeInt(int v) {
            room(4);
            buf[size++] = (byte) (v >>> 24);
            buf[size++] = (byte) (v >>> 16);
            buf[size++] = (byte) (v >>> 8);
            buf[size++] = (byte) v;
        }

        void writeLong(long v) {
            writeInt((int) (v >>> 32));
            writeInt((int) v);
        }

        void writeBoolean(boolean v) {
            writeByte(v ? 1 : 0);
        }

        /** Bytes as they are, without a length: an item already encoded. */
        void writeRaw(byte[] b) {
            room(b.length);
            System.arraycopy(b, 0, buf, size, b.length);
            size += b.length;
        }

        void writeBytes(byte[] b) {
            writeInt(b.length);
            writeRaw(b);
        }

        void writeString(String s) {
            writeBytes(s.getBytes(StandardCharsets.UTF_8));
        }

        void item(Map<String, AttrValue> item) {
            writeInt(item.size());
            for (Map.Entry<String, AttrValue> e : item.entrySet()) {
                writeString(e.getKey());
                value(e.getValue());
            }
        }

        void value(AttrValue value) {
            if (value instanceof AttrValue.S s) {
                writeByte(S);
                writeString(s.value());
            } else if (value instanceof AttrValue.N n) {
                writeByte(N);
                writeString(n.value().toString());
            } else if (value instanceof AttrValue.B b) {
                writeByte(B);
                writeBytes(b.value());
            } else if (value instanceof AttrValue.Bool b) {
                writeByte(BOOL);
                writeBoolean(b.value());
            } else if (value instanceof AttrValue.Null) {
                writeByte(NULL);
            } else if (value instanceof AttrValue.M m) {
                writeByte(M);
                item(m.value());
            } else if (value instanceof AttrValue.L l) {
                writeByte(L);
                writeInt(l.value().size());
                l.value().forEach(this::value);
            } else if (value instanceof AttrValue.SS ss) {
                writeByte(SS);
                writeInt(ss.value().size());
                ss.value().forEach(this::writeString);
            } else if (value instanceof AttrValue.NS ns) {
                writeByte(NS);
                writeInt(ns.value().size());
                ns.value().forEach(v -> writeString(v.toString()));
            } else if (value instanceof AttrValue.BS bs) {
                writeByte(BS);
                writeInt(bs.value().size());
                bs.value().forEach(this::writeBytes);
            } else {
                throw new IllegalArgumentException("unknown value " + value);
            }
        }

        byte[] toArray() {
            return Arrays.copyOf(buf, size);
        }
    }

    /** Reads what {@link Writer} wrote; a length or tag that cannot be right is an IOException, never a wrong value. */
    static final class Reader {
        private final byte[] b;
        private int p;

        Reader(byte[] bytes, int position) {
            b = bytes;
            p = position;
        }

        private void need(int n) throws IOException {
            if (n < 0 || p + n > b.length || p + n < 0) {
                throw new IOException("truncated record");
            }
        }

        int readByte() throws IOException {
            need(1);
            return b[p++];
        }

        boolean readBoolean() throws IOException {
            return readByte() != 0;
        }

        int readInt() throws IOException {
            need(4);
            int v = ((b[p] & 0xff) << 24) | ((b[p + 1] & 0xff) << 16) | ((b[p + 2] & 0xff) << 8) | (b[p + 3] & 0xff);
            p += 4;
            return v;
        }

        long readLong() throws IOException {
            return ((long) readInt() << 32) | (readInt() & 0xffffffffL);
        }

        private int length() throws IOException {
            int n = readInt();
            if (n < 0 || n > MAX_LENGTH) {
                throw new IOException("corrupt length " + n);
            }
            need(n);
            return n;
        }

        /** A count of entries or elements; each takes at least one byte, so more than the bytes left is corrupt. */
        int count() throws IOException {
            int n = readInt();
            if (n < 0 || n > b.length - p) {
                throw new IOException("corrupt count " + n);
            }
            return n;
        }

        byte[] readBytes() throws IOException {
            int n = length();
            byte[] out = Arrays.copyOfRange(b, p, p + n);
            p += n;
            return out;
        }

        String readString() throws IOException {
            int n = length();
            String s = new String(b, p, n, StandardCharsets.UTF_8);
            p += n;
            return s;
        }

        /** Reads the next name and answers whether it is this one. */
        boolean nameIs(byte[] name) throws IOException {
            int n = length();
            boolean same = Arrays.equals(b, p, p + n, name, 0, name.length);
            p += n;
            return same;
        }

        /** The bytes of the item that starts here, as {@link Writer#item} wrote them. */
        byte[] itemBytes() throws IOException {
            int from = p;
            skipItem();
            return Arrays.copyOfRange(b, from, p);
        }

        Map<String, AttrValue> item() throws IOException {
            int n = count();
            Map<String, AttrValue> item = new LinkedHashMap<>(Math.max(4, n * 2));
            for (int i = 0; i < n; i++) {
                item.put(readString(), value());
            }
            return Collections.unmodifiableMap(item);
        }

        AttrValue value() throws IOException {
            int tag = readByte();
            switch (tag) {
                case S: return new AttrValue.S(readString());
                case N: return new AttrValue.N(number());
                case B: return new AttrValue.B(readBytes());
                case BOOL: return new AttrValue.Bool(readBoolean());
                case NULL: return new AttrValue.Null();
                case M: return new AttrValue.M(item());
                case L: return new AttrValue.L(list(this::value));
                case SS: return new AttrValue.SS(list(this::readString));
                case NS: return new AttrValue.NS(list(this::number));
                case BS: return new AttrValue.BS(list(this::readBytes));
                default: throw new IOException("corrupt value tag " + tag);
            }
        }

        /** One element read from the bytes; may fail on corrupt input. */
        private interface Element<T> {
            T read() throws IOException;
        }

        /** A counted run of elements, as an unmodifiable list. */
        private <T> List<T> list(Element<T> element) throws IOException {
            int n = count();
            List<T> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                list.add(element.read());
            }
            return Collections.unmodifiableList(list);
        }

        void json(JsonGenerator out) throws IOException {
            int n = count();
            out.writeStartObject();
            for (int i = 0; i < n; i++) {
                out.writeFieldName(readString());
                jsonValue(out);
            }
            out.writeEndObject();
        }

        private void jsonValue(JsonGenerator out) throws IOException {
            int tag = readByte();
            out.writeStartObject();
            switch (tag) {
                case S -> {
                    out.writeFieldName("S");
                    int n = length();
                    out.writeUTF8String(b, p, n);
                    p += n;
                }
                case N -> {
                    out.writeFieldName("N");
                    int n = length();
                    if (isWireForm(b, p, n)) {
                        out.writeUTF8String(b, p, n);
                        p += n;
                    } else {
                        p -= 4; // read the length again: the number is parsed and written in the wire form
                        out.writeString(Numbers.format(number()));
                    }
                }
                case B -> out.writeStringField("B", Base64.getEncoder().encodeToString(readBytes()));
                case BOOL -> out.writeBooleanField("BOOL", readBoolean());
                case NULL -> out.writeBooleanField("NULL", true);
                case M -> {
                    out.writeFieldName("M");
                    json(out);
                }
                case L -> {
                    out.writeArrayFieldStart("L");
                    int n = count();
                    for (int i = 0; i < n; i++) {
                        jsonValue(out);
                    }
                    out.writeEndArray();
                }
                case SS, NS, BS -> {
                    out.writeArrayFieldStart(tag == SS ? "SS" : tag == NS ? "NS" : "BS");
                    int n = count();
                    for (int i = 0; i < n; i++) {
                        out.writeString(tag == SS ? readString() : tag == NS ? Numbers.format(number())
                                : Base64.getEncoder().encodeToString(readBytes()));
                    }
                    out.writeEndArray();
                }
                default -> throw new IOException("corrupt value tag " + tag);
            }
            out.writeEndObject();
        }

        /**
         * Whether a stored number's text (as BigDecimal.toString wrote it) is already what {@link Numbers#format}
         * would write: plain digits with an optional sign and fraction, no exponent, no trailing fraction zeros. Most
         * numbers are, and are then copied without being parsed.
         */
        static boolean isWireForm(byte[] text, int from, int length) {
            int end = from + length;
            int i = from < end && text[from] == '-' ? from + 1 : from;
            if (i == end || text[i] == '0' && (i + 1 == end ? i > from : text[i + 1] != '.')) {
                return false; // empty, a bare sign, -0 or a leading zero: left to the parser
            }
            boolean fraction = false;
            for (int at = i; at < end; at++) {
                byte c = text[at];
                if (c == '.' && !fraction && at > i) {
                    fraction = true;
                } else if (c < '0' || c > '9') {
                    return false;
                }
            }
            return !fraction || text[end - 1] != '0' && text[end - 1] != '.';
        }

        private BigDecimal number() throws IOException {
            String text = readString();
            try {
                return new BigDecimal(text);
            } catch (NumberFormatException e) {
                throw new IOException("corrupt number " + text, e);
            }
        }

        long sizeItem() throws IOException {
            int n = count();
            long size = 0;
            for (int i = 0; i < n; i++) {
                size += skipCounted();
                size += sizeValue();
            }
            return size;
        }

        private long sizeValue() throws IOException {
            int tag = readByte();
            switch (tag) {
                case S, B:
                    return skipCounted();
                case N:
                    return ItemSize.number(number());
                case BOOL:
                    readByte();
                    return 1;
                case NULL:
                    return 1;
                case M: {
                    int n = count();
                    long size = ItemSize.CONTAINER_OVERHEAD + (long) n * ItemSize.ELEMENT_OVERHEAD;
                    for (int i = 0; i < n; i++) {
                        size += skipCounted() + sizeValue();
                    }
                    return size;
                }
                case L: {
                    int n = count();
                    long size = ItemSize.CONTAINER_OVERHEAD + (long) n * ItemSize.ELEMENT_OVERHEAD;
                    for (int i = 0; i < n; i++) {
                        size += sizeValue();
                    }
                    return size;
                }
                case SS, BS: {
                    int n = count();
                    long size = 0;
                    for (int i = 0; i < n; i++) {
                        size += skipCounted();
                    }
                    return size;
                }
                case NS: {
                    int n = count();
                    long size = 0;
                    for (int i = 0; i < n; i++) {
                        size += ItemSize.number(number());
                    }
                    return size;
                }
                default:
                    throw new IOException("corrupt value tag " + tag);
            }
        }

        /** Skips a length-prefixed run and answers its length: a stored string's UTF-8 size, a binary's size. */
        private int skipCounted() throws IOException {
            int n = length();
            p += n;
            return n;
        }


        void skipItem() throws IOException {
            int n = count();
            for (int i = 0; i < n; i++) {
                skipCounted();
                skipValue();
            }
        }

        void skipValue() throws IOException {
            int tag = readByte();
            switch (tag) {
                case S, N, B -> skipCounted();
                case BOOL -> readByte();
                case NULL -> { }
                case M -> skipItem();
                case L -> {
                    int n = count();
                    for (int i = 0; i < n; i++) {
                        skipValue();
                    }
                }
                case SS, NS, BS -> {
                    int n = count();
                    for (int i = 0; i < n; i++) {
                        skipCounted();
                    }
                }
                default -> throw new IOException("corrupt value tag " + tag);
            }
        }
    }
}
