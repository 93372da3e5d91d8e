package dev.dynagate.requests.history;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynagate.requests.JsonText;
import dev.dynagate.requests.model.KeyValue;
import dev.dynagate.requests.model.ResponseRecord;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What changed between an earlier response and a replay: status, stable headers, and the body compared as JSON
 * trees (or as text when either side is not JSON). Volatile things — request and trace ids, dates, times and
 * timestamps, UUID-valued fields that differ anyway — are ignored so the diff shows real changes only.
 */
public final class ResponseDiff {
    private static final Set<String> VOLATILE_HEADERS = Set.of("date", "x-amzn-requestid", "x-amz-request-id",
            "apigw-requestid", "x-amzn-trace-id", "x-amz-apigw-id", "x-amz-cf-id", "content-length", "expires",
            "last-modified", "etag", "age", "set-cookie", "x-request-id");
    private static final Pattern VOLATILE_KEY = Pattern.compile(
            "(?i).*(request_?id|trace_?id|timestamp|date|time|epoch|expires?|createdat|updatedat)");
    private static final Pattern DATE_LIKE = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?)?"
                    + "|\\d{2}/[A-Z][a-z]{2}/\\d{4}:\\d{2}:\\d{2}:\\d{2} [+-]\\d{4}");
    private static final Pattern UUID_LIKE = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    public enum Kind { ADDED, REMOVED, CHANGED }

    /** One difference; {@code path} is "status", "header NAME", "body" or a JSON path like {@code $.items[2].name}. */
    public record Change(String path, Kind kind, String before, String after) {
        @Override
        public String toString() {
            return switch (kind) {
                case ADDED -> "+ " + path + ": " + after;
                case REMOVED -> "- " + path + ": " + before;
                case CHANGED -> "~ " + path + ": " + before + " → " + after;
            };
        }
    }

    private ResponseDiff() {
    }

    public static List<Change> compare(HistoryEntry earlier, ResponseRecord now) {
        List<Change> changes = new ArrayList<>();
        if (earlier.status() != now.status()) {
            changes.add(new Change("status", Kind.CHANGED, String.valueOf(earlier.status()), String.valueOf(now.status())));
        }
        compareHeaders(earlier.responseHeaders(), now.headers(), changes);
        compareBodies(earlier.responseBody(), now.bodyText(), changes);
        return changes;
    }

    private static void compareHeaders(List<KeyValue> before, List<KeyValue> after, List<Change> changes) {
        Map<String, String> old = stableHeaders(before);
        Map<String, String> fresh = stableHeaders(after);
        Set<String> names = new TreeSet<>(old.keySet());
        names.addAll(fresh.keySet());
        for (String name : names) {
            String a = old.get(name);
            String b = fresh.get(name);
            if (a == null) {
                changes.add(new Change("header " + name, Kind.ADDED, null, b));
            } else if (b == null) {
                changes.add(new Change("header " + name, Kind.REMOVED, a, null));
            } else if (!a.equals(b)) {
                changes.add(new Change("header " + name, Kind.CHANGED, a, b));
            }
        }
    }

    private static Map<String, String> stableHeaders(List<KeyValue> headers) {
        Map<String, String> stable = new TreeMap<>();
        for (KeyValue header : headers) {
            String name = header.key().toLowerCase(Locale.ROOT);
            if (!VOLATILE_HEADERS.contains(name)) {
                stable.merge(name, header.value(), (x, y) -> x + ", " + y);
            }
        }
        return stable;
    }

    private static void compareBodies(String before, String after, List<Change> changes) {
        Optional<JsonNode> a = JsonText.parse(before);
        Optional<JsonNode> b = JsonText.parse(after);
        if (a.isPresent() && b.isPresent()) {
            compareNodes("$", null, a.get(), b.get(), changes);
        } else if (!String.valueOf(before).equals(String.valueOf(after))) {
            changes.add(new Change("body", Kind.CHANGED, abbreviate(before), abbreviate(after)));
        }
    }

    private static void compareNodes(String path, String key, JsonNode a, JsonNode b, List<Change> changes) {
        if (key != null && VOLATILE_KEY.matcher(key).matches()) {
            return;
        }
        if (a.isObject() && b.isObject()) {
            Set<String> names = new TreeSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String child = path + "." + name;
                if (!a.has(name)) {
                    if (!VOLATILE_KEY.matcher(name).matches()) {
                        changes.add(new Change(child, Kind.ADDED, null, b.get(name).toString()));
                    }
                } else if (!b.has(name)) {
                    if (!VOLATILE_KEY.matcher(name).matches()) {
                        changes.add(new Change(child, Kind.REMOVED, a.get(name).toString(), null));
                    }
                } else {
                    compareNodes(child, name, a.get(name), b.get(name), changes);
                }
            }
        } else if (a.isArray() && b.isArray()) {
            Iterator<JsonNode> left = a.elements();
            Iterator<JsonNode> right = b.elements();
            int index = 0;
            while (left.hasNext() || right.hasNext()) {
                String child = path + "[" + index++ + "]";
                if (!left.hasNext()) {
                    changes.add(new Change(child, Kind.ADDED, null, right.next().toString()));
                } else if (!right.hasNext()) {
                    changes.add(new Change(child, Kind.REMOVED, left.next().toString(), null));
                } else {
                    compareNodes(child, null, left.next(), right.next(), changes);
                }
            }
        } else if (!a.equals(b) && !bothVolatileValues(a, b)) {
            changes.add(new Change(path, Kind.CHANGED, abbreviate(a.toString()), abbreviate(b.toString())));
        }
    }

    /** Two dates, or two UUIDs: a fresh id or time on every call, not a change in behaviour. */
    private static boolean bothVolatileValues(JsonNode a, JsonNode b) {
        if (!a.isTextual() || !b.isTextual()) {
            return false;
        }
        return DATE_LIKE.matcher(a.asText()).matches() && DATE_LIKE.matcher(b.asText()).matches()
                || UUID_LIKE.matcher(a.asText()).matches() && UUID_LIKE.matcher(b.asText()).matches();
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
