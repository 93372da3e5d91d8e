package dev.dynagate.requests.collections;

import java.nio.file.Path;

/**
 * A folder or a saved request inside a collection. {@code path} is where the item lives on disk (a folder's
 * directory, a request's file), or null for a collection read from another format and not saved yet.
 */
public sealed interface CollectionItem permits Folder, SavedRequest {

    String name();

    int seq();

    Path path();
}
