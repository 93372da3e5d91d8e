package dev.dynagate.tables.transfer;

import dev.dynagate.tables.Attr;
import dev.dynagate.tables.DynamoJson;
import dev.dynagate.tables.PlainJson;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * CSV (RFC 4180, CRLF line ends). Items of one table need not share attributes and the header must name them all, so
 * items are first spooled as DynamoDB JSON lines to a file beside the output, and the rows are written at
 * {@link #finish}: memory stays flat however large the table. Columns: the key attributes, then every other name in
 * alphabetical order. A cell holds a string or number as stored, binary as base64, a boolean as true/false, lists,
 * maps and sets as compact JSON; an attribute the item lacks and a NULL are both an empty cell.
 */
final class CsvWriter implements ItemWriter {
    private static final String LINE_END = "\r\n";

    private final Writer out;
    private final List<String> keyAttributes;
    private final Path spoolFile;
    private final BufferedWriter spool;
    private final Set<String> otherAttributes = new TreeSet<>();

    CsvWriter(Writer out, List<String> keyAttributes, Path spoolFolder) throws IOException {
        this.out = out;
        this.keyAttributes = List.copyOf(keyAttributes);
        spoolFile = Files.createTempFile(spoolFolder, ".dynagate-export-", ".spool");
        // an export cut short by Ctrl+C or by closing the app never reaches close(): the spool goes with the JVM
        spoolFile.toFile().deleteOnExit();
        spool = Files.newBufferedWriter(spoolFile, StandardCharsets.UTF_8);
    }

    @Override
    public void write(Map<String, Attr> item) throws IOException {
        for (String name : item.keySet()) {
            if (!keyAttributes.contains(name)) {
                otherAttributes.add(name);
            }
        }
        spool.write(DynamoJson.writeCompact(item));
        spool.write('\n');
    }

    @Override
    public void finish() throws IOException {
        spool.close();
        List<String> columns = new ArrayList<>(new LinkedHashSet<>(keyAttributes));
        columns.addAll(otherAttributes);
        row(columns);
        try (BufferedReader items = Files.newBufferedReader(spoolFile, StandardCharsets.UTF_8)) {
            String line;
            List<String> cells = new ArrayList<>(columns.size());
            while ((line = items.readLine()) != null) {
                Map<String, Attr> item = DynamoJson.parse(line);
                cells.clear();
                for (String column : columns) {
                    cells.add(cell(item.get(column)));
                }
                row(cells);
            }
        }
        out.flush();
    }

    private void row(List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quoted(cells.get(i)));
        }
        out.write(LINE_END);
    }

    static String cell(Attr value) {
        if (value == null || value instanceof Attr.Null) {
            return "";
        } else if (value instanceof Attr.S s) {
            return s.value();
        } else if (value instanceof Attr.N n) {
            return n.value();
        } else if (value instanceof Attr.B b) {
            return b.base64();
        } else if (value instanceof Attr.Bool b) {
            return Boolean.toString(b.value());
        }
        return PlainJson.writeValue(value);
    }

    static String quoted(String cell) {
        boolean plain = !cell.isEmpty() && cell.chars().noneMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n')
                && !Character.isWhitespace(cell.charAt(0)) && !Character.isWhitespace(cell.charAt(cell.length() - 1));
        return plain || cell.isEmpty() ? cell : '"' + cell.replace("\"", "\"\"") + '"';
    }

    @Override
    public void close() throws IOException {
        try {
            spool.close();
            out.close();
        } finally {
            Files.deleteIfExists(spoolFile);
        }
    }
}
