package dev.dynagate.sandbox.triggers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dynagate.sandbox.lambda.LambdaJson;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Lambda's event filtering for stream records: a record goes to the function when any pattern of the mapping's
 * FilterCriteria matches it. A pattern names fields of the record; a field's list of values matches when any of them
 * does: a literal, or {@code prefix}, {@code suffix}, {@code equals-ignore-case}, {@code anything-but},
 * {@code exists} and {@code numeric} (with =, <, <=, >, >=).
 */
final class EventFilter {
    private final List<JsonNode> patterns;

    private EventFilter(List<JsonNode> patterns) {
        this.patterns = patterns;
    }

    /** The filter of a FilterCriteria member (null: every record passes); a malformed one is refused. */
    static EventFilter of(JsonNode criteria) {
        List<JsonNode> patterns = new ArrayList<>();
        if (criteria != null && !criteria.isNull()) {
            for (JsonNode filter : criteria.path("Filters")) {
                String text = filter.path("Pattern").asText("");
                try {
                    JsonNode pattern = LambdaJson.MAPPER.readTree(text);
                    if (pattern == null || !pattern.isObject()) {
                        throw invalid(text);
                    }
                    check(pattern, text);
                    patterns.add(pattern);
                } catch (JsonProcessingException e) {
                    throw invalid(text);
                }
            }
        }
        return new EventFilter(patterns);
    }

    boolean passes(JsonNode record) {
        return patterns.isEmpty() || patterns.stream().anyMatch(p -> matches(p, record));
    }

    private static boolean matches(JsonNode pattern, JsonNode value) {
        for (Iterator<Map.Entry<String, JsonNode>> it = pattern.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode actual = value == null ? null : value.get(field.getKey());
            JsonNode wanted = field.getValue();
            boolean ok = wanted.isObject() ? actual != null && actual.isObject() && matches(wanted, actual)
                    : anyOf(wanted, actual);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** A field's list of alternatives against the record's value (absent: null; a list: any element). */
    private static boolean anyOf(JsonNode alternatives, JsonNode actual) {
        for (JsonNode alternative : alternatives) {
            if (alternative.isObject() && alternative.has("exists")) {
                if (alternative.get("exists").asBoolean() == (actual != null)) {
                    return true;
                }
                continue;
            }
            if (actual == null) {
                continue;
            }
            if (actual.isArray()) {
                for (JsonNode element : actual) {
                    if (one(alternative, element)) {
                        return true;
                    }
                }
            } else if (one(alternative, actual)) {
                return true;
            }
        }
        return false;
    }

    private static boolean one(JsonNode alternative, JsonNode actual) {
        if (!alternative.isObject()) {
            return alternative.equals(actual) || alternative.isNumber() && actual.isNumber()
                    && alternative.decimalValue().compareTo(actual.decimalValue()) == 0;
        }
        String text = actual.isValueNode() ? actual.asText() : actual.toString();
        if (alternative.has("prefix")) {
            return actual.isTextual() && text.startsWith(alternative.get("prefix").asText());
        }
        if (alternative.has("suffix")) {
            return actual.isTextual() && text.endsWith(alternative.get("suffix").asText());
        }
        if (alternative.has("equals-ignore-case")) {
            return actual.isTextual() && text.toLowerCase(Locale.ROOT)
                    .equals(alternative.get("equals-ignore-case").asText().toLowerCase(Locale.ROOT));
        }
        if (alternative.has("anything-but")) {
            JsonNode excluded = alternative.get("anything-but");
            if (excluded.isArray()) {
                for (JsonNode e : excluded) {
                    if (one(e, actual)) {
                        return false;
                    }
                }
                return true;
            }
            return !one(excluded, actual);
        }
        if (alternative.has("numeric")) {
            return actual.isNumber() && numeric(alternative.get("numeric"), actual.decimalValue());
        }
        return false;
    }

    private static boolean numeric(JsonNode conditions, java.math.BigDecimal value) {
        for (int i = 0; i + 1 < conditions.size(); i += 2) {
            int c = value.compareTo(conditions.get(i + 1).decimalValue());
            boolean ok = switch (conditions.get(i).asText()) {
                case "=" -> c == 0;
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                case ">" -> c > 0;
                case ">=" -> c >= 0;
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Every leaf of a pattern is a list of alternatives, each a literal or one known matcher. */
    private static void check(JsonNode pattern, String text) {
        for (Iterator<JsonNode> it = pattern.elements(); it.hasNext(); ) {
            JsonNode value = it.next();
            if (value.isObject()) {
                check(value, text);
            } else if (!value.isArray() || value.isEmpty()) {
                throw invalid(text);
            } else {
                for (JsonNode alternative : value) {
                    if (alternative.isObject() && (alternative.size() != 1 || !List.of("prefix", "suffix",
                            "equals-ignore-case", "anything-but", "exists", "numeric")
                            .contains(alternative.fieldNames().next()))) {
                        throw invalid(text);
                    }
                }
            }
        }
    }

    private static IllegalArgumentException invalid(String pattern) {
        return new IllegalArgumentException("Invalid filter pattern definition: " + pattern);
    }
}
