package dev.dynagate.tables;

import java.util.List;

/** The operators of a filter row, rendered into a DynamoDB condition expression. */
public enum FilterOp {
    EQ("=", 1), NE("≠", 1), LT("<", 1), LE("≤", 1), GT(">", 1), GE("≥", 1), BETWEEN("BETWEEN", 2),
    IN("IN", -1), BEGINS_WITH("begins_with", 1), CONTAINS("contains", 1), EXISTS("exists", 0),
    NOT_EXISTS("not exists", 0), ATTRIBUTE_TYPE("attribute_type", 1),
    SIZE_EQ("size =", 1), SIZE_NE("size ≠", 1), SIZE_LT("size <", 1), SIZE_LE("size ≤", 1), SIZE_GT("size >", 1),
    SIZE_GE("size ≥", 1), SIZE_BETWEEN("size BETWEEN", 2);

    private final String label;
    private final int operands;

    FilterOp(String label, int operands) {
        this.label = label;
        this.operands = operands;
    }

    /** How many values the operator takes; -1 for IN, which takes one or more. */
    public int operands() {
        return operands;
    }

    /** Whether the value is a number whatever the attribute's type (size) or a type code (attribute_type). */
    public boolean takesNumber() {
        return name().startsWith("SIZE_");
    }

    String render(String path, List<String> values) {
        String subject = takesNumber() ? "size(" + path + ")" : path;
        return switch (this) {
            case EQ, SIZE_EQ -> subject + " = " + values.get(0);
            case NE, SIZE_NE -> subject + " <> " + values.get(0);
            case LT, SIZE_LT -> subject + " < " + values.get(0);
            case LE, SIZE_LE -> subject + " <= " + values.get(0);
            case GT, SIZE_GT -> subject + " > " + values.get(0);
            case GE, SIZE_GE -> subject + " >= " + values.get(0);
            case BETWEEN, SIZE_BETWEEN -> subject + " BETWEEN " + values.get(0) + " AND " + values.get(1);
            case IN -> path + " IN (" + String.join(", ", values) + ")";
            case BEGINS_WITH -> "begins_with(" + path + ", " + values.get(0) + ")";
            case CONTAINS -> "contains(" + path + ", " + values.get(0) + ")";
            case EXISTS -> "attribute_exists(" + path + ")";
            case NOT_EXISTS -> "attribute_not_exists(" + path + ")";
            case ATTRIBUTE_TYPE -> "attribute_type(" + path + ", " + values.get(0) + ")";
        };
    }

    @Override
    public String toString() {
        return label;
    }
}
