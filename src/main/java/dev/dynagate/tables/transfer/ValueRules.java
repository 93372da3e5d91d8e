package dev.dynagate.tables.transfer;

import dev.dynagate.dynamodbrules.NumberRules;
import dev.dynagate.tables.Attr;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What DynamoDB refuses in values that parse well: numbers out of its range or precision, and empty sets. Checked
 * before an import sends anything, since one refused item fails its whole batch.
 */
final class ValueRules {
    private ValueRules() {
    }

    /** The first refused value as "path: why", or null. */
    static String problem(Map<String, Attr> item) {
        for (Map.Entry<String, Attr> e : item.entrySet()) {
            String problem = problem(e.getKey(), e.getValue());
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private static String problem(String path, Attr value) {
        if (value instanceof Attr.N n) {
            return number(path, n.value());
        } else if (value instanceof Attr.NS ns) {
            return ns.values().isEmpty() ? empty(path, "NS") : numbers(path, ns.values());
        } else if (value instanceof Attr.SS ss && ss.values().isEmpty()) {
            return empty(path, "SS");
        } else if (value instanceof Attr.BS bs && bs.values().isEmpty()) {
            return empty(path, "BS");
        } else if (value instanceof Attr.L l) {
            List<Attr> values = l.values();
            for (int i = 0; i < values.size(); i++) {
                String problem = problem(path + "[" + i + "]", values.get(i));
                if (problem != null) {
                    return problem;
                }
            }
        } else if (value instanceof Attr.M m) {
            for (Map.Entry<String, Attr> e : m.values().entrySet()) {
                String problem = problem(path + "." + e.getKey(), e.getValue());
                if (problem != null) {
                    return problem;
                }
            }
        }
        return null;
    }

    private static String numbers(String path, Set<String> members) {
        Map<String, String> seen = new HashMap<>();
        for (String member : members) {
            String problem = number(path, member);
            if (problem != null) {
                return problem;
            }
            String earlier = seen.put(KeyIdentity.number(member), member);
            if (earlier != null) {
                return path + ": the NS holds " + earlier + " and " + member + ", the same number twice";
            }
        }
        return null;
    }

    private static String number(String path, String text) {
        String problem = NumberRules.problem(new BigDecimal(text));
        return problem == null ? null : path + ": the number " + text + " " + problem;
    }

    private static String empty(String path, String type) {
        return path + ": an empty " + type + "; DynamoDB keeps no empty set";
    }
}
