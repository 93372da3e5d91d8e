package dev.dynagate.sandbox.dynamodb;

import dev.dynagate.sandbox.SandboxComponent;
import dev.dynagate.sandbox.SandboxContext;
import dev.dynagate.sandbox.dynamodb.ops.BatchOps;
import dev.dynagate.sandbox.dynamodb.ops.Engine;
import dev.dynagate.sandbox.dynamodb.ops.ItemOps;
import dev.dynagate.sandbox.dynamodb.ops.ReadOps;
import dev.dynagate.sandbox.dynamodb.ops.TableOps;
import dev.dynagate.sandbox.dynamodb.ops.TagOps;
import dev.dynagate.sandbox.dynamodb.ops.TransactOps;
import dev.dynagate.sandbox.dynamodb.ops.TtlOps;
import dev.dynagate.sandbox.dynamodb.ops.TtlSweeper;
import dev.dynagate.sandbox.dynamodb.storage.Database;
import dev.dynagate.sandbox.dynamodb.wire.DynamoDbWire;
import dev.dynagate.sandbox.http.SandboxRequest;
import dev.dynagate.sandbox.http.SandboxResponse;
import dev.dynagate.sandbox.http.SandboxService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;

/** The DynamoDB-compatible engine: its durable database and the JSON protocol on the sandbox port. */
public final class DynamoDbComponent implements SandboxComponent, SandboxService {
    private final Database database;
    private final Engine engine;
    private final DynamoDbWire wire;
    private final TableOps tables;
    private final TtlSweeper sweeper;

    public DynamoDbComponent(SandboxContext context) {
        try {
            database = Database.open(context.dataDir("dynamodb"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the DynamoDB data in " + context.dataDir("dynamodb"), e);
        }
        engine = new Engine(database, context.options().tableStatusDelay(), Clock.systemUTC());
        tables = new TableOps(engine);
        ItemOps items = new ItemOps(engine);
        ReadOps reads = new ReadOps(engine);
        BatchOps batches = new BatchOps(engine);
        TransactOps transactions = new TransactOps(engine);
        TtlOps ttl = new TtlOps(engine);
        TagOps tags = new TagOps(engine);
        wire = new DynamoDbWire()
                .register("CreateTable", tables::create)
                .register("DescribeTable", tables::describe)
                .register("ListTables", tables::list)
                .register("UpdateTable", tables::update)
                .register("DeleteTable", tables::delete)
                .register("PutItem", items::put)
                .register("GetItem", items::get)
                .register("UpdateItem", items::update)
                .register("DeleteItem", items::delete)
                .register("Query", reads::query)
                .register("Scan", reads::scan)
                .register("BatchGetItem", batches::get)
                .register("BatchWriteItem", batches::write)
                .register("TransactWriteItems", transactions::write)
                .register("TransactGetItems", transactions::get)
                .register("UpdateTimeToLive", ttl::update)
                .register("DescribeTimeToLive", ttl::describe)
                .register("TagResource", tags::tag)
                .register("UntagResource", tags::untag)
                .register("ListTagsOfResource", tags::list)
                .register("DescribeEndpoints", r -> BatchOps.endpoints(context));
        sweeper = new TtlSweeper(engine);
    }

    /** The engine's database, for in-process callers and tests. */
    public Database database() {
        return database;
    }

    @Override
    public List<SandboxService> services() {
        return List.of(this);
    }

    @Override
    public boolean accepts(SandboxRequest request) {
        return DynamoDbWire.accepts(request);
    }

    @Override
    public SandboxResponse handle(SandboxRequest request) {
        return wire.handle(request);
    }

    @Override
    public void close() {
        sweeper.close();
        tables.close();
        database.close();
    }
}
