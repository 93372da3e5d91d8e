package dev.dynagate.sandbox.dynamodb.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;
import java.util.zip.CRC32;

/**
 * Reads the framed records of a log or snapshot file in order. A torn or corrupt record ends the file: it was being
 * written when the process died, so it was never acknowledged, and everything after it is discarded.
 */
public final class LogReader {
    private static final int MAX_RECORD = 512 * 1024 * 1024;

    private LogReader() {
    }

    /** Passes each intact record to {@code sink} and answers the length of the intact prefix. */
    public static long read(Path file, Consumer<byte[]> sink) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            long pos = 0;
            ByteBuffer header = ByteBuffer.allocate(WriteAheadLog.HEADER);
            while (pos + WriteAheadLog.HEADER <= size) {
                header.clear();
                readFully(ch, header, pos);
                header.flip();
                int length = header.getInt();
                int crc = header.getInt();
                if (length < 0 || length > MAX_RECORD || pos + WriteAheadLog.HEADER + length > size) {
                    break;
                }
                ByteBuffer payload = ByteBuffer.allocate(length);
                readFully(ch, payload, pos + WriteAheadLog.HEADER);
                CRC32 check = new CRC32();
                check.update(payload.array());
                if ((int) check.getValue() != crc) {
                    break;
                }
                sink.accept(payload.array());
                pos += WriteAheadLog.HEADER + length;
            }
            return pos;
        }
    }

    private static void readFully(FileChannel ch, ByteBuffer buffer, long position) throws IOException {
        long p = position;
        while (buffer.hasRemaining()) {
            int n = ch.read(buffer, p);
            if (n < 0) {
                throw new IOException("unexpected end of file");
            }
            p += n;
        }
    }

    /** Cuts a file back to its intact prefix so new records follow the last good one. */
    public static void truncate(Path file, long length) throws IOException {
        if (Files.exists(file) && Files.size(file) > length) {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.truncate(length);
                ch.force(true);
            }
        }
    }
}
