package dev.dynagate.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynagate.tables.KeyType;
import dev.dynagate.tables.TableAdmin;
import dev.dynagate.tables.TableDescription;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableResponse;

/** How adding an index waits, against a client that answers DescribeTable from a script. */
class DynamoDbTableCatalogIndexTest {
    private static final TableAdmin.IndexSpec BY_STATUS = new TableAdmin.IndexSpec("byStatus",
            TableDescription.IndexKind.GSI, new TableDescription.Key("status", KeyType.S), null, "ALL", List.of());

    /** Answers the first DescribeTable (the table as it was) and then one scripted index state per call. */
    private static class ScriptedClient implements DynamoDbClient {
        final Deque<GlobalSecondaryIndexDescription> states = new ArrayDeque<>();
        final List<UpdateTableRequest> updates = new ArrayList<>();
        int describes;

        @Override
        public DescribeTableResponse describeTable(DescribeTableRequest request) {
            describes++;
            GlobalSecondaryIndexDescription state = describes == 1 ? null : states.poll();
            return DescribeTableResponse.builder().table(t -> t.tableName(request.tableName())
                    .billingModeSummary(b -> b.billingMode(BillingMode.PAY_PER_REQUEST))
                    .globalSecondaryIndexes(state == null ? List.of() : List.of(state))).build();
        }

        @Override
        public UpdateTableResponse updateTable(UpdateTableRequest request) {
            updates.add(request);
            return UpdateTableResponse.builder().build();
        }

        @Override
        public String serviceName() {
            return "dynamodb";
        }

        @Override
        public void close() {
        }
    }

    private static GlobalSecondaryIndexDescription state(IndexStatus status, boolean backfilling) {
        return GlobalSecondaryIndexDescription.builder().indexName("byStatus").indexStatus(status)
                .backfilling(backfilling).build();
    }

    @Test
    void addingWaitsUntilTheIndexIsActiveAndNoLongerBackfilling() throws Exception {
        ScriptedClient client = new ScriptedClient();
        client.states.add(state(IndexStatus.CREATING, false));
        client.states.add(state(IndexStatus.CREATING, true));
        client.states.add(state(IndexStatus.ACTIVE, false));

        new DynamoDbTableCatalog(client).addGlobalIndex("Orders", BY_STATUS);

        assertThat(client.describes).isEqualTo(4);
        assertThat(client.updates).singleElement().satisfies(update -> {
            assertThat(update.globalSecondaryIndexUpdates().get(0).create().indexName()).isEqualTo("byStatus");
            assertThat(update.globalSecondaryIndexUpdates().get(0).create().provisionedThroughput())
                    .as("an on-demand table's index has no capacity of its own").isNull();
            assertThat(update.attributeDefinitions()).singleElement()
                    .satisfies(a -> assertThat(a.attributeName()).isEqualTo("status"));
        });
    }

    @Test
    void anIndexThatDisappearsWhileBeingBuiltStopsTheWaitWithAMessage() {
        ScriptedClient client = new ScriptedClient();
        client.states.add(state(IndexStatus.CREATING, true));
        // then DescribeTable no longer lists it

        assertThatThrownBy(() -> new DynamoDbTableCatalog(client).addGlobalIndex("Orders", BY_STATUS))
                .hasMessage("The index byStatus is no longer on Orders: DynamoDB did not finish creating it.");
    }

    @Test
    void anIndexBeingBuiltOrDeletedIsDescribedAsNotReadableYet() {
        ScriptedClient client = new ScriptedClient() {
            @Override
            public DescribeTableResponse describeTable(DescribeTableRequest request) {
                return DescribeTableResponse.builder().table(t -> t.tableName("Orders").tableStatus("ACTIVE")
                        .attributeDefinitions(a -> a.attributeName("id").attributeType("S"),
                                a -> a.attributeName("status").attributeType("S"))
                        .keySchema(k -> k.attributeName("id").keyType("HASH"))
                        .globalSecondaryIndexes(index("building", IndexStatus.CREATING, false),
                                index("filling", IndexStatus.ACTIVE, true), index("going", IndexStatus.DELETING, false),
                                index("ready", IndexStatus.ACTIVE, false))).build();
            }
        };

        TableDescription table = new DynamoDbTableCatalog(client).describe("Orders");

        assertThat(table.indexes()).extracting(TableDescription.Index::name, TableDescription.Index::pending)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("building", "being built"),
                        org.assertj.core.groups.Tuple.tuple("filling", "being built"),
                        org.assertj.core.groups.Tuple.tuple("going", "being deleted"),
                        org.assertj.core.groups.Tuple.tuple("ready", null));
    }

    private static GlobalSecondaryIndexDescription index(String name, IndexStatus status, boolean backfilling) {
        return GlobalSecondaryIndexDescription.builder().indexName(name).indexStatus(status).backfilling(backfilling)
                .keySchema(k -> k.attributeName("status").keyType("HASH"))
                .projection(p -> p.projectionType("ALL")).build();
    }
}
