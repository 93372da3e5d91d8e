package dev.dynagate.apis;

import java.util.Set;

/**
 * A REST API key and the stages it opens (through usage plans).
 *
 * @param value the key itself, when the caller may read it; null otherwise
 */
public record ApiKey(String id, String name, String value, boolean enabled, Set<String> stages) {

    public ApiKey {
        stages = stages == null ? Set.of() : Set.copyOf(stages);
    }
}
