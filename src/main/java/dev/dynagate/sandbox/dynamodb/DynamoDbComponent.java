package dev.dynagate.sandbox.dynamodb;

import dev.dynagate.sandbox.SandboxComponent;
import dev.dynagate.sandbox.SandboxContext;
import dev.dynagate.sandbox.dynamodb.ops.BatchOps;
import dev.dynagate.sandbox.dynamodb.ops.Engine;
import dev.dynagate.sandbox.dynamodb.ops.ItemOps;
import dev.dynagate.sandbox.dynamodb.ops.Keys;
import dev.dynagate.sandbox.dynamodb.ops.MemoryGuard;
import dev.dynagate.sandbox.dynamodb.ops.ReadOps;
import dev.dynagate.sandbox.dynamodb.ops.TableOps;
import dev.dynagate.sandbox.dynamodb.ops.PolicyOps;
import dev.dynagate.sandbox.dynamodb.ops.StreamOps;
import dev.dynagate.sandbox.dynamodb.ops.TagOps;
import dev.dynagate.sandbox.dynamodb.ops.TransactOps;
import dev.dynagate.sandbox.dynamodb.ops.TtlOps;
import dev.dynagate.sandbox.dynamodb.ops.TtlSweeper;
import dev.dynagate.sandbox.dynamodb.ops.ValidationLayer;
import dev.dynagate.sandbox.dynamodb.partiql.PartiqlOps;
import dev.dynagate.sandbox.dynamodb.storage.Database;
import dev.dynagate.sandbox.dynamodb.storage.LogFailure;
import dev.dynagate.sandbox.dynamodb.storage.StoredItem;
import dev.dynagate.sandbox.dynamodb.storage.TableData;
import dev.dynagate.sandbox.dynamodb.streams.StreamStore;
import dev.dynagate.sandbox.dynamodb.value.AttrValue;
import dev.dynagate.sandbox.dynamodb.wire.DynamoDbWire;
import dev.dynagate.sandbox.http.SandboxRequest;
import dev.dynagate.sandbox.http.SandboxResponse;
import dev.dynagate.sandbox.http.SandboxService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/** The DynamoDB-compatible engine: its durable database and the JSON protocol on the sandbox port. */
public final class DynamoDbComponent implements SandboxComponent, SandboxService {
    private final Database database;
    private final Engine engine;
    private final DynamoDbWire wire;
    private final TableOps tables;
    private final TtlSweeper sweeper;
    private final StreamStore streams;
    private final Path dataDir;
    private final Consumer<String> log;
    private final AtomicBoolean storageFailureReported = new AtomicBoolean();

    public DynamoDbComponent(SandboxContext context) {
        dataDir = context.dataDir("dynamodb");
        log = context.log();
        if (context.options().inMemory()) {
            database = Database.inMemory();
        } else {
            try {
                database = Database.open(dataDir, context.options().durability());
                database.recoveryNotes().forEach(context.log());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the DynamoDB data in " + dataDir, e);
            }
        }
        engine = new Engine(database, context.options().tableStatusDelay(), Clock.systemUTC());
        streams = new StreamStore(engine::now, Engine::tableArn);
        streams.open(database.tables().values().stream().map(TableData::schema).toList());
        database.listen(streams);
        StreamOps streamOps = new StreamOps(engine, streams);
        tables = new TableOps(engine);
        ItemOps items = new ItemOps(engine);
        ReadOps reads = new ReadOps(engine);
        BatchOps batches = new BatchOps(engine);
        TransactOps transactions = new TransactOps(engine);
        TtlOps ttl = new TtlOps(engine);
        TagOps tags = new TagOps(engine);
        PolicyOps policies = new PolicyOps(engine);
        MemoryGuard memory = MemoryGuard.forThisJvm();
        PartiqlOps partiql = new PartiqlOps(name -> engine.table(name).schema(), new PartiqlOps.Operations(
                items::get, memory.refusingGrowth(items::put), memory.refusingGrowth(items::update), items::delete,
                reads::query, reads::scan, memory.refusingGrowth(transactions::write), transactions::get));
        wire = new DynamoDbWire()
                .register("CreateTable", memory.refusingGrowth(tables::create))
                .register("DescribeTable", tables::describe)
                .register("ListTables", tables::list)
                .register("UpdateTable", memory.refusingGrowth(tables::update))
                .register("DeleteTable", tables::delete)
                .register("PutItem", memory.refusingGrowth(items::put))
                .register("GetItem", ValidationLayer.bare(items::get))
                .register("UpdateItem", memory.refusingGrowth(items::update))
                .register("DeleteItem", items::delete)
                .register("Query", ValidationLayer.bare(reads::query))
                .register("Scan", reads::scan)
                .register("BatchGetItem", ValidationLayer.bare(batches::get))
                .register("BatchWriteItem", memory.refusingGrowth(batches::write))
                .register("TransactWriteItems", memory.refusingGrowth(transactions::write))
                .register("TransactGetItems", transactions::get)
                .register("UpdateTimeToLive", ttl::update)
                .register("DescribeTimeToLive", ttl::describe)
                .register("TagResource", tags::tag)
                .register("UntagResource", tags::untag)
                .register("ListTagsOfResource", tags::list)
                .register("PutResourcePolicy", policies::put)
                .register("GetResourcePolicy", policies::get)
                .register("DeleteResourcePolicy", policies::delete)
                .register("ExecuteStatement", partiql::execute)
                .register("BatchExecuteStatement", partiql::batch)
                .register("ExecuteTransaction", partiql::transaction)
                .register("DescribeEndpoints", r -> BatchOps.endpoints(context))
                .register("DescribeLimits", r -> BatchOps.limits())
                .registerStreams("ListStreams", streamOps::list)
                .registerStreams("DescribeStream", streamOps::describe)
                .registerStreams("GetShardIterator", streamOps::iterator)
                .registerStreams("GetRecords", streamOps::records);
        sweeper = new TtlSweeper(engine);
    }

    /** The tables' DynamoDB streams, for in-process readers (Lambda triggers). */
    public StreamStore streams() {
        return streams;
    }

    /** The engine's database, for in-process callers and tests. */
    public Database database() {
        return database;
    }

    /**
     * Runs one operation in-process (the sandbox seeding its own data), with the wire's JSON for the request and the
     * answer; an error is thrown as the {@link DynamoDbError} a client would have received.
     */
    public ObjectNode call(String operation, JsonNode request) {
        return wire.call(operation, request);
    }

    /**
     * Stores many items in one durable commit, for seeding data the sandbox generates itself: no 25-item batches and
     * one disk flush. Each item gets a PutItem's checks (key attributes of the table and its indexes, item size).
     */
    public void putAll(String table, List<Map<String, AttrValue>> items) {
        TableData data = database.table(table);
        if (data == null) {
            throw DynamoDbError.resourceNotFound("Requested resource not found");
        }
        List<StoredItem> stored = new ArrayList<>(items.size());
        for (Map<String, AttrValue> item : items) {
            Keys.checkPut(data.schema(), item);
            stored.add(StoredItem.of(item));
        }
        database.write(changes -> {
            stored.forEach(item -> changes.put(table, item));
            return null;
        });
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

    /**
     * Answers without waiting for the disk: a write is committed and visible, and its response is released once the
     * write-ahead log holds it, so no thread sits in an fsync per request and one flush covers every write made
     * meanwhile.
     */
    @Override
    public CompletionStage<SandboxResponse> handleAsync(SandboxRequest request) {
        Database.Deferred<SandboxResponse> answer;
        try {
            answer = database.deferringDurability(() -> wire.handle(request));
        } catch (LogFailure failure) {
            return CompletableFuture.completedFuture(refused(failure, request));
        }
        return answer.durable().handle((durable, error) -> {
            if (error == null) {
                return answer.value();
            }
            Throwable cause = error instanceof CompletionException ? error.getCause() : error;
            if (cause instanceof LogFailure failure) {
                return refused(failure, request);
            }
            throw error instanceof CompletionException completion ? completion : new CompletionException(error);
        });
    }

    /**
     * A write the log could not keep: said once in the sandbox's messages and in every refusal, with what to do,
     * rather than a bare "Internal server error" and a stack trace per request.
     */
    private SandboxResponse refused(LogFailure failure, SandboxRequest request) {
        String what = dataDir + " cannot be written (" + failure.reason() + ")";
        if (storageFailureReported.compareAndSet(false, true)) {
            log.accept("DynamoDB data: " + what + ". Writes are refused from now on; reads still work. Free some "
                    + "space (or make the folder writable), then restart the sandbox.");
        }
        return wire.internalError("The sandbox could not keep this write: the DynamoDB data in " + what + ". Writes "
                + "are refused until the sandbox is restarted; free some space (or make the folder writable), then "
                + "restart it.", request);
    }

    /** Nothing here blocks once writes are deferred: every request is answered on the thread that read it. */
    @Override
    public boolean quick(SandboxRequest request) {
        return true;
    }

    @Override
    public void close() {
        sweeper.close();
        tables.close();
        database.close();
    }
}
