package dev.dynagate.tables;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses an attribute path as the user types it — {@code a.b[0].c} — into its name and index steps, so each name
 * can become an expression placeholder (names may be reserved words or hold any character).
 */
public final class AttributePath {
    private AttributePath() {
    }

    /** A step of a path: a name, or a list index. */
    public sealed interface Step {
    }

    public record Name(String name) implements Step {
    }

    public record Index(int index) implements Step {
    }

    public static List<Step> parse(String path) {
        String text = path == null ? "" : path.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("Attribute path is empty.");
        }
        List<Step> steps = new ArrayList<>();
        StringBuilder name = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '.') {
                flush(name, steps, text);
                i++;
            } else if (c == '[') {
                if (!name.isEmpty()) {
                    flush(name, steps, text);
                }
                int close = text.indexOf(']', i);
                if (close < 0 || steps.isEmpty()) {
                    throw new IllegalArgumentException("Attribute path \"" + text + "\": '[' needs a name before it and a ']' after.");
                }
                try {
                    steps.add(new Index(Integer.parseInt(text.substring(i + 1, close).strip())));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("Attribute path \"" + text + "\": a list index must be a whole number.");
                }
                i = close + 1;
                if (i < text.length() && text.charAt(i) == '.') {
                    i++;
                }
            } else {
                name.append(c);
                i++;
            }
        }
        if (!name.isEmpty()) {
            flush(name, steps, text);
        }
        return steps;
    }

    private static void flush(StringBuilder name, List<Step> steps, String text) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("Attribute path \"" + text + "\" has an empty name.");
        }
        steps.add(new Name(name.toString()));
        name.setLength(0);
    }
}
