package dev.dynagate.sandbox.dynamodb.wire;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Map;

/**
 * Strings that a JSON escape such as {@code \ud800} left with half a surrogate pair. They have no UTF-8 form, which
 * is how DynamoDB stores and orders strings: kept, two different keys would become the same bytes. The request is
 * refused instead, as a body that is not valid UTF-8 is.
 */
final class LoneSurrogates {
    private LoneSurrogates() {
    }

    /** Whether the body has an escape of a surrogate ({@code \\uD800} to {@code \\uDFFF}); a cheap test first. */
    static boolean mayHave(byte[] body) {
        for (int i = 0; i + 3 < body.length; i++) {
            if (body[i] == '\\' && body[i + 1] == 'u' && (body[i + 2] | 0x20) == 'd') {
                int next = body[i + 3] | 0x20;
                if (next == '8' || next == '9' || (next >= 'a' && next <= 'f')) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether any field name or string in the document holds half a surrogate pair; walks without recursion. */
    static boolean in(JsonNode document) {
        ArrayDeque<JsonNode> pending = new ArrayDeque<>();
        pending.push(document);
        while (!pending.isEmpty()) {
            JsonNode node = pending.pop();
            if (node.isTextual() && broken(node.textValue())) {
                return true;
            }
            if (node.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    if (broken(field.getKey())) {
                        return true;
                    }
                    pending.push(field.getValue());
                }
            } else if (node.isArray()) {
                node.forEach(pending::push);
            }
        }
        return false;
    }

    static boolean broken(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
