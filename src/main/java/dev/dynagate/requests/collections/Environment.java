package dev.dynagate.requests.collections;

import dev.dynagate.requests.model.KeyValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A named set of variables for one collection (dev, stage, prod…). Variables named in {@code secrets} have their
 * values kept outside the collection, in the user's app data; {@code production} makes the GUI colour it and ask
 * before mutating requests, and the headless runner warn.
 */
public record Environment(String name, boolean production, List<KeyValue> variables, Set<String> secrets) {

    public Environment {
        variables = variables == null ? List.of() : List.copyOf(variables);
        secrets = secrets == null ? Set.of() : Set.copyOf(secrets);
    }

    public static Environment of(String name, Map<String, String> values) {
        return new Environment(name, false, values.entrySet().stream().map(e -> KeyValue.of(e.getKey(), e.getValue())).toList(),
                Set.of());
    }

    public boolean isSecret(String key) {
        return secrets.contains(key);
    }

    /** Enabled variables as a map, later duplicates winning. */
    public Map<String, String> values() {
        Map<String, String> out = new LinkedHashMap<>();
        variables.stream().filter(KeyValue::enabled).forEach(kv -> out.put(kv.key(), kv.value() == null ? "" : kv.value()));
        return out;
    }

    public Environment withProduction(boolean value) {
        return new Environment(name, value, variables, secrets);
    }
}
