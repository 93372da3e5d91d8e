package dev.dynagate.tables;

import java.util.List;

/** The tables of one connection. Implementations block; presenters call them on the background executor. */
public interface TableCatalog {

    /** One page of table names, in the service's order, and where the next page starts (null at the end). */
    record TableNamesPage(List<String> names, String nextStart) {
    }

    TableNamesPage listTableNames(String exclusiveStart, int limit);
}
