package dev.dynagate.requests.collections;

import dev.dynagate.requests.model.RequestSpec;
import java.util.Map;

/**
 * A request ready to run: auth inherited and folder headers merged in, with the collection's and folders'
 * variables that apply to it. {@code path} names it in progress lines and reports ("Experiments / Create").
 */
public record PlannedRequest(String path, RequestSpec spec, Map<String, String> scopeVariables) {

    public String name() {
        return spec.name() == null ? path : spec.name();
    }
}
