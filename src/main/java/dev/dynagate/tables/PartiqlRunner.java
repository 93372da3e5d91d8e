package dev.dynagate.tables;

import java.util.List;
import java.util.Map;

/** Runs PartiQL statements on one connection (ExecuteStatement). Implementations block: call them off the UI. */
public interface PartiqlRunner {

    /** What one ExecuteStatement answered: its items, where the next page starts (null: none), capacity used. */
    record Page(List<Map<String, Attr>> items, String nextToken, Double capacityUnits) {
        public Page {
            items = List.copyOf(items);
        }
    }

    /** Runs {@code statement}, continuing after {@code nextToken} (null for the first page). */
    Page execute(String statement, String nextToken);
}
