package dev.dynagate.sandbox.dynamodb.expr;

import java.util.ArrayList;
import java.util.List;

/** Splits an expression into tokens; never fails, an unknown character becomes a token of its own. */
final class Lexer {
    enum Kind { NAME, NAME_REF, VALUE_REF, NUMBER, PUNCT, UNKNOWN, EOF }

    record Token(Kind kind, String text, int start, int end) {
        boolean is(String punct) {
            return kind == Kind.PUNCT && text.equals(punct);
        }

        boolean isKeyword(String keyword) {
            return kind == Kind.NAME && text.equalsIgnoreCase(keyword);
        }

        String shown() {
            return kind == Kind.EOF ? "<EOF>" : text;
        }
    }

    private Lexer() {
    }

    static boolean isNamePart(int c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '_');
    }

    /** A bare name starts with a letter; {@code _a} is a syntax error on the "_" in DynamoDB. */
    private static boolean isNameStart(int c) {
        return c < 128 && Character.isLetter(c);
    }

    static List<Token> tokens(String source) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                i++;
                continue;
            }
            int start = i;
            Kind kind;
            if (isNameStart(c)) {
                i = skipNameParts(source, i + 1);
                kind = Kind.NAME;
            } else if (c >= '0' && c <= '9') {
                while (i < n && source.charAt(i) >= '0' && source.charAt(i) <= '9') {
                    i++;
                }
                kind = Kind.NUMBER;
            } else if ((c == '#' || c == ':') && i + 1 < n && isNamePart(source.charAt(i + 1))) {
                i = skipNameParts(source, i + 1);
                kind = c == '#' ? Kind.NAME_REF : Kind.VALUE_REF;
            } else if ((c == '<' || c == '>') && i + 1 < n && source.charAt(i + 1) == '=') {
                i += 2;
                kind = Kind.PUNCT;
            } else if (c == '<' && i + 1 < n && source.charAt(i + 1) == '>') {
                i += 2;
                kind = Kind.PUNCT;
            } else if ("()[],.=<>+-".indexOf(c) >= 0) {
                i++;
                kind = Kind.PUNCT;
            } else {
                i += Character.charCount(source.codePointAt(i));
                kind = Kind.UNKNOWN;
            }
            out.add(new Token(kind, source.substring(start, i), start, i));
        }
        out.add(new Token(Kind.EOF, "", n, n));
        return out;
    }

    private static int skipNameParts(String source, int i) {
        while (i < source.length() && isNamePart(source.charAt(i))) {
            i++;
        }
        return i;
    }
}
