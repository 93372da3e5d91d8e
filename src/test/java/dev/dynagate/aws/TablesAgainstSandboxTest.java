package dev.dynagate.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynagate.sandbox.Sandbox;
import dev.dynagate.sandbox.SandboxOptions;
import dev.dynagate.tables.TableDescription;
import java.net.URI;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The tables contract against the in-process sandbox engine. */
class TablesAgainstSandboxTest extends TablesContract {
    private Sandbox sandbox;

    @Override
    URI startEndpoint() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.of(0, home.resolve("sandbox")), line -> { });
        return sandbox.endpoint();
    }

    /** A global index keyed by several HASH and RANGE attributes is described with every one of them, in order. */
    @Test
    void describesAMultiAttributeIndexKey() {
        client.createTable(b -> b.tableName("Tournaments").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(def("id", ScalarAttributeType.S), def("tournament", ScalarAttributeType.S),
                        def("zone", ScalarAttributeType.S), def("round", ScalarAttributeType.N))
                .keySchema(key("id", KeyType.HASH))
                .globalSecondaryIndexes(g -> g.indexName("byTournament").keySchema(key("tournament", KeyType.HASH),
                        key("zone", KeyType.HASH), key("round", KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.ALL))));

        TableDescription.KeySchema keys = services.tableDescriber(connection).describe("Tournaments").indexes().get(0)
                .keys();

        assertThat(keys.multiAttribute()).isTrue();
        assertThat(keys.partition().name()).isEqualTo("tournament");
        assertThat(keys.partitions()).extracting(TableDescription.Key::name).containsExactly("tournament", "zone");
        assertThat(keys.sorts()).extracting(k -> k.name() + " " + k.type()).containsExactly("round N");
        assertThat(keys.names()).containsExactly("tournament", "zone", "round");
    }

    private static AttributeDefinition def(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    @Override
    void stopEndpoint() {
        if (sandbox != null) {
            sandbox.close();
        }
    }
}
