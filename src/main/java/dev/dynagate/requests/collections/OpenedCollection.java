package dev.dynagate.requests.collections;

import java.util.List;

/**
 * A collection read from our folder format or imported from another tool's files, with what the import could not
 * carry over (scripts, unsupported auth types…), one line each.
 */
public record OpenedCollection(Collection collection, List<Environment> environments, List<String> importNotes) {

    public OpenedCollection {
        environments = List.copyOf(environments);
        importNotes = List.copyOf(importNotes);
    }
}
