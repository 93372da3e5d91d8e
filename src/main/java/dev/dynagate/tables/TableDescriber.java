package dev.dynagate.tables;

/** Describes one table. Blocks; presenters call it on the background executor. */
@FunctionalInterface
public interface TableDescriber {

    TableDescription describe(String tableName);
}
