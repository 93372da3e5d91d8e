package dev.dynagate.sandbox.dynamodb;

import static dev.dynagate.sandbox.dynamodb.EngineFixture.key;
import static dev.dynagate.sandbox.dynamodb.EngineFixture.n;
import static dev.dynagate.sandbox.dynamodb.EngineFixture.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class DurabilityTest {
    @TempDir
    Path dir;

    @Test
    void tablesItemsAndIndexesSurviveRestart() throws Exception {
        EngineFixture engine = EngineFixture.start(dir);
        engine.createTable("Keep", ScalarAttributeType.N);
        for (int i = 0; i < 50; i++) {
            int v = i;
            engine.client.putItem(b -> b.tableName("Keep").item(Map.of("pk", s("p" + (v % 5)), "sk", n(Integer.toString(v)),
                    "color", s(v % 2 == 0 ? "red" : "blue"))));
        }
        engine.client.deleteItem(b -> b.tableName("Keep").key(Map.of("pk", s("p0"), "sk", n("0"))));
        engine.client.updateTable(b -> b.tableName("Keep")
                .attributeDefinitions(a -> a.attributeName("color").attributeType(ScalarAttributeType.S))
                .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder().create(c -> c.indexName("byColor")
                        .keySchema(k -> k.attributeName("color").keyType("HASH"))
                        .projection(p -> p.projectionType(ProjectionType.ALL))).build()));
        engine.client.updateTimeToLive(b -> b.tableName("Keep").timeToLiveSpecification(t -> t.enabled(true).attributeName("exp")));
        engine = engine.restart();
        try {
            assertThat(engine.client.describeTable(b -> b.tableName("Keep")).table().itemCount()).isEqualTo(49);
            assertThat(engine.client.query(b -> b.tableName("Keep").indexName("byColor").keyConditionExpression("color = :c")
                    .expressionAttributeValues(Map.of(":c", s("red")))).count()).isEqualTo(24);
            assertThat(engine.client.describeTimeToLive(b -> b.tableName("Keep")).timeToLiveDescription().attributeName()).isEqualTo("exp");
            // the restart wrote a snapshot; a second restart reads it back
            engine.client.putItem(b -> b.tableName("Keep").item(Map.of("pk", s("after"), "sk", n("1"))));
            Thread.sleep(300);
            engine = engine.restart();
            assertThat(engine.client.describeTable(b -> b.tableName("Keep")).table().itemCount()).isEqualTo(50);
        } finally {
            engine.close();
        }
    }

    @Test
    void concurrentConditionalIncrementsLoseNoUpdate() throws Exception {
        try (EngineFixture engine = EngineFixture.start(dir)) {
            engine.createTable("Counter", null);
            engine.client.putItem(b -> b.tableName("Counter").item(Map.of("pk", s("c"), "v", n("0"))));
            int threads = 16;
            int each = 25;
            AtomicInteger conflicts = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    int done = 0;
                    while (done < each) {
                        String current = engine.client.getItem(b -> b.tableName("Counter").key(key("c")).consistentRead(true))
                                .item().get("v").n();
                        String next = Integer.toString(Integer.parseInt(current) + 1);
                        try {
                            engine.client.updateItem(b -> b.tableName("Counter").key(key("c")).updateExpression("SET v = :next")
                                    .conditionExpression("v = :current")
                                    .expressionAttributeValues(Map.of(":next", n(next), ":current", n(current))));
                            done++;
                        } catch (ConditionalCheckFailedException e) {
                            conflicts.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            pool.shutdown();
            assertThat(engine.client.getItem(b -> b.tableName("Counter").key(key("c"))).item().get("v").n())
                    .isEqualTo(Integer.toString(threads * each));
        }
    }
}
