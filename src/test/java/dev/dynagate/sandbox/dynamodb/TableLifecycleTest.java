package dev.dynagate.sandbox.dynamodb;

import static dev.dynagate.sandbox.dynamodb.EngineFixture.def;
import static dev.dynagate.sandbox.dynamodb.EngineFixture.n;
import static dev.dynagate.sandbox.dynamodb.EngineFixture.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableClass;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

class TableLifecycleTest extends EngineTest {
    private static KeySchemaElement hash(String name) {
        return KeySchemaElement.builder().attributeName(name).keyType(KeyType.HASH).build();
    }

    private static KeySchemaElement range(String name) {
        return KeySchemaElement.builder().attributeName(name).keyType(KeyType.RANGE).build();
    }

    @Test
    void createDescribeWithIndexesAndFigures() {
        TableDescription created = engine.client.createTable(CreateTableRequest.builder().tableName("Orders")
                .attributeDefinitions(def("pk", ScalarAttributeType.S), def("sk", ScalarAttributeType.N),
                        def("status", ScalarAttributeType.S), def("total", ScalarAttributeType.N))
                .keySchema(hash("pk"), range("sk"))
                .provisionedThroughput(ProvisionedThroughput.builder().readCapacityUnits(5L).writeCapacityUnits(7L).build())
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byStatus")
                        .keySchema(hash("status"), range("sk"))
                        .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build())
                        .provisionedThroughput(ProvisionedThroughput.builder().readCapacityUnits(1L).writeCapacityUnits(1L).build())
                        .build())
                .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("byTotal")
                        .keySchema(hash("pk"), range("total"))
                        .projection(Projection.builder().projectionType(ProjectionType.INCLUDE).nonKeyAttributes("note").build())
                        .build())
                .tags(Tag.builder().key("team").value("core").build())
                .build()).tableDescription();
        assertThat(created.tableStatus()).isEqualTo(TableStatus.CREATING);
        assertThat(created.tableArn()).isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/Orders");

        engine.client.putItem(b -> b.tableName("Orders").item(Map.of("pk", s("a"), "sk", n("1"), "status", s("open"),
                "total", n("10"), "note", s("hello"), "other", s("x"))));
        engine.client.putItem(b -> b.tableName("Orders").item(Map.of("pk", s("a"), "sk", n("2"))));

        TableDescription table = engine.client.describeTable(b -> b.tableName("Orders")).table();
        assertThat(table.tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(table.itemCount()).isEqualTo(2);
        assertThat(table.tableSizeBytes()).isGreaterThan(20);
        assertThat(table.provisionedThroughput().readCapacityUnits()).isEqualTo(5);
        assertThat(table.provisionedThroughput().writeCapacityUnits()).isEqualTo(7);
        assertThat(table.creationDateTime()).isNotNull();
        assertThat(table.globalSecondaryIndexes()).singleElement().satisfies(i -> {
            assertThat(i.indexName()).isEqualTo("byStatus");
            assertThat(i.itemCount()).isEqualTo(1);
            assertThat(i.indexStatusAsString()).isEqualTo("ACTIVE");
        });
        assertThat(table.localSecondaryIndexes()).singleElement().satisfies(i -> {
            assertThat(i.itemCount()).isEqualTo(1);
            assertThat(i.projection().nonKeyAttributes()).containsExactly("note");
        });
        assertThat(engine.client.listTagsOfResource(b -> b.resourceArn(table.tableArn())).tags())
                .containsExactly(Tag.builder().key("team").value("core").build());
    }

    @Test
    void duplicateAndMissingTables() {
        engine.createTable("Tbl1", null);
        assertThatThrownBy(() -> engine.createTable("Tbl1", null)).isInstanceOf(ResourceInUseException.class)
                .hasMessageContaining("Table already exists: Tbl1");
        assertThatThrownBy(() -> engine.client.describeTable(b -> b.tableName("Nope")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("Requested resource not found: Table: Nope not found");
        assertThatThrownBy(() -> engine.client.getItem(b -> b.tableName("Nope").key(EngineFixture.key("a"))))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageStartingWith("Requested resource not found");
    }

    @Test
    void attributeDefinitionsAreValidated() {
        assertThatThrownBy(() -> engine.client.createTable(CreateTableRequest.builder().tableName("Bad")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(def("pk", ScalarAttributeType.S), def("extra", ScalarAttributeType.S))
                .keySchema(hash("pk")).build()))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions");
        assertThatThrownBy(() -> engine.client.createTable(CreateTableRequest.builder().tableName("Bad")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(def("pk", ScalarAttributeType.S))
                .keySchema(hash("id")).build()))
                .hasMessageContaining("Some index key attributes are not defined in AttributeDefinitions");
        assertThatThrownBy(() -> engine.client.createTable(CreateTableRequest.builder().tableName("Bad")
                .attributeDefinitions(def("pk", ScalarAttributeType.S))
                .keySchema(hash("pk")).build()))
                .hasMessageContaining("ReadCapacityUnits and WriteCapacityUnits must both be specified");
    }

    @Test
    void listTablesPaginates() {
        for (String name : new String[] {"ccc", "aaa", "bbb", "ddd"}) {
            engine.createTable(name, null);
        }
        ListTablesResponse first = engine.client.listTables(b -> b.limit(3));
        assertThat(first.tableNames()).containsExactly("aaa", "bbb", "ccc");
        assertThat(first.lastEvaluatedTableName()).isEqualTo("ccc");
        ListTablesResponse second = engine.client.listTables(b -> b.limit(3).exclusiveStartTableName("ccc"));
        assertThat(second.tableNames()).containsExactly("ddd");
        assertThat(second.lastEvaluatedTableName()).isNull();
        assertThat(engine.client.listTablesPaginator(b -> b.limit(1)).tableNames()).containsExactly("aaa", "bbb", "ccc", "ddd");
    }

    @Test
    void updateTableAddsAndRemovesGsiWithBackfill() {
        engine.createTable("Items", null);
        engine.client.putItem(b -> b.tableName("Items").item(Map.of("pk", s("1"), "color", s("red"))));
        engine.client.putItem(b -> b.tableName("Items").item(Map.of("pk", s("2"), "color", s("blue"))));
        engine.client.putItem(b -> b.tableName("Items").item(Map.of("pk", s("3"))));
        TableDescription updating = engine.client.updateTable(b -> b.tableName("Items")
                .attributeDefinitions(def("color", ScalarAttributeType.S))
                .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder().create(c -> c.indexName("byColor")
                        .keySchema(hash("color")).projection(p -> p.projectionType(ProjectionType.ALL))).build()))
                .tableDescription();
        assertThat(updating.tableStatus()).isEqualTo(TableStatus.UPDATING);
        assertThat(updating.globalSecondaryIndexes()).singleElement()
                .satisfies(i -> assertThat(i.indexStatus()).isEqualTo(IndexStatus.CREATING));
        TableDescription table = engine.client.describeTable(b -> b.tableName("Items")).table();
        assertThat(table.globalSecondaryIndexes()).singleElement().satisfies(i -> assertThat(i.itemCount()).isEqualTo(2));
        assertThat(engine.client.scan(b -> b.tableName("Items").indexName("byColor")).count()).isEqualTo(2);

        engine.client.updateTable(b -> b.tableName("Items").globalSecondaryIndexUpdates(
                GlobalSecondaryIndexUpdate.builder().delete(d -> d.indexName("byColor")).build()));
        TableDescription after = engine.client.describeTable(b -> b.tableName("Items")).table();
        assertThat(after.hasGlobalSecondaryIndexes()).isFalse();
        assertThat(after.attributeDefinitions()).hasSize(1);
    }

    /** What UpdateTable checks of the attribute definitions that come with a new index. */
    @Test
    void aNewIndexNeedsItsKeysInTheRequestsDefinitionsAndKeepsStoredTypes() {
        engine.createTable("Defs", ScalarAttributeType.S);
        assertThatThrownBy(() -> engine.client.updateTable(b -> b.tableName("Defs")
                .attributeDefinitions(def("g3", ScalarAttributeType.S))
                .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder().create(c -> c.indexName("shared")
                        .keySchema(hash("pk"), range("g3")).projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)))
                        .build())))
                .hasMessageContaining("Some index key attributes are not defined in AttributeDefinitions. Keys: [pk]");
        TableDescription redeclared = engine.client.updateTable(b -> b.tableName("Defs")
                .attributeDefinitions(def("pk", ScalarAttributeType.N), def("gsiPk", ScalarAttributeType.S))
                .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder().create(c -> c.indexName("redecl")
                        .keySchema(hash("gsiPk")).projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)))
                        .build())).tableDescription();
        assertThat(redeclared.attributeDefinitions())
                .extracting(d -> d.attributeName() + "=" + d.attributeTypeAsString())
                .containsExactlyInAnyOrder("pk=S", "sk=S", "gsiPk=S");
    }

    @Test
    void updateTableChangesTheTableClassAloneAndRefusesAnUnchangedThroughput() {
        engine.createTable("Cls", null);
        engine.client.updateTable(b -> b.tableName("Cls").tableClass(TableClass.STANDARD_INFREQUENT_ACCESS));
        assertThat(engine.client.describeTable(b -> b.tableName("Cls")).table().tableClassSummary().tableClass())
                .isEqualTo(TableClass.STANDARD_INFREQUENT_ACCESS);
        createProvisioned(engine, "Same");
        assertThatThrownBy(() -> engine.client.updateTable(b -> b.tableName("Same").billingMode(BillingMode.PROVISIONED)
                .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L))))
                .hasMessageContaining("The provisioned throughput for the table will not change");
        assertThatThrownBy(() -> engine.client.createTable(b -> b.tableName("Twice")
                .attributeDefinitions(def("pk", ScalarAttributeType.S)).keySchema(hash("pk"), range("pk"))
                .billingMode(BillingMode.PAY_PER_REQUEST)))
                .hasMessageContaining("Invalid KeySchema: Some index key attribute have no definition");
        assertThatThrownBy(() -> engine.client.createTable(b -> b.tableName("Twice")
                .attributeDefinitions(def("pk", ScalarAttributeType.S), def("sk", ScalarAttributeType.S))
                .keySchema(hash("pk"), range("pk")).billingMode(BillingMode.PAY_PER_REQUEST)))
                .hasMessageContaining("Both the Hash Key and the Range Key element in the KeySchema have the same "
                        + "name");
    }

    @Test
    void onDemandLimitsAndKmsEncryptionAreKeptAndDescribed() {
        engine.client.createTable(b -> b.tableName("Kept").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(def("pk", ScalarAttributeType.S)).keySchema(hash("pk"))
                .onDemandThroughput(o -> o.maxReadRequestUnits(10L).maxWriteRequestUnits(5L))
                .sseSpecification(e -> e.enabled(true)));
        TableDescription created = engine.client.describeTable(b -> b.tableName("Kept")).table();
        assertThat(created.onDemandThroughput().maxReadRequestUnits()).isEqualTo(10L);
        assertThat(created.sseDescription().statusAsString()).isEqualTo("ENABLED");
        assertThat(created.sseDescription().sseTypeAsString()).isEqualTo("KMS");
        assertThat(created.sseDescription().kmsMasterKeyArn()).startsWith("arn:aws:kms:");

        engine.client.updateTable(b -> b.tableName("Kept")
                .onDemandThroughput(o -> o.maxReadRequestUnits(20L).maxWriteRequestUnits(15L)));
        TableDescription updated = engine.client.describeTable(b -> b.tableName("Kept")).table();
        assertThat(updated.onDemandThroughput().maxWriteRequestUnits()).isEqualTo(15L);
        assertThat(updated.sseDescription().kmsMasterKeyArn()).isEqualTo(created.sseDescription().kmsMasterKeyArn());
    }

    @Test
    void billingModeAndThroughputAreKept() {
        engine.createTable("Bill", null);
        engine.client.updateTable(b -> b.tableName("Bill").billingMode(BillingMode.PROVISIONED)
                .provisionedThroughput(p -> p.readCapacityUnits(3L).writeCapacityUnits(4L)));
        TableDescription table = engine.client.describeTable(b -> b.tableName("Bill")).table();
        assertThat(table.provisionedThroughput().readCapacityUnits()).isEqualTo(3);
        assertThat(table.billingModeSummary()).isNull();
    }

    private static void createProvisioned(EngineFixture on, String name) {
        on.client.createTable(b -> b.tableName(name).attributeDefinitions(def("pk", ScalarAttributeType.S),
                        def("color", ScalarAttributeType.S))
                .keySchema(hash("pk"))
                .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byColor").keySchema(hash("color"))
                        .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build())
                        .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L)).build()));
    }

    /** As on DynamoDB: the answer to UpdateTable still shows the units in force, with the time of the change. */
    @Test
    void throughputChangeIsAnsweredWithTheUnitsStillInForce() {
        createProvisioned(engine, "Cap");
        TableDescription answer = engine.client.updateTable(b -> b.tableName("Cap")
                .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(6L))).tableDescription();

        assertThat(answer.tableStatus()).isEqualTo(TableStatus.UPDATING);
        assertThat(answer.provisionedThroughput().readCapacityUnits()).isEqualTo(1);
        assertThat(answer.provisionedThroughput().writeCapacityUnits()).isEqualTo(1);
        assertThat(answer.provisionedThroughput().lastIncreaseDateTime()).isNotNull();
        TableDescription after = engine.client.describeTable(b -> b.tableName("Cap")).table();
        assertThat(after.tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(after.provisionedThroughput().readCapacityUnits()).isEqualTo(5);
        assertThat(after.provisionedThroughput().writeCapacityUnits()).isEqualTo(6);
    }

    @Test
    void throughputChangeTakesEffectWhenTheTableIsActiveAgain(@TempDir Path other) throws Exception {
        try (EngineFixture slow = EngineFixture.start(other, Duration.ofMillis(600))) {
            createProvisioned(slow, "Slow");
            Thread.sleep(700);
            slow.client.updateTable(b -> b.tableName("Slow")
                    .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder().update(u -> u.indexName("byColor")
                            .provisionedThroughput(p -> p.readCapacityUnits(3L).writeCapacityUnits(4L))).build()));

            TableDescription during = slow.client.describeTable(b -> b.tableName("Slow")).table();
            assertThat(during.tableStatus()).isEqualTo(TableStatus.UPDATING);
            assertThat(during.globalSecondaryIndexes().get(0).provisionedThroughput().readCapacityUnits()).isEqualTo(1);
            assertThat(during.globalSecondaryIndexes().get(0).indexStatus()).isEqualTo(IndexStatus.UPDATING);
            Thread.sleep(700);
            TableDescription after = slow.client.describeTable(b -> b.tableName("Slow")).table();
            assertThat(after.tableStatus()).isEqualTo(TableStatus.ACTIVE);
            assertThat(after.globalSecondaryIndexes().get(0).provisionedThroughput().readCapacityUnits()).isEqualTo(3);
            assertThat(after.globalSecondaryIndexes().get(0).indexStatus()).isEqualTo(IndexStatus.ACTIVE);
            assertThat(after.globalSecondaryIndexes().get(0).provisionedThroughput().writeCapacityUnits()).isEqualTo(4);
            assertThat(after.provisionedThroughput().readCapacityUnits()).isEqualTo(1);
        }
    }

    /** Key attribute names are 1 to 255 characters: DynamoDB's constraint, reported before any other check. */
    @Test
    void keyAttributeNamesAreAtMost255Characters() {
        String tooLong = "k".repeat(256);
        assertThatThrownBy(() -> engine.client.createTable(b -> b.tableName("LongKey")
                .billingMode(BillingMode.PAY_PER_REQUEST).attributeDefinitions(def(tooLong, ScalarAttributeType.S))
                .keySchema(hash(tooLong))))
                .hasMessageContaining("at 'attributeDefinitions.1.member.attributeName' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 255");
        String longest = "k".repeat(255);
        engine.client.createTable(b -> b.tableName("LongKey").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(def(longest, ScalarAttributeType.S)).keySchema(hash(longest)));
        assertThat(engine.client.describeTable(b -> b.tableName("LongKey")).table().keySchema().get(0).attributeName())
                .isEqualTo(longest);
    }

    @Test
    void deleteTable() {
        engine.createTable("Gone", null);
        TableDescription answer = engine.client.deleteTable(b -> b.tableName("Gone")).tableDescription();
        assertThat(answer.tableStatus()).isEqualTo(TableStatus.DELETING);
        // as DynamoDB answers it: the name and figures, not the table's shape
        assertThat(answer.tableName()).isEqualTo("Gone");
        assertThat(answer.hasKeySchema()).isFalse();
        assertThat(answer.hasAttributeDefinitions()).isFalse();
        assertThat(answer.creationDateTime()).isNull();
        assertThat(engine.client.listTables().tableNames()).doesNotContain("Gone");
        assertThatThrownBy(() -> engine.client.deleteTable(b -> b.tableName("Gone")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void statusDelayKeepsTransitionalStatus(@TempDir Path other) throws Exception {
        try (EngineFixture slow = EngineFixture.start(other, Duration.ofMillis(600))) {
            slow.createTable("Slow", null);
            assertThat(slow.client.describeTable(b -> b.tableName("Slow")).table().tableStatus())
                    .isEqualTo(TableStatus.CREATING);
            assertThatThrownBy(() -> slow.client.putItem(b -> b.tableName("Slow").item(EngineFixture.key("a"))))
                    .isInstanceOf(ResourceNotFoundException.class);
            Thread.sleep(700);
            slow.client.putItem(b -> b.tableName("Slow").item(EngineFixture.key("a")));
            assertThat(slow.client.describeTable(b -> b.tableName("Slow")).table().tableStatus())
                    .isEqualTo(TableStatus.ACTIVE);
        }
    }

    @Test
    void timeToLiveDeletesExpiredItems() throws Exception {
        engine.createTable("Ttl", null);
        engine.client.updateTimeToLive(b -> b.tableName("Ttl").timeToLiveSpecification(t -> t.enabled(true).attributeName("expires")));
        assertThat(engine.client.describeTimeToLive(b -> b.tableName("Ttl")).timeToLiveDescription().timeToLiveStatus())
                .isEqualTo(TimeToLiveStatus.ENABLED);
        long now = System.currentTimeMillis() / 1000;
        engine.client.putItem(b -> b.tableName("Ttl").item(Map.of("pk", s("old"), "expires", n(Long.toString(now - 10)))));
        engine.client.putItem(b -> b.tableName("Ttl").item(Map.of("pk", s("new"), "expires", n(Long.toString(now + 3600)))));
        engine.client.putItem(b -> b.tableName("Ttl").item(Map.of("pk", s("none"))));
        // an expiry more than five years in the past is not considered, as DynamoDB documents
        engine.client.putItem(b -> b.tableName("Ttl").item(Map.of("pk", s("ancient"), "expires", n("0"))));
        engine.client.putItem(b -> b.tableName("Ttl").item(Map.of("pk", s("six-years"),
                "expires", n(Long.toString(now - 6L * 366 * 86400)))));
        engine.client.putItem(b -> b.tableName("Ttl").item(Map.of("pk", s("four-years"),
                "expires", n(Long.toString(now - 4L * 365 * 86400)))));
        long deadline = System.currentTimeMillis() + 10_000;
        while (engine.client.getItem(b -> b.tableName("Ttl").key(EngineFixture.key("old"))).hasItem()
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertThat(engine.client.getItem(b -> b.tableName("Ttl").key(EngineFixture.key("old"))).hasItem()).isFalse();
        assertThat(engine.client.getItem(b -> b.tableName("Ttl").key(EngineFixture.key("four-years"))).hasItem())
                .isFalse();
        assertThat(engine.client.scan(b -> b.tableName("Ttl")).items()).extracting(i -> i.get("pk").s())
                .containsExactlyInAnyOrder("new", "none", "ancient", "six-years");
        assertThatThrownBy(() -> engine.client.updateTimeToLive(b -> b.tableName("Ttl")
                .timeToLiveSpecification(t -> t.enabled(true).attributeName("expires"))))
                .hasMessageContaining("TimeToLive is already enabled");
    }

    @Test
    void tagsCanBeAddedAndRemoved() {
        engine.createTable("Tagged", null);
        String arn = engine.client.describeTable(b -> b.tableName("Tagged")).table().tableArn();
        engine.client.tagResource(b -> b.resourceArn(arn).tags(Tag.builder().key("a").value("1").build(),
                Tag.builder().key("b").value("2").build()));
        engine.client.untagResource(b -> b.resourceArn(arn).tagKeys("a"));
        assertThat(engine.client.listTagsOfResource(b -> b.resourceArn(arn)).tags())
                .containsExactly(Tag.builder().key("b").value("2").build());
        assertThatThrownBy(() -> engine.client.tagResource(b -> b.resourceArn(arn).tags(java.util.List.of())))
                .hasMessageStartingWith("Atleast one Tag needs to be provided as Input.");
        assertThatThrownBy(() -> engine.client.tagResource(b -> b.resourceArn(arn)
                .tags(Tag.builder().key("long").value("v".repeat(257)).build())))
                .hasMessageStartingWith("The Tag Value provided is invalid, Value: vvv");
        engine.client.tagResource(b -> b.resourceArn(arn)
                .tags(Tag.builder().key("max").value("v".repeat(256)).build()));
    }

    /** One index created or deleted per UpdateTable, and one action per index, as DynamoDB enforces. */
    @Test
    void updateTableChangesOneIndexAtATime() {
        engine.client.createTable(b -> b.tableName("Idx").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType("S").build(),
                        AttributeDefinition.builder().attributeName("a").attributeType("S").build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                .globalSecondaryIndexes(g -> g.indexName("gsi1").projection(p -> p.projectionType("ALL"))
                        .keySchema(KeySchemaElement.builder().attributeName("a").keyType(KeyType.HASH).build()),
                        g -> g.indexName("gsi2").projection(p -> p.projectionType("ALL"))
                                .keySchema(KeySchemaElement.builder().attributeName("a").keyType(KeyType.HASH).build())));
        GlobalSecondaryIndexUpdate create = GlobalSecondaryIndexUpdate.builder().create(c -> c.indexName("gsi3")
                .projection(p -> p.projectionType("ALL"))
                .keySchema(KeySchemaElement.builder().attributeName("a").keyType(KeyType.HASH).build())).build();
        GlobalSecondaryIndexUpdate deleteOne = GlobalSecondaryIndexUpdate.builder().delete(d -> d.indexName("gsi1"))
                .build();
        GlobalSecondaryIndexUpdate deleteTwo = GlobalSecondaryIndexUpdate.builder().delete(d -> d.indexName("gsi2"))
                .build();
        assertThatThrownBy(() -> engine.client.updateTable(b -> b.tableName("Idx").attributeDefinitions(
                AttributeDefinition.builder().attributeName("a").attributeType("S").build())
                .globalSecondaryIndexUpdates(create, deleteOne)))
                .isInstanceOf(LimitExceededException.class)
                .hasMessageStartingWith("Subscriber limit exceeded: Only 1 online index can be created or deleted "
                        + "simultaneously per table");
        assertThatThrownBy(() -> engine.client.updateTable(b -> b.tableName("Idx")
                .globalSecondaryIndexUpdates(deleteOne, deleteTwo)))
                .isInstanceOf(LimitExceededException.class);
        assertThatThrownBy(() -> engine.client.updateTable(b -> b.tableName("Idx")
                .globalSecondaryIndexUpdates(deleteOne, deleteOne)))
                .hasMessageStartingWith("One or more parameter values were invalid: Only one global secondary index "
                        + "update per index is allowed simultaneously. Index: gsi1");
        engine.client.updateTable(b -> b.tableName("Idx").globalSecondaryIndexUpdates(deleteOne));
        assertThat(engine.client.describeTable(b -> b.tableName("Idx")).table().globalSecondaryIndexes())
                .extracting(i -> i.indexName()).containsExactly("gsi2");
    }
}
