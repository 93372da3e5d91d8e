package dev.dynagate.sandbox.dynamodb.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The differences from dynalite we intend, read from {@code dynalite-differences.md}: every table row whose first
 * cell is a case name ({@code file/id}) in backticks, followed by what differs and why.
 */
final class KnownDifferences {
    static final String RESOURCE = "dynalite-differences.md";
    private static final Pattern ROW = Pattern.compile("^\\|\\s*`([a-z0-9-]+/[a-z0-9-]+)`\\s*\\|(.*)\\|\\s*$");

    private final Map<String, String> reasons;

    private KnownDifferences(Map<String, String> reasons) {
        this.reasons = reasons;
    }

    static KnownDifferences load() throws IOException {
        Map<String, String> reasons = new LinkedHashMap<>();
        try (InputStream in = KnownDifferences.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException(RESOURCE + " missing from the test resources");
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                Matcher row = ROW.matcher(line.strip());
                if (row.matches()) {
                    if (reasons.put(row.group(1), row.group(2).strip()) != null) {
                        throw new IOException(RESOURCE + " lists " + row.group(1) + " twice");
                    }
                }
            }
        }
        return new KnownDifferences(reasons);
    }

    boolean listed(String caseName) {
        return reasons.containsKey(caseName);
    }

    /** The listed cases whose name starts with the prefix (a case file's name and a slash). */
    java.util.List<String> names(String prefix) {
        return reasons.keySet().stream().filter(name -> name.startsWith(prefix)).toList();
    }
}
