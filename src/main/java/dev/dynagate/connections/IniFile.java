package dev.dynagate.connections;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The AWS shared config/credentials file dialect of INI: {@code [section]} lines, {@code key = value} properties,
 * full-line comments with {@code #} or {@code ;}, inline comments only after whitespace, indented lines as
 * sub-properties (after an empty value) or continuations. Problems are collected, never thrown: a broken line is
 * skipped and reported.
 */
public final class IniFile {
    private final Map<String, Map<String, String>> sections = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();

    private IniFile() {
    }

    public static IniFile parse(String text, String sourceName) {
        IniFile file = new IniFile();
        file.read(text, sourceName);
        return file;
    }

    /** Sections in file order; a section repeated later merges into the first, later values winning. */
    public Map<String, Map<String, String>> sections() {
        return sections;
    }

    public List<String> problems() {
        return problems;
    }

    private void read(String text, String source) {
        Map<String, String> current = null;
        String lastKey = null;
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String raw = lines[i];
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[")) {
                int close = line.indexOf(']');
                if (close < 0) {
                    problems.add(source + " line " + (i + 1) + ": section header without ']' ignored");
                    current = null;
                    continue;
                }
                String name = line.substring(1, close).strip().replaceAll("\\s+", " ");
                current = sections.computeIfAbsent(name, k -> new LinkedHashMap<>());
                lastKey = null;
                continue;
            }
            boolean indented = Character.isWhitespace(raw.charAt(0));
            if (current == null) {
                problems.add(source + " line " + (i + 1) + ": property outside any section ignored");
                continue;
            }
            if (indented && lastKey != null) {
                continueProperty(current, lastKey, line);
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                problems.add(source + " line " + (i + 1) + ": expected 'name = value', ignored");
                continue;
            }
            lastKey = line.substring(0, eq).strip().toLowerCase(java.util.Locale.ROOT);
            current.put(lastKey, stripInlineComment(line.substring(eq + 1)).strip());
        }
    }

    /** An indented line after {@code key =} is a sub-property ({@code s3 = \n  addressing_style = path}). */
    private static void continueProperty(Map<String, String> section, String key, String line) {
        String existing = section.getOrDefault(key, "");
        int eq = line.indexOf('=');
        if (existing.isEmpty() || section.containsKey(key + ".")) {
            if (eq > 0) {
                section.put(key + ".", "");
                section.put(key + "." + line.substring(0, eq).strip().toLowerCase(java.util.Locale.ROOT),
                        stripInlineComment(line.substring(eq + 1)).strip());
                return;
            }
        }
        section.put(key, existing + "\n" + stripInlineComment(line).strip());
    }

    private static String stripInlineComment(String value) {
        for (int i = 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c == '#' || c == ';') && Character.isWhitespace(value.charAt(i - 1))) {
                return value.substring(0, i);
            }
        }
        return value;
    }
}
