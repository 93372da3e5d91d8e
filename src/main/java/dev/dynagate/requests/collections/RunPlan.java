package dev.dynagate.requests.collections;

import dev.dynagate.requests.model.Auth;
import dev.dynagate.requests.model.KeyValue;
import dev.dynagate.requests.model.RequestSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a run sends, in order: every request of a collection, a folder or a single request, with inheritance
 * applied. Auth: a request that inherits takes the nearest folder's auth, then the collection's. Headers: the
 * collection's, then each folder's, then the request's own; a later header of the same name replaces an earlier one.
 * Variables: the collection's, then each folder's (inner folders win).
 */
public record RunPlan(String name, List<PlannedRequest> requests) {

    public RunPlan {
        requests = List.copyOf(requests);
    }

    public static RunPlan of(Collection collection) {
        return of(collection, null);
    }

    /** The plan for {@code selection} (a folder or request of the collection), or the whole collection when null. */
    public static RunPlan of(Collection collection, CollectionItem selection) {
        List<PlannedRequest> out = new ArrayList<>();
        Scope root = new Scope("", collection.auth() instanceof Auth.Inherit ? Auth.NONE
                : collection.auth(), collection.headers(), values(collection.variables(), Map.of()));
        walk(collection.items(), root, selection, selection == null, out);
        String name = selection == null ? collection.name() : collection.name() + " / " + selection.name();
        return new RunPlan(name, out);
    }

    private record Scope(String path, Auth auth, List<KeyValue> headers, Map<String, String> variables) {
    }

    private static void walk(List<CollectionItem> items, Scope scope, CollectionItem selection, boolean selected,
                             List<PlannedRequest> out) {
        for (CollectionItem item : items) {
            boolean take = selected || item.equals(selection);
            String path = scope.path().isEmpty() ? item.name() : scope.path() + " / " + item.name();
            if (item instanceof SavedRequest request) {
                if (take) {
                    out.add(plan(request.spec(), path, scope));
                }
            } else if (item instanceof Folder folder) {
                List<KeyValue> headers = new ArrayList<>(scope.headers());
                headers.addAll(folder.headers());
                Scope inner = new Scope(path, folder.auth() instanceof Auth.Inherit ? scope.auth() : folder.auth(),
                        headers, values(folder.variables(), scope.variables()));
                walk(folder.items(), inner, selection, take, out);
            }
        }
    }

    private static PlannedRequest plan(RequestSpec spec, String path, Scope scope) {
        Auth auth = spec.auth() instanceof Auth.Inherit ? scope.auth() : spec.auth();
        return new PlannedRequest(path, spec.withAuth(auth).withHeaders(merge(scope.headers(), spec.headers())),
                scope.variables());
    }

    static List<KeyValue> merge(List<KeyValue> inherited, List<KeyValue> own) {
        Map<String, KeyValue> byName = new LinkedHashMap<>();
        for (KeyValue header : inherited) {
            if (header.enabled()) {
                byName.put(header.key().toLowerCase(Locale.ROOT), header);
            }
        }
        for (KeyValue header : own) {
            String key = header.key().toLowerCase(Locale.ROOT);
            if (header.enabled()) {
                byName.remove(key);
                byName.put(key, header);
            } else if (!byName.containsKey(key)) {
                byName.put(key, header);
            }
        }
        return List.copyOf(byName.values());
    }

    private static Map<String, String> values(List<KeyValue> variables, Map<String, String> outer) {
        Map<String, String> out = new LinkedHashMap<>(outer);
        variables.stream().filter(KeyValue::enabled).forEach(kv -> out.put(kv.key(), kv.value() == null ? "" : kv.value()));
        return Map.copyOf(out);
    }
}
