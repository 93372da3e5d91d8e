package dev.dynagate.requests.collections;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed {@code .bru} file: a sequence of {@code name { … }} blocks. Dictionary blocks hold {@code key: value}
 * lines ({@code ~key} disabled, quoted keys, multi-line values between {@code '''}); text blocks (bodies,
 * scripts, docs) hold raw text indented two spaces; list blocks ({@code vars:secret [ … ]}) hold names.
 */
public final class BruFile {
    private static final Set<String> TEXT_BLOCKS = Set.of("body:json", "body:text", "body:xml", "body:sparql",
            "body:graphql", "body:graphql:vars", "script:pre-request", "script:post-response", "tests", "docs");

    /** One {@code key: value} line of a dictionary block. */
    public record Entry(String key, String value, boolean enabled) {
    }

    private final Map<String, List<Entry>> dictionaries = new LinkedHashMap<>();
    private final Map<String, String> texts = new LinkedHashMap<>();
    private final Map<String, List<String>> lists = new LinkedHashMap<>();

    public static BruFile parse(Path file, String text) {
        BruFile bru = new BruFile();
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        int i = 0;
        while (i < lines.length) {
            String line = lines[i];
            if (line.isBlank()) {
                i++;
                continue;
            }
            String header = line.strip();
            if (header.endsWith("[")) {
                String name = header.substring(0, header.length() - 1).strip();
                List<String> items = new ArrayList<>();
                int opened = ++i;
                while (i < lines.length && !lines[i].strip().equals("]")) {
                    for (String part : lines[i].split(",")) {
                        if (!part.isBlank()) {
                            items.add(part.strip());
                        }
                    }
                    i++;
                }
                requireClosed(file, lines, i, name, opened);
                bru.lists.put(name, items);
                i++;
            } else if (header.endsWith("{")) {
                String name = header.substring(0, header.length() - 1).strip();
                int start = ++i;
                while (i < lines.length && !lines[i].equals("}")) {
                    i++;
                }
                requireClosed(file, lines, i, name, start);
                List<String> body = List.of(lines).subList(start, i);
                if (TEXT_BLOCKS.contains(name)) {
                    bru.texts.put(name, text(body));
                } else {
                    bru.dictionaries.put(name, dictionary(file, body, start + 1));
                }
                i++;
            } else {
                throw new CollectionFormatException(file, i + 1, "expected a block such as \"meta {\", found \"" + header + "\"");
            }
        }
        return bru;
    }

    private static void requireClosed(Path file, String[] lines, int at, String name, int openedOnLine) {
        if (at >= lines.length) {
            throw new CollectionFormatException(file, openedOnLine, "the block \"" + name + "\" opened here is never closed");
        }
    }

    private static String text(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            out.add(line.startsWith("  ") ? line.substring(2) : line.stripLeading());
        }
        while (!out.isEmpty() && out.get(out.size() - 1).isBlank()) {
            out.remove(out.size() - 1);
        }
        return String.join("\n", out);
    }

    private static List<Entry> dictionary(Path file, List<String> lines, int firstLine) {
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            boolean enabled = !line.startsWith("~");
            if (!enabled) {
                line = line.substring(1);
            }
            String key;
            String rest;
            if (line.startsWith("\"")) {
                int close = line.indexOf('"', 1);
                int colon = close < 0 ? -1 : line.indexOf(':', close);
                if (colon < 0) {
                    throw new CollectionFormatException(file, firstLine + i, "expected \"key\": value");
                }
                key = line.substring(1, close);
                rest = line.substring(colon + 1);
            } else {
                int colon = line.indexOf(':');
                if (colon < 0 || line.substring(0, colon).strip().chars().anyMatch(Character::isWhitespace)) {
                    throw new CollectionFormatException(file, firstLine + i, "expected key: value, found \"" + line + "\"");
                }
                key = line.substring(0, colon).strip();
                rest = line.substring(colon + 1);
            }
            String value = rest.strip();
            if (value.equals("'''")) {
                List<String> multi = new ArrayList<>();
                i++;
                while (i < lines.size() && !lines.get(i).strip().equals("'''")) {
                    String raw = lines.get(i);
                    multi.add(raw.startsWith("    ") ? raw.substring(4) : raw.stripLeading());
                    i++;
                }
                value = String.join("\n", multi);
            }
            out.add(new Entry(key, value, enabled));
        }
        return out;
    }

    public List<Entry> entries(String block) {
        return dictionaries.getOrDefault(block, List.of());
    }

    public boolean has(String block) {
        return dictionaries.containsKey(block) || texts.containsKey(block) || lists.containsKey(block);
    }

    /** The value of an enabled key in a dictionary block, or null. */
    public String value(String block, String key) {
        return entries(block).stream().filter(e -> e.enabled() && e.key().equals(key)).map(Entry::value)
                .findFirst().orElse(null);
    }

    public String text(String block) {
        return texts.get(block);
    }

    public List<String> list(String block) {
        return lists.getOrDefault(block, List.of());
    }

    public java.util.Set<String> blocks() {
        java.util.Set<String> out = new java.util.LinkedHashSet<>(dictionaries.keySet());
        out.addAll(texts.keySet());
        out.addAll(lists.keySet());
        return out;
    }
}
