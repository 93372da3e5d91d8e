package dev.dynagate.requests.collections;

import dev.dynagate.requests.model.Auth;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds auth secrets written as plain text (a bearer token, a password, an API key) rather than as a
 * {@code {{variable}}}: saved as they are, they would end up in the collection's files and in git.
 */
final class LiteralSecrets {
    private LiteralSecrets() {
    }

    static List<String> find(Collection collection) {
        List<String> out = new ArrayList<>();
        check(collection.auth(), collection.name(), out);
        walk(collection.items(), "", out);
        return out;
    }

    private static void walk(List<CollectionItem> items, String parent, List<String> out) {
        for (CollectionItem item : items) {
            String path = parent.isEmpty() ? item.name() : parent + " / " + item.name();
            if (item instanceof Folder folder) {
                check(folder.auth(), path, out);
                walk(folder.items(), path, out);
            } else if (item instanceof SavedRequest request) {
                check(request.spec().auth(), path, out);
            }
        }
    }

    private static void check(Auth auth, String where, List<String> out) {
        String secret = auth instanceof Auth.Bearer bearer ? bearer.token()
                : auth instanceof Auth.Basic basic ? basic.password()
                : auth instanceof Auth.ApiKey key ? key.value() : null;
        if (secret != null && !secret.isBlank() && !secret.contains("{{")) {
            out.add("the auth of \"" + where + "\" holds a secret as plain text: saved, it would be written into the "
                    + "collection's files; use a {{variable}} kept as a secret in an environment instead");
        }
    }
}
