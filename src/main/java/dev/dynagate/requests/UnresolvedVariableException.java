package dev.dynagate.requests;

/** A {@code {{name}}} with no value in the environment, collection or globals. The request is not sent. */
public final class UnresolvedVariableException extends IllegalArgumentException {
    private final String variable;
    private final String where;

    public UnresolvedVariableException(String variable, String where) {
        super("The variable {{" + variable + "}} in the " + where + " has no value. Define it in the environment, "
                + "or remove the braces.");
        this.variable = variable;
        this.where = where;
    }

    public String variable() {
        return variable;
    }

    /** Which part of the request uses it: "URL", "header X-Token", "body", "auth"… */
    public String where() {
        return where;
    }
}
