package dev.dynagate.requests.collections;

/**
 * The outcome of one assertion or capture on one response: what was checked (worded for people), whether it
 * passed, and the expected and actual values as shown in reports.
 */
public record CheckResult(String description, boolean passed, String expected, String actual) {

    public static CheckResult pass(String description, String expected, String actual) {
        return new CheckResult(description, true, expected, actual);
    }

    public static CheckResult fail(String description, String expected, String actual) {
        return new CheckResult(description, false, expected, actual);
    }

    /** The failure line: {@code "Create experiment" › status equals 201: expected 201, actual 500}. */
    public String message(String requestName) {
        return "\"" + requestName + "\" › " + description + ": expected " + expected + ", actual " + actual;
    }
}
