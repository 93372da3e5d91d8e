package dev.dynagate.sandbox.dynamodb.expr;

import dev.dynagate.sandbox.dynamodb.value.AttrValue;
import dev.dynagate.sandbox.dynamodb.value.Numbers;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed UpdateExpression (also the target of legacy AttributeUpdates). All right-hand sides are read from the item
 * as it was before the update, as DynamoDB does; REMOVEs of list elements use the indexes of the original list.
 */
final class UpdateExpression implements UpdateAction {
    record SetAction(DocPath path, Operand value) {
    }

    record AddAction(DocPath path, String ref, AttrValue value) {
    }

    record DeleteAction(DocPath path, String ref, AttrValue value) {
    }

    private final List<SetAction> sets;
    private final List<DocPath> removes;
    private final List<AddAction> adds;
    private final List<DeleteAction> deletes;

    UpdateExpression(List<SetAction> sets, List<DocPath> removes, List<AddAction> adds, List<DeleteAction> deletes) {
        this.sets = sets.stream().sorted(Comparator.comparing(SetAction::path, EARLIER_FIRST)).toList();
        this.removes = removes.stream().sorted(LATER_FIRST).toList();
        this.adds = List.copyOf(adds);
        this.deletes = List.copyOf(deletes);
    }

    private UpdateExpression(UpdateExpression parsed, Map<String, AttrValue> values) {
        List<SetAction> boundSets = new ArrayList<>(parsed.sets.size());
        for (SetAction set : parsed.sets) {
            boundSets.add(new SetAction(set.path(), set.value().rebind(values)));
        }
        List<AddAction> boundAdds = new ArrayList<>(parsed.adds.size());
        for (AddAction add : parsed.adds) {
            boundAdds.add(new AddAction(add.path(), add.ref(), values.get(add.ref())));
        }
        List<DeleteAction> boundDeletes = new ArrayList<>(parsed.deletes.size());
        for (DeleteAction delete : parsed.deletes) {
            boundDeletes.add(new DeleteAction(delete.path(), delete.ref(), values.get(delete.ref())));
        }
        sets = boundSets;
        removes = parsed.removes;
        adds = boundAdds;
        deletes = boundDeletes;
    }

    /**
     * The same expression with every :value taken from {@code values}, which must give each of them a value of the
     * type this one was parsed with (see {@link ExpressionCache}).
     */
    UpdateExpression rebind(Map<String, AttrValue> values) {
        return new UpdateExpression(this, values);
    }

    /** Removing later list elements first keeps the earlier indexes pointing where the client meant. */
    private static final Comparator<DocPath> LATER_FIRST = byIndex(-1);
    /** Setting earlier list elements first makes appends past the end land in index order, as DynamoDB does. */
    private static final Comparator<DocPath> EARLIER_FIRST = byIndex(1);

    /** A total order on paths where list indexes compare in the given direction. */
    private static Comparator<DocPath> byIndex(int direction) {
        return (a, b) -> {
            for (int i = 0; i < Math.min(a.length(), b.length()); i++) {
                Object x = a.elements().get(i);
                Object y = b.elements().get(i);
                int order;
                if (x instanceof Integer ix && y instanceof Integer iy) {
                    order = direction * Integer.compare(ix, iy);
                } else if (x instanceof String sx && y instanceof String sy) {
                    order = sx.compareTo(sy);
                } else {
                    order = x instanceof String ? -1 : 1;
                }
                if (order != 0) {
                    return order;
                }
            }
            return Integer.compare(a.length(), b.length());
        };
    }

    @Override
    public Map<String, AttrValue> apply(Map<String, AttrValue> item) {
        Map<String, AttrValue> original = item == null ? Map.of() : item;
        return apply(original, original.isEmpty());
    }

    @Override
    public Map<String, AttrValue> applyToNewItem(Map<String, AttrValue> key) {
        return apply(key == null ? Map.of() : key, true);
    }

    private Map<String, AttrValue> apply(Map<String, AttrValue> original, boolean newItem) {
        List<AttrValue> values = new ArrayList<>(sets.size());
        for (SetAction set : sets) {
            values.add(Operand.UpdateValues.required(set.value(), original));
        }
        Map<String, AttrValue> result = new LinkedHashMap<>(original);
        for (int i = 0; i < sets.size(); i++) {
            result = Documents.set(result, sets.get(i).path(), values.get(i));
        }
        for (DocPath path : removes) {
            // DynamoDB quietly ignores REMOVE a.b when the whole item is missing (but not when only a is)
            if (!newItem || path.length() == 1) {
                result = Documents.remove(result, path);
            }
        }
        for (AddAction add : adds) {
            result = Documents.set(result, add.path(), SetArithmetic.add(add.path().resolve(original), add.value()));
        }
        for (DeleteAction delete : deletes) {
            AttrValue current = delete.path().resolve(original);
            if (current == null) {
                continue;
            }
            AttrValue remaining = SetArithmetic.subtract(current, delete.value());
            result = remaining == null ? Documents.remove(result, delete.path())
                    : Documents.set(result, delete.path(), remaining);
        }
        return result;
    }

    @Override
    public Projection updatedPaths() {
        List<DocPath> paths = new ArrayList<>();
        sets.forEach(s -> paths.add(s.path()));
        paths.addAll(removes);
        adds.forEach(a -> paths.add(a.path()));
        deletes.forEach(d -> paths.add(d.path()));
        return new PathProjection(paths);
    }

    @Override
    public long statementCharge() {
        return StatementCharge.of(this);
    }

    List<SetAction> sets() {
        return sets;
    }

    List<DocPath> removes() {
        return removes;
    }

    List<AddAction> adds() {
        return adds;
    }

    List<DeleteAction> deletes() {
        return deletes;
    }

    @Override
    public boolean onlyRemoves() {
        return sets.isEmpty() && adds.isEmpty();
    }

    @Override
    public Set<String> topLevelAttributes() {
        Set<String> names = new LinkedHashSet<>();
        sets.forEach(s -> names.add(s.path().top()));
        removes.forEach(p -> names.add(p.top()));
        adds.forEach(a -> names.add(a.path().top()));
        deletes.forEach(d -> names.add(d.path().top()));
        return names;
    }

    /** ADD and DELETE on numbers and sets. */
    static final class SetArithmetic {
        private SetArithmetic() {
        }

        static AttrValue add(AttrValue current, AttrValue value) {
            if (current == null) {
                return value;
            }
            if (current instanceof AttrValue.N a && value instanceof AttrValue.N b) {
                return new AttrValue.N(Numbers.computed(a.value().add(b.value())));
            }
            if (current instanceof AttrValue.SS a && value instanceof AttrValue.SS b) {
                Set<String> union = new LinkedHashSet<>(a.value());
                union.addAll(b.value());
                return new AttrValue.SS(List.copyOf(union));
            }
            if (current instanceof AttrValue.NS a && value instanceof AttrValue.NS b) {
                List<BigDecimal> union = new ArrayList<>(a.value());
                b.value().stream().filter(x -> union.stream().noneMatch(y -> y.compareTo(x) == 0)).forEach(union::add);
                return new AttrValue.NS(List.copyOf(union));
            }
            if (current instanceof AttrValue.BS a && value instanceof AttrValue.BS b) {
                List<byte[]> union = new ArrayList<>(a.value());
                b.value().stream().filter(x -> union.stream().noneMatch(y -> Arrays.equals(x, y))).forEach(union::add);
                return new AttrValue.BS(List.copyOf(union));
            }
            throw Operand.UpdateValues.incorrectType();
        }

        /** The set without the given elements, or null when nothing is left. */
        static AttrValue subtract(AttrValue current, AttrValue value) {
            if (current instanceof AttrValue.SS a && value instanceof AttrValue.SS b) {
                List<String> rest = a.value().stream().filter(x -> !b.value().contains(x)).toList();
                return rest.isEmpty() ? null : new AttrValue.SS(rest);
            }
            if (current instanceof AttrValue.NS a && value instanceof AttrValue.NS b) {
                List<BigDecimal> rest = a.value().stream()
                        .filter(x -> b.value().stream().noneMatch(y -> y.compareTo(x) == 0)).toList();
                return rest.isEmpty() ? null : new AttrValue.NS(rest);
            }
            if (current instanceof AttrValue.BS a && value instanceof AttrValue.BS b) {
                List<byte[]> rest = a.value().stream()
                        .filter(x -> b.value().stream().noneMatch(y -> Arrays.equals(x, y))).toList();
                return rest.isEmpty() ? null : new AttrValue.BS(rest);
            }
            throw Operand.UpdateValues.incorrectType();
        }
    }
}
