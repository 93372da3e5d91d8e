package dev.dynagate.sandbox.dynamodb.expr;

import dev.dynagate.sandbox.dynamodb.value.AttrValue;
import java.util.List;
import java.util.Map;

/** A parsed ProjectionExpression or legacy AttributesToGet. */
public interface Projection {
    /** Returns a new item holding only the projected paths that exist (nested maps and lists are pruned, lists compacted). */
    Map<String, AttrValue> apply(Map<String, AttrValue> item);

    /** The projected document paths: each element is a {@code String} attribute/map key or an {@code Integer} list index. */
    List<List<Object>> paths();
}
