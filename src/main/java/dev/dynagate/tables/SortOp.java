package dev.dynagate.tables;

/** The sort-key conditions a Query allows. */
public enum SortOp {
    EQ("="), LT("<"), LE("<="), GT(">"), GE(">="), BETWEEN("BETWEEN"), BEGINS_WITH("begins_with");

    private final String label;

    SortOp(String label) {
        this.label = label;
    }

    public int operands() {
        return this == BETWEEN ? 2 : 1;
    }

    String render(String name, String first, String second) {
        return switch (this) {
            case BETWEEN -> name + " BETWEEN " + first + " AND " + second;
            case BEGINS_WITH -> "begins_with(" + name + ", " + first + ")";
            default -> name + " " + label + " " + first;
        };
    }

    @Override
    public String toString() {
        return label;
    }
}
