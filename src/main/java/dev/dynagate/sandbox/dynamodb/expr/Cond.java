package dev.dynagate.sandbox.dynamodb.expr;

import dev.dynagate.sandbox.dynamodb.value.AttrOrder;
import dev.dynagate.sandbox.dynamodb.value.AttrValue;
import java.util.List;
import java.util.Map;

/** The parsed condition tree. Comparisons involving a missing attribute or values of different types are false. */
sealed interface Cond extends Condition {

    record Compare(String operator, Operand left, Operand right) implements Cond {
        public boolean test(Map<String, AttrValue> item) {
            AttrValue a = left.eval(item);
            AttrValue b = right.eval(item);
            if (operator.equals("<>")) {
                return !(a != null && a.equals(b));
            }
            if (a == null || b == null) {
                return false;
            }
            if (operator.equals("=")) {
                return a.equals(b);
            }
            int order = AttrOrder.compare(a, b);
            if (order == AttrOrder.INCOMPARABLE) {
                return false;
            }
            return switch (operator) {
                case "<" -> order < 0;
                case "<=" -> order <= 0;
                case ">" -> order > 0;
                default -> order >= 0;
            };
        }
    }

    record Between(Operand value, Operand lower, Operand upper) implements Cond {
        public boolean test(Map<String, AttrValue> item) {
            AttrValue v = value.eval(item);
            AttrValue lo = lower.eval(item);
            AttrValue hi = upper.eval(item);
            if (v == null || lo == null || hi == null) {
                return false;
            }
            int low = AttrOrder.compare(v, lo);
            int high = AttrOrder.compare(v, hi);
            return low != AttrOrder.INCOMPARABLE && high != AttrOrder.INCOMPARABLE && low >= 0 && high <= 0;
        }
    }

    record In(Operand value, List<Operand> candidates) implements Cond {
        public boolean test(Map<String, AttrValue> item) {
            AttrValue v = value.eval(item);
            return v != null && candidates.stream().anyMatch(c -> v.equals(c.eval(item)));
        }
    }

    record And(Cond left, Cond right) implements Cond {
        public boolean test(Map<String, AttrValue> item) {
            return left.test(item) && right.test(item);
        }
    }

    record Or(Cond left, Cond right) implements Cond {
        public boolean test(Map<String, AttrValue> item) {
            return left.test(item) || right.test(item);
        }
    }

    record Not(Cond inner) implements Cond {
        public boolean test(Map<String, AttrValue> item) {
            return !inner.test(item);
        }
    }

    /** A parenthesised condition, kept so that redundant parentheses can be recognised. */
    record Group(Cond inner) implements Cond {
        public boolean test(Map<String, AttrValue> item) {
            return inner.test(item);
        }
    }

    record Function(String name, List<Operand> arguments) implements Cond {
        private static int indexOf(byte[] haystack, byte[] needle) {
            outer:
            for (int i = 0; i + needle.length <= haystack.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (haystack[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }

        public boolean test(Map<String, AttrValue> item) {
            return switch (name) {
                case "attribute_exists" -> arguments.get(0).eval(item) != null;
                case "attribute_not_exists" -> arguments.get(0).eval(item) == null;
                case "attribute_type" -> hasType(item);
                case "begins_with" -> beginsWith(arguments.get(0).eval(item), arguments.get(1).eval(item));
                case "contains" -> contains(arguments.get(0).eval(item), arguments.get(1).eval(item));
                default -> false;
            };
        }

        private boolean hasType(Map<String, AttrValue> item) {
            AttrValue v = arguments.get(0).eval(item);
            return v != null && arguments.get(1).eval(item) instanceof AttrValue.S type && v.type().equals(type.value());
        }

        static boolean beginsWith(AttrValue v, AttrValue prefix) {
            return v != null && prefix != null && SortCondition.beginsWith(v, prefix);
        }

        static boolean contains(AttrValue haystack, AttrValue needle) {
            if (haystack == null || needle == null) {
                return false;
            }
            if (haystack instanceof AttrValue.S s && needle instanceof AttrValue.S n) {
                return s.value().contains(n.value());
            }
            if (haystack instanceof AttrValue.B b && needle instanceof AttrValue.B n) {
                return indexOf(b.value(), n.value()) >= 0;
            }
            if (haystack instanceof AttrValue.SS ss && needle instanceof AttrValue.S n) {
                return ss.value().contains(n.value());
            }
            if (haystack instanceof AttrValue.NS ns && needle instanceof AttrValue.N n) {
                return ns.value().stream().anyMatch(x -> x.compareTo(n.value()) == 0);
            }
            if (haystack instanceof AttrValue.BS bs && needle instanceof AttrValue.B n) {
                return bs.value().stream().anyMatch(x -> java.util.Arrays.equals(x, n.value()));
            }
            if (haystack instanceof AttrValue.L l) {
                return l.value().contains(needle);
            }
            return false;
        }
    }
}
