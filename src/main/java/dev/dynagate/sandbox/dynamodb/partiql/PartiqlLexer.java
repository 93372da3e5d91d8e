package dev.dynagate.sandbox.dynamodb.partiql;

import java.util.ArrayList;
import java.util.List;

/** Splits a PartiQL statement into tokens: names, "quoted names", 'strings', numbers, symbols and ? parameters. */
final class PartiqlLexer {
    enum Kind { NAME, QUOTED_NAME, STRING, NUMBER, SYMBOL, PARAMETER, END }

    record Token(Kind kind, String text, int position) {
        boolean is(String symbolOrKeyword) {
            return (kind == Kind.SYMBOL || kind == Kind.NAME) && text.equalsIgnoreCase(symbolOrKeyword);
        }

        @Override
        public String toString() {
            return kind == Kind.END ? "end of statement" : text;
        }
    }

    private static final List<String> SYMBOLS = List.of("<<", ">>", "<=", ">=", "<>", "!=", "=", "<", ">", "(", ")",
            "[", "]", "{", "}", ",", ".", ":", "*", "+", "-");

    private PartiqlLexer() {
    }

    static List<Token> tokens(String statement) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = statement.length();
        while (i < n) {
            char c = statement.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'' || c == '"') {
                int end = i + 1;
                StringBuilder text = new StringBuilder();
                while (true) {
                    if (end >= n) {
                        throw PartiqlErrors.malformed("Unterminated " + (c == '\'' ? "string" : "quoted name")
                                + " at position " + (i + 1));
                    }
                    char d = statement.charAt(end);
                    if (d == c) {
                        // a doubled quote stands for the quote itself
                        if (end + 1 < n && statement.charAt(end + 1) == c) {
                            text.append(c);
                            end += 2;
                            continue;
                        }
                        break;
                    }
                    text.append(d);
                    end++;
                }
                tokens.add(new Token(c == '\'' ? Kind.STRING : Kind.QUOTED_NAME, text.toString(), i));
                i = end + 1;
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(statement.charAt(i + 1)))) {
                int end = i;
                while (end < n && (Character.isDigit(statement.charAt(end)) || statement.charAt(end) == '.')) {
                    end++;
                }
                if (end < n && (statement.charAt(end) == 'e' || statement.charAt(end) == 'E')) {
                    int exponent = end + 1;
                    if (exponent < n && (statement.charAt(exponent) == '+' || statement.charAt(exponent) == '-')) {
                        exponent++;
                    }
                    if (exponent < n && Character.isDigit(statement.charAt(exponent))) {
                        end = exponent;
                        while (end < n && Character.isDigit(statement.charAt(end))) {
                            end++;
                        }
                    }
                }
                tokens.add(new Token(Kind.NUMBER, statement.substring(i, end), i));
                i = end;
            } else if (Character.isLetter(c) || c == '_') {
                int end = i;
                while (end < n && (Character.isLetterOrDigit(statement.charAt(end)) || statement.charAt(end) == '_')) {
                    end++;
                }
                tokens.add(new Token(Kind.NAME, statement.substring(i, end), i));
                i = end;
            } else if (c == '?') {
                tokens.add(new Token(Kind.PARAMETER, "?", i));
                i++;
            } else {
                String symbol = null;
                for (String s : SYMBOLS) {
                    if (statement.startsWith(s, i)) {
                        symbol = s;
                        break;
                    }
                }
                if (symbol == null) {
                    throw PartiqlErrors.malformed("Unexpected character '" + c + "' at position " + (i + 1));
                }
                tokens.add(new Token(Kind.SYMBOL, symbol, i));
                i += symbol.length();
            }
        }
        tokens.add(new Token(Kind.END, "", n));
        return tokens;
    }
}
