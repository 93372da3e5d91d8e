package dev.dynagate.requests.collections;

/** Lets tests in other packages validate a JUnit report against the strict schema. */
public final class ReportsTestAccess {
    private ReportsTestAccess() {
    }

    public static void validate(String xml) throws Exception {
        ReportsTest.validate(xml);
    }
}
