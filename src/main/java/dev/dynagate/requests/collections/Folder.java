package dev.dynagate.requests.collections;

import dev.dynagate.requests.model.Auth;
import dev.dynagate.requests.model.KeyValue;
import java.nio.file.Path;
import java.util.List;

/**
 * A folder of requests and folders. Its auth applies to requests beneath that inherit; its variables and headers
 * apply to every request beneath.
 */
public record Folder(String name, int seq, Path path, Auth auth, List<KeyValue> variables, List<KeyValue> headers,
                     String description, List<CollectionItem> items) implements CollectionItem {

    public Folder {
        auth = auth == null ? Auth.INHERIT : auth;
        variables = variables == null ? List.of() : List.copyOf(variables);
        headers = headers == null ? List.of() : List.copyOf(headers);
        items = items == null ? List.of() : List.copyOf(items);
    }

    public static Folder of(String name, List<CollectionItem> items) {
        return new Folder(name, 0, null, Auth.INHERIT, List.of(), List.of(), null, items);
    }

    public Folder withItems(List<CollectionItem> value) {
        return new Folder(name, seq, path, auth, variables, headers, description, value);
    }
}
