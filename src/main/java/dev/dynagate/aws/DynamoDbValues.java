package dev.dynagate.aws;

import dev.dynagate.partitions.DdbValue;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Maps SDK attribute values to the partitions feature's {@link DdbValue} and back (for keys). */
final class DynamoDbValues {
    private DynamoDbValues() {
    }

    static Map<String, DdbValue> item(Map<String, AttributeValue> item) {
        if (item == null || item.isEmpty()) {
            return null;
        }
        Map<String, DdbValue> out = new LinkedHashMap<>();
        item.forEach((name, value) -> out.put(name, value(value)));
        return out;
    }

    static DdbValue value(AttributeValue v) {
        return switch (v.type()) {
            case S -> new DdbValue.S(v.s());
            case N -> new DdbValue.N(v.n());
            case B -> new DdbValue.B(v.b().asByteArray());
            case BOOL -> new DdbValue.Bool(v.bool());
            case NUL -> new DdbValue.Null();
            case SS -> new DdbValue.SS(v.ss());
            case NS -> new DdbValue.NS(v.ns());
            case BS -> new DdbValue.BS(v.bs().stream().map(SdkBytes::asByteArray).toList());
            case L -> new DdbValue.L(v.l().stream().map(DynamoDbValues::value).toList());
            case M -> new DdbValue.M(item(v.m()) == null ? Map.of() : item(v.m()));
            default -> throw new IllegalArgumentException("unknown attribute type " + v.type());
        };
    }

    static Map<String, AttributeValue> key(Map<String, DdbValue> key) {
        if (key == null) {
            return null;
        }
        Map<String, AttributeValue> out = new HashMap<>();
        key.forEach((name, value) -> out.put(name, attribute(value)));
        return out;
    }

    static AttributeValue attribute(DdbValue value) {
        if (value instanceof DdbValue.S s) {
            return AttributeValue.fromS(s.value());
        }
        if (value instanceof DdbValue.N n) {
            return AttributeValue.fromN(n.value());
        }
        if (value instanceof DdbValue.B b) {
            return AttributeValue.fromB(SdkBytes.fromByteArray(b.value()));
        }
        if (value instanceof DdbValue.Bool b) {
            return AttributeValue.fromBool(b.value());
        }
        if (value instanceof DdbValue.SS ss) {
            return AttributeValue.fromSs(ss.value());
        }
        if (value instanceof DdbValue.NS ns) {
            return AttributeValue.fromNs(ns.value());
        }
        if (value instanceof DdbValue.L l) {
            return AttributeValue.fromL(l.value().stream().map(DynamoDbValues::attribute).toList());
        }
        if (value instanceof DdbValue.M m) {
            Map<String, AttributeValue> map = new HashMap<>();
            m.value().forEach((k, v) -> map.put(k, attribute(v)));
            return AttributeValue.fromM(map);
        }
        if (value instanceof DdbValue.BS bs) {
            return AttributeValue.fromBs(bs.value().stream().map(SdkBytes::fromByteArray).toList());
        }
        return AttributeValue.fromNul(true);
    }

    static List<Map<String, DdbValue>> items(List<Map<String, AttributeValue>> items) {
        return items.stream().map(DynamoDbValues::item).filter(java.util.Objects::nonNull).toList();
    }
}
