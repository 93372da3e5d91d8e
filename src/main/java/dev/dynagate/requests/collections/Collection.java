package dev.dynagate.requests.collections;

import dev.dynagate.requests.model.Auth;
import dev.dynagate.requests.model.KeyValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A collection: requests in folders, with collection-wide variables, headers and auth. {@code id} is stable across
 * renames and moves of the folder; it keys the secrets kept outside the collection.
 */
public record Collection(String id, String name, Path root, Auth auth, List<KeyValue> variables,
                         List<KeyValue> headers, String description, List<CollectionItem> items) {

    public Collection {
        auth = auth == null ? Auth.NONE : auth;
        variables = variables == null ? List.of() : List.copyOf(variables);
        headers = headers == null ? List.of() : List.copyOf(headers);
        items = items == null ? List.of() : List.copyOf(items);
    }

    public Collection withItems(List<CollectionItem> value) {
        return new Collection(id, name, root, auth, variables, headers, description, value);
    }

    public Collection withRoot(Path value) {
        return new Collection(id, name, value, auth, variables, headers, description, items);
    }

    /** Every request in run order: folders depth first, items by their order. */
    public List<SavedRequest> requests() {
        List<SavedRequest> out = new ArrayList<>();
        collect(items, out);
        return out;
    }

    private static void collect(List<CollectionItem> items, List<SavedRequest> out) {
        for (CollectionItem item : items) {
            if (item instanceof SavedRequest request) {
                out.add(request);
            } else if (item instanceof Folder folder) {
                collect(folder.items(), out);
            }
        }
    }
}
