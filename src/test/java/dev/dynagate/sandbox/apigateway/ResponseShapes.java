package dev.dynagate.sandbox.apigateway;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * Flattens an SDK response into {@code path → value} for the fields the service sent, with generated values (ids,
 * dates, endpoints, keys) masked, so responses of two implementations can be compared by shape and meaning.
 */
final class ResponseShapes {
    private static final Pattern MASKED = Pattern.compile(
            "(?i).*(id|ids|date|endpoint|target|value|position|nextToken|cacheNamespace|path)$");

    private ResponseShapes() {
    }

    static Map<String, String> of(SdkPojo pojo) {
        Map<String, String> out = new TreeMap<>();
        walk(pojo, "", out);
        return out;
    }

    private static void walk(Object value, String path, Map<String, String> out) {
        if (value == null || value instanceof SdkAutoConstructList || value instanceof SdkAutoConstructMap) {
            return;
        }
        if (value instanceof SdkPojo pojo) {
            for (SdkField<?> field : pojo.sdkFields()) {
                walk(field.getValueOrDefault(pojo), path + "/" + field.memberName(), out);
            }
            return;
        }
        if (value instanceof Collection<?> list) {
            out.put(path, list.isEmpty() ? "[]" : "[...]");
            for (Object element : list) {
                walk(element, path + "[]", out);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            out.put(path, map.isEmpty() ? "{}" : "{...}");
            map.forEach((k, v) -> walk(v, path + "{" + (MASKED.matcher(path).matches() ? "*" : k) + "}", out));
            return;
        }
        String leaf = path.substring(path.lastIndexOf('/') + 1);
        out.put(path, MASKED.matcher(leaf).matches() ? "<masked>" : String.valueOf(value));
    }
}
