package dev.dynagate.aws;

import dev.dynagate.tables.Attr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Maps the SDK's AttributeValue to our {@link Attr} and back, losing nothing (numbers stay text, sets stay sets). */
public final class AttributeValues {
    private AttributeValues() {
    }

    public static Map<String, Attr> fromSdk(Map<String, AttributeValue> item) {
        if (item == null) {
            return null;
        }
        Map<String, Attr> out = new LinkedHashMap<>();
        item.forEach((name, value) -> out.put(name, fromSdk(value)));
        return out;
    }

    public static Attr fromSdk(AttributeValue value) {
        return switch (value.type()) {
            case S -> new Attr.S(value.s());
            case N -> new Attr.N(value.n());
            case B -> new Attr.B(value.b().asByteArray());
            case BOOL -> new Attr.Bool(value.bool());
            case NUL -> new Attr.Null();
            case SS -> new Attr.SS(new LinkedHashSet<>(value.ss()));
            case NS -> new Attr.NS(new LinkedHashSet<>(value.ns()));
            case BS -> {
                Set<Attr.B> members = new LinkedHashSet<>();
                value.bs().forEach(b -> members.add(new Attr.B(b.asByteArray())));
                yield new Attr.BS(members);
            }
            case L -> new Attr.L(value.l().stream().map(AttributeValues::fromSdk).toList());
            case M -> new Attr.M(fromSdk(value.m()));
            case UNKNOWN_TO_SDK_VERSION -> throw new IllegalArgumentException("An attribute of a type this version does not know.");
        };
    }

    public static Map<String, AttributeValue> toSdk(Map<String, Attr> item) {
        if (item == null) {
            return null;
        }
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        item.forEach((name, value) -> out.put(name, toSdk(value)));
        return out;
    }

    public static AttributeValue toSdk(Attr value) {
        AttributeValue.Builder b = AttributeValue.builder();
        if (value instanceof Attr.S s) {
            return b.s(s.value()).build();
        } else if (value instanceof Attr.N n) {
            return b.n(n.value()).build();
        } else if (value instanceof Attr.B bin) {
            return b.b(SdkBytes.fromByteArray(bin.bytes())).build();
        } else if (value instanceof Attr.Bool bool) {
            return b.bool(bool.value()).build();
        } else if (value instanceof Attr.Null) {
            return b.nul(true).build();
        } else if (value instanceof Attr.SS ss) {
            return b.ss(new ArrayList<>(ss.values())).build();
        } else if (value instanceof Attr.NS ns) {
            return b.ns(new ArrayList<>(ns.values())).build();
        } else if (value instanceof Attr.BS bs) {
            List<SdkBytes> members = bs.values().stream().map(m -> SdkBytes.fromByteArray(m.bytes())).toList();
            return b.bs(members).build();
        } else if (value instanceof Attr.L l) {
            return b.l(l.values().stream().map(AttributeValues::toSdk).toList()).build();
        }
        return b.m(toSdk(((Attr.M) value).values())).build();
    }
}
