package dev.dynagate.apis;

import java.util.Map;

/** A deployed stage; {@code $default} is the HTTP API stage served without a stage segment in its URL. */
public record Stage(String name, String deploymentId, boolean autoDeploy, Map<String, String> variables) {

    public static final String DEFAULT = "$default";

    public Stage {
        variables = variables == null ? Map.of() : Map.copyOf(variables);
    }

    public boolean isDefault() {
        return DEFAULT.equals(name);
    }
}
