package dev.dynagate.tables.transfer;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The file formats a table is exported to, by the names the command line takes. */
public enum ExportFormat {
    /** One plain JSON object per line: easy for jq and scripts; sets become arrays and binary base64 text. */
    JSONL("jsonl"),
    /** One {@code {"Item": {...}}} per line, as DynamoDB's own export writes it: every type kept. */
    DDB_JSON("ddb-json"),
    /** A header of every attribute name, then one row per item; lists, maps and sets as JSON in their cell. */
    CSV("csv");

    private final String cliName;

    ExportFormat(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    public static ExportFormat fromCliName(String name) {
        for (ExportFormat format : values()) {
            if (format.cliName.equals(name.toLowerCase(Locale.ROOT))) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown format '" + name + "': use one of " + names());
    }

    public static String names() {
        return Arrays.stream(values()).map(ExportFormat::cliName).collect(Collectors.joining(", "));
    }
}
