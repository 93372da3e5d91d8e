package dev.dynagate.tables.transfer;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Opens item files as text, gzip-compressed or not: DynamoDB's own export to S3 writes {@code .json.gz} files, so a
 * compressed file is read as it comes (recognised by its first bytes, whatever its name), and an export to a name
 * ending in {@code .gz} is compressed.
 */
public final class ItemFiles {
    private static final int BUFFER = 1 << 16;

    private ItemFiles() {
    }

    public static BufferedReader reader(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER);
        try {
            in.mark(2);
            boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
            in.reset();
            InputStream text = gzip ? new GZIPInputStream(in, BUFFER) : in;
            return new BufferedReader(new InputStreamReader(text, StandardCharsets.UTF_8), BUFFER);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** Writes {@code to}, compressed when {@code named} (the name the user chose) ends in {@code .gz}. */
    public static Writer writer(Path to, Path named) throws IOException {
        OutputStream out = Files.newOutputStream(to);
        try {
            if (named.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")) {
                out = new GZIPOutputStream(out, BUFFER);
            }
            return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), BUFFER);
        } catch (IOException | RuntimeException e) {
            out.close();
            throw e;
        }
    }
}
