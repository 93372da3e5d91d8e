package dev.dynagate.requests.collections;

import dev.dynagate.requests.model.RequestSpec;
import java.nio.file.Path;

/** A request saved in a collection, with its place in the folder's order. */
public record SavedRequest(RequestSpec spec, int seq, Path path) implements CollectionItem {

    @Override
    public String name() {
        return spec.name();
    }

    public static SavedRequest of(RequestSpec spec) {
        return new SavedRequest(spec, 0, null);
    }
}
