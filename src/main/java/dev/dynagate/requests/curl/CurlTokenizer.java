package dev.dynagate.requests.curl;

import java.util.ArrayList;
import java.util.List;

/** Splits a shell command line the way a POSIX shell would for curl: quotes, escapes, line continuations. */
final class CurlTokenizer {

    private CurlTokenizer() {
    }

    static List<String> split(String command) {
        List<String> tokens = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inToken = false;
        int i = 0;
        String text = command.replace("\r\n", "\n");
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                i += 2;
            } else if (Character.isWhitespace(c)) {
                if (inToken) {
                    tokens.add(current.toString());
                    current.setLength(0);
                    inToken = false;
                }
                i++;
            } else if (c == '\'') {
                int end = text.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("The curl command has an unclosed ' quote.");
                }
                current.append(text, i + 1, end);
                inToken = true;
                i = end + 1;
            } else if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                i = ansiC(text, i + 2, current);
                inToken = true;
            } else if (c == '"') {
                i = doubleQuoted(text, i + 1, current);
                inToken = true;
            } else if (c == '\\' && i + 1 < text.length()) {
                current.append(text.charAt(i + 1));
                inToken = true;
                i += 2;
            } else {
                current.append(c);
                inToken = true;
                i++;
            }
        }
        if (inToken) {
            tokens.add(current.toString());
        }
        return tokens;
    }

    private static int doubleQuoted(String text, int start, StringBuilder out) {
        int i = start;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\' && i + 1 < text.length() && "\"\\$`\n".indexOf(text.charAt(i + 1)) >= 0) {
                if (text.charAt(i + 1) != '\n') {
                    out.append(text.charAt(i + 1));
                }
                i += 2;
            } else {
                out.append(c);
                i++;
            }
        }
        throw new IllegalArgumentException("The curl command has an unclosed \" quote.");
    }

    private static int ansiC(String text, int start, StringBuilder out) {
        int i = start;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\'') {
                return i + 1;
            }
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(i + 1);
                out.append(switch (next) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    default -> next;
                });
                i += 2;
            } else {
                out.append(c);
                i++;
            }
        }
        throw new IllegalArgumentException("The curl command has an unclosed $' quote.");
    }
}
