package dev.dynagate.sandbox.dynamodb.schema;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;

/**
 * A secondary index. Its key is one or more HASH attributes and zero or more RANGE attributes, in KeySchema order
 * (a local index, and a global one made before multi-attribute keys, has one of each at most). {@code projection} is
 * ALL, KEYS_ONLY or INCLUDE; {@code nonKeyAttributes} is only set for INCLUDE. {@code readyAt} is when a GSI added by
 * UpdateTable becomes ACTIVE (epoch millis).
 */
public record IndexSchema(String name, boolean global, List<KeyAttr> hashes, List<KeyAttr> ranges, String projection,
                          List<String> nonKeyAttributes, Throughput throughput, long readyAt) {

    public IndexSchema {
        hashes = List.copyOf(hashes);
        ranges = ranges == null ? List.of() : List.copyOf(ranges);
    }

    /** As the data folder holds it; schemas written before multi-attribute keys have one hash and one range. */
    @JsonCreator
    static IndexSchema read(@JsonProperty("name") String name, @JsonProperty("global") boolean global,
                            @JsonProperty("hashes") List<KeyAttr> hashes, @JsonProperty("ranges") List<KeyAttr> ranges,
                            @JsonProperty("hash") KeyAttr hash, @JsonProperty("range") KeyAttr range,
                            @JsonProperty("projection") String projection,
                            @JsonProperty("nonKeyAttributes") List<String> nonKeyAttributes,
                            @JsonProperty("throughput") Throughput throughput, @JsonProperty("readyAt") long readyAt) {
        return new IndexSchema(name, global, hashes != null ? hashes : List.of(hash),
                ranges != null ? ranges : range == null ? List.of() : List.of(range), projection, nonKeyAttributes,
                throughput, readyAt);
    }

    public boolean projectsAll() {
        return "ALL".equals(projection);
    }

    /** The HASH attributes, then the RANGE attributes. */
    public List<KeyAttr> keys() {
        List<KeyAttr> all = new ArrayList<>(hashes);
        all.addAll(ranges);
        return all;
    }

    /** Whether {@code attribute} is one of the index's key attributes (without building {@link #keys()}). */
    public boolean hasKey(String attribute) {
        for (KeyAttr key : hashes) {
            if (key.name().equals(attribute)) {
                return true;
            }
        }
        for (KeyAttr key : ranges) {
            if (key.name().equals(attribute)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the key has more than one HASH or more than one RANGE attribute. */
    public boolean multiAttribute() {
        return hashes.size() > 1 || ranges.size() > 1;
    }

    /** The same index with another provisioned throughput. */
    public IndexSchema withThroughput(Throughput value) {
        return new IndexSchema(name, global, hashes, ranges, projection, nonKeyAttributes, value, readyAt);
    }
}
