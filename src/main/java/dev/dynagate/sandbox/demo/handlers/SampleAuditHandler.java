package dev.dynagate.sandbox.demo.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Triggered by the Experiments table's stream: logs one line per changed sample (what happened, its key, and which
 * attributes changed), as an audit trail a team would keep, and answers how many records it read.
 */
public final class SampleAuditHandler implements RequestHandler<Map<String, Object>, String> {
    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        List<?> records = event.get("Records") instanceof List<?> list ? list : List.of();
        for (Object record : records) {
            if (record instanceof Map<?, ?> r && r.get("dynamodb") instanceof Map<?, ?> change) {
                context.getLogger().log(line(String.valueOf(r.get("eventName")), change) + "\n");
            }
        }
        return records.size() + (records.size() == 1 ? " change audited" : " changes audited");
    }

    private static String line(String event, Map<?, ?> change) {
        Map<?, ?> keys = map(change.get("Keys"));
        String key = text(keys.get("experimentId")) + " / " + text(keys.get("sampleId"));
        Map<?, ?> before = map(change.get("OldImage"));
        Map<?, ?> after = map(change.get("NewImage"));
        TreeSet<String> changed = new TreeSet<>();
        for (Object name : union(before, after)) {
            if (!Objects.equals(before.get(name), after.get(name)) && !keys.containsKey(name)) {
                changed.add(String.valueOf(name));
            }
        }
        boolean listed = !changed.isEmpty() && !event.equals("REMOVE");
        return event + " " + key + (listed ? ": " + String.join(", ", changed) : "");
    }

    private static List<Object> union(Map<?, ?> a, Map<?, ?> b) {
        List<Object> names = new ArrayList<>(a.keySet());
        b.keySet().stream().filter(name -> !a.containsKey(name)).forEach(names::add);
        return names;
    }

    private static Map<?, ?> map(Object value) {
        return value instanceof Map<?, ?> m ? m : Map.of();
    }

    /** A key attribute's value as written (a string or a number). */
    private static String text(Object attribute) {
        Map<?, ?> typed = map(attribute);
        return typed.isEmpty() ? "?" : String.valueOf(typed.values().iterator().next());
    }
}
