package dev.dynagate.sandbox.dynamodb.expr;

import dev.dynagate.sandbox.dynamodb.DynamoDbError;
import dev.dynagate.sandbox.dynamodb.value.AttrValue;
import dev.dynagate.sandbox.dynamodb.value.Numbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A value inside an expression; {@link #eval} answers null for a missing attribute. */
sealed interface Operand {
    AttrValue eval(Map<String, AttrValue> item);

    /** The type DynamoDB can tell before evaluation (a literal's, or N for size()), or null. */
    default String staticType() {
        return null;
    }

    /** The same operand with every :value taken from {@code values} (see {@link ExpressionCache}). */
    default Operand rebind(Map<String, AttrValue> values) {
        return this;
    }

    record Path(DocPath path) implements Operand {
        public AttrValue eval(Map<String, AttrValue> item) {
            return path.resolve(item);
        }
    }

    record Value(String ref, AttrValue value) implements Operand {
        public AttrValue eval(Map<String, AttrValue> item) {
            return value;
        }

        @Override public Operand rebind(Map<String, AttrValue> values) {
            return new Value(ref, values.get(ref));
        }

        @Override public String staticType() {
            return value == null ? null : value.type();
        }
    }

    /** size(): null (so every comparison is false) for a missing attribute or a type without a size. */
    record Size(Operand argument) implements Operand {
        public AttrValue eval(Map<String, AttrValue> item) {
            AttrValue v = argument.eval(item);
            long size;
            if (v instanceof AttrValue.S s) {
                size = s.value().length();
            } else if (v instanceof AttrValue.B b) {
                size = b.value().length;
            } else if (v instanceof AttrValue.SS ss) {
                size = ss.value().size();
            } else if (v instanceof AttrValue.NS ns) {
                size = ns.value().size();
            } else if (v instanceof AttrValue.BS bs) {
                size = bs.value().size();
            } else if (v instanceof AttrValue.L l) {
                size = l.value().size();
            } else if (v instanceof AttrValue.M m) {
                size = m.value().size();
            } else {
                return null;
            }
            return new AttrValue.N(java.math.BigDecimal.valueOf(size));
        }

        @Override public Operand rebind(Map<String, AttrValue> values) {
            return new Size(argument.rebind(values));
        }

        @Override public String staticType() {
            return "N";
        }
    }

    /**
     * A function call as parsed, before the grammar resolves it; one left in a tree yields no value and is only ever
     * left alongside a recorded problem.
     */
    record Call(String function, List<Operand> arguments) implements Operand {
        public AttrValue eval(Map<String, AttrValue> item) {
            return null;
        }

        @Override public Operand rebind(Map<String, AttrValue> values) {
            return new Call(function, arguments.stream().map(a -> a.rebind(values)).toList());
        }
    }

    record IfNotExists(DocPath path, Operand fallback) implements Operand {
        public AttrValue eval(Map<String, AttrValue> item) {
            AttrValue current = path.resolve(item);
            return current != null ? current : UpdateValues.required(fallback, item);
        }

        @Override public Operand rebind(Map<String, AttrValue> values) {
            return new IfNotExists(path, fallback.rebind(values));
        }

        @Override public String staticType() {
            return fallback.staticType();
        }
    }

    record ListAppend(Operand first, Operand second) implements Operand {
        public AttrValue eval(Map<String, AttrValue> item) {
            AttrValue a = UpdateValues.required(first, item);
            AttrValue b = UpdateValues.required(second, item);
            if (!(a instanceof AttrValue.L la) || !(b instanceof AttrValue.L lb)) {
                throw UpdateValues.incorrectType();
            }
            List<AttrValue> joined = new ArrayList<>(la.value());
            joined.addAll(lb.value());
            return new AttrValue.L(List.copyOf(joined));
        }

        @Override public Operand rebind(Map<String, AttrValue> values) {
            return new ListAppend(first.rebind(values), second.rebind(values));
        }

        @Override public String staticType() {
            return "L";
        }
    }

    record Arithmetic(boolean plus, Operand left, Operand right) implements Operand {
        public AttrValue eval(Map<String, AttrValue> item) {
            AttrValue a = UpdateValues.required(left, item);
            AttrValue b = UpdateValues.required(right, item);
            if (!(a instanceof AttrValue.N na) || !(b instanceof AttrValue.N nb)) {
                throw UpdateValues.incorrectType();
            }
            return new AttrValue.N(Numbers.computed(plus ? na.value().add(nb.value()) : na.value().subtract(nb.value())));
        }

        @Override public Operand rebind(Map<String, AttrValue> values) {
            return new Arithmetic(plus, left.rebind(values), right.rebind(values));
        }

        @Override public String staticType() {
            return "N";
        }
    }

    /** Shared helpers for evaluating operands in updates, where a missing attribute is an error. */
    final class UpdateValues {
        private UpdateValues() {
        }

        static AttrValue required(Operand operand, Map<String, AttrValue> item) {
            AttrValue v = operand.eval(item);
            if (v == null) {
                throw DynamoDbError.validation(
                        "The provided expression refers to an attribute that does not exist in the item");
            }
            return v;
        }

        static DynamoDbError incorrectType() {
            return DynamoDbError.validation("An operand in the update expression has an incorrect data type");
        }
    }
}
