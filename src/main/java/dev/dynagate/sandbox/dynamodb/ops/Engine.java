package dev.dynagate.sandbox.dynamodb.ops;

import dev.dynagate.sandbox.SandboxContext;
import dev.dynagate.sandbox.dynamodb.DynamoDbError;
import dev.dynagate.sandbox.dynamodb.storage.Database;
import dev.dynagate.sandbox.dynamodb.storage.TableData;
import java.time.Clock;
import java.time.Duration;

/** What the operations share: the database, the clock and how long tables stay in a transitional status. */
public final class Engine {
    private final Database database;
    private final Duration statusDelay;
    private final Clock clock;

    public Engine(Database database, Duration statusDelay, Clock clock) {
        this.database = database;
        this.statusDelay = statusDelay;
        this.clock = clock;
    }

    public Database database() {
        return database;
    }

    public Duration statusDelay() {
        return statusDelay;
    }

    public long now() {
        return clock.millis();
    }

    /** A table the data plane may use, or DynamoDB's not-found error. */
    public TableData table(String name) {
        TableData table = database.table(name);
        // a table being created or deleted does not serve items yet or any more
        if (table == null || !table.schema().status(now()).equals("ACTIVE") && !"UPDATING".equals(table.schema().busyStatus())) {
            throw DynamoDbError.resourceNotFound("Requested resource not found");
        }
        return table;
    }

    /** A table the control plane may describe or change, whatever its status, or DynamoDB's not-found error. */
    public TableData controlTable(String name) {
        TableData table = database.table(name);
        if (table == null) {
            throw DynamoDbError.resourceNotFound("Requested resource not found: Table: " + name + " not found");
        }
        return table;
    }

    /** A table the control plane may change now: it exists and is ACTIVE, or DynamoDB's error saying why not. */
    public TableData changeableTable(String name, long now) {
        TableData table = controlTable(name);
        String status = table.schema().status(now);
        if (!status.equals("ACTIVE")) {
            throw new DynamoDbError("ResourceInUseException", "Attempt to change a resource which is still in use: "
                    + "Table is being " + status.toLowerCase(java.util.Locale.ROOT).replace("ing", "ed") + ": " + name);
        }
        return table;
    }

    public static String tableArn(String name) {
        return "arn:aws:dynamodb:" + SandboxContext.REGION + ":" + SandboxContext.ACCOUNT_ID + ":table/" + name;
    }
}
