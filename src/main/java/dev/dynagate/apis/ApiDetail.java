package dev.dynagate.apis;

import java.util.Comparator;
import java.util.List;

/** Everything the explorer shows for one API. */
public record ApiDetail(ApiSummary api, List<Stage> stages, List<Route> routes, List<Authorizer> authorizers,
                        List<ApiKey> keys) {

    public ApiDetail {
        stages = List.copyOf(stages);
        routes = routes.stream().sorted(Comparator.comparing((Route r) -> r.path() == null ? "" : r.path())
                .thenComparing(r -> r.method() == null ? "" : r.method())).toList();
        authorizers = List.copyOf(authorizers);
        keys = List.copyOf(keys);
    }

    public Authorizer authorizer(String id) {
        return id == null ? null : authorizers.stream().filter(a -> id.equals(a.id())).findFirst().orElse(null);
    }

    /** Keys usable on a stage: enabled and attached to it through a usage plan. */
    public List<ApiKey> keysFor(String stage) {
        return keys.stream().filter(k -> k.enabled() && k.stages().contains(stage)).toList();
    }
}
