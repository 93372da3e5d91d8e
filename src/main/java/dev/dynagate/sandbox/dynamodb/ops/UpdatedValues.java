package dev.dynagate.sandbox.dynamodb.ops;

import dev.dynagate.sandbox.dynamodb.value.AttrValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ReturnValues UPDATED_OLD and UPDATED_NEW: the parts of the touched attributes that the update changed, down to
 * nested map entries and list elements ({@code SET m.x = :v} returns {@code m} with only {@code x}). A touched
 * attribute whose value did not change is returned whole.
 */
final class UpdatedValues {
    private UpdatedValues() {
    }

    static Map<String, AttrValue> of(Map<String, AttrValue> side, Map<String, AttrValue> other, Set<String> touched) {
        Map<String, AttrValue> out = new LinkedHashMap<>();
        for (Map.Entry<String, AttrValue> e : side.entrySet()) {
            if (!touched.contains(e.getKey())) {
                continue;
            }
            AttrValue counterpart = other == null ? null : other.get(e.getKey());
            AttrValue changed = counterpart == null ? e.getValue() : difference(e.getValue(), counterpart);
            out.put(e.getKey(), changed == null ? e.getValue() : changed);
        }
        return out;
    }

    /** The part of {@code a} that differs from {@code b}, or null when they are equal. */
    private static AttrValue difference(AttrValue a, AttrValue b) {
        if (a instanceof AttrValue.M x && b instanceof AttrValue.M y) {
            Map<String, AttrValue> out = new LinkedHashMap<>();
            for (Map.Entry<String, AttrValue> e : x.value().entrySet()) {
                AttrValue counterpart = y.value().get(e.getKey());
                AttrValue changed = counterpart == null ? e.getValue() : difference(e.getValue(), counterpart);
                if (changed != null) {
                    out.put(e.getKey(), changed);
                }
            }
            return out.isEmpty() ? null : new AttrValue.M(out);
        }
        if (a instanceof AttrValue.L x && b instanceof AttrValue.L y) {
            List<AttrValue> out = new ArrayList<>();
            for (int i = 0; i < x.value().size(); i++) {
                AttrValue element = x.value().get(i);
                if (i >= y.value().size() || !element.equals(y.value().get(i))) {
                    out.add(element);
                }
            }
            return out.isEmpty() ? null : new AttrValue.L(out);
        }
        return a.equals(b) ? null : a;
    }
}
