package dev.dynagate.tables;

/** Text that is not a valid item, with where the problem is (1-based line and column; 0 when unknown). */
public final class JsonProblem extends IllegalArgumentException {
    private final int line;
    private final int column;

    public JsonProblem(String message, int line, int column) {
        super(message);
        this.line = line;
        this.column = column;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** "Line 3, column 7: …" */
    public String located() {
        return line > 0 ? "Line " + line + ", column " + column + ": " + getMessage() : getMessage();
    }
}
