package dev.dynagate.sandbox.dynamodb.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynagate.sandbox.dynamodb.schema.IndexSchema;
import dev.dynagate.sandbox.dynamodb.schema.KeyAttr;
import dev.dynagate.sandbox.dynamodb.schema.TableSchema;
import dev.dynagate.sandbox.dynamodb.schema.TableSettings;
import dev.dynagate.sandbox.dynamodb.schema.Throughput;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordCodecTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aSchemaRoundTripsWithAThroughputChangeUnderWay() throws Exception {
        Throughput changing = new Throughput(1, 1, 0, 0, 0).changedTo(5, 6, 1_000, 1_600);
        List<Changes.Mutation> decoded = RecordCodec.decode(RecordCodec.encode(List.of(
                new Changes.Schema(schema(changing), true))));

        Throughput read = ((Changes.Schema) decoded.get(0)).schema().throughput();
        assertThat(read).isEqualTo(changing);
        assertThat(read.previousRead()).isEqualTo(1);
        assertThat(read.changing(1_599)).isTrue();
    }

    /** Data folders written before a throughput kept its previous units must still open, with no change under way. */
    @Test
    void aSchemaWrittenWithoutThePreviousUnitsReadsAsSettled() throws Exception {
        ObjectNode old = JSON.valueToTree(schema(new Throughput(5, 6, 1_000, 0, 0)));
        ((ObjectNode) old.get("throughput")).remove(List.of("previousRead", "previousWrite", "changingUntil"));
        ValueCodec.Writer record = new ValueCodec.Writer(256);
        record.writeInt(1);
        record.writeByte(3); // a schema
        record.writeBoolean(true);
        record.writeString(JSON.writeValueAsString(old));

        Throughput read = ((Changes.Schema) RecordCodec.decode(record.toArray()).get(0)).schema().throughput();

        assertThat(read.read()).isEqualTo(5);
        assertThat(read.write()).isEqualTo(6);
        assertThat(read.changing(1)).isFalse();
    }

    @Test
    void tableSettingsRoundTripAndAreAbsentFromOlderSchemas() throws Exception {
        TableSettings settings = new TableSettings(10L, 5L, "arn:aws:kms:us-east-1:000000000000:key/k",
                "{\"Version\":\"2012-10-17\"}", "1700000000000", 12_240L, 4_080L, 1_700_000_000_000L);
        TableSchema kept = schema(Throughput.NONE).withSettings(settings);
        List<Changes.Mutation> decoded = RecordCodec.decode(RecordCodec.encode(
                List.of(new Changes.Schema(kept, true))));
        assertThat(((Changes.Schema) decoded.get(0)).schema().settings()).isEqualTo(settings);

        ObjectNode old = JSON.valueToTree(schema(Throughput.NONE));
        old.remove("settings");
        ValueCodec.Writer record = new ValueCodec.Writer(256);
        record.writeInt(1);
        record.writeByte(3); // a schema
        record.writeBoolean(true);
        record.writeString(JSON.writeValueAsString(old));
        assertThat(((Changes.Schema) RecordCodec.decode(record.toArray()).get(0)).schema().settings())
                .isEqualTo(TableSettings.DEFAULT);

        // settings written before tables had resource policies read as having none
        ObjectNode withoutPolicy = JSON.valueToTree(kept);
        ((ObjectNode) withoutPolicy.get("settings")).remove(List.of("resourcePolicy", "policyRevision",
                "warmReadUnits", "warmWriteUnits", "tableClassChangedAt"));
        ValueCodec.Writer earlier = new ValueCodec.Writer(256);
        earlier.writeInt(1);
        earlier.writeByte(3);
        earlier.writeBoolean(true);
        earlier.writeString(JSON.writeValueAsString(withoutPolicy));
        assertThat(((Changes.Schema) RecordCodec.decode(earlier.toArray()).get(0)).schema().settings())
                .isEqualTo(TableSettings.DEFAULT.withOnDemand(10L, 5L).withKmsKey(settings.kmsKeyArn()));
    }

    /**
     * An index's key is kept as lists of HASH and RANGE attributes; data folders written before that name one
     * {@code hash} and one {@code range} and must read as the same index.
     */
    @Test
    void indexKeysRoundTripAndOlderSchemasReadAsOneHashAndOneRange() throws Exception {
        IndexSchema multi = new IndexSchema("byPlace", true, List.of(new KeyAttr("country", "S"),
                new KeyAttr("city", "S")), List.of(new KeyAttr("year", "N"), new KeyAttr("day", "N")), "ALL", null,
                Throughput.NONE, 0);
        TableSchema kept = schema(Throughput.NONE).withIndexes(List.of(multi));
        List<Changes.Mutation> decoded = RecordCodec.decode(RecordCodec.encode(
                List.of(new Changes.Schema(kept, true))));
        assertThat(((Changes.Schema) decoded.get(0)).schema().indexes()).containsExactly(multi);

        ObjectNode old = JSON.valueToTree(schema(Throughput.NONE).withIndexes(List.of(new IndexSchema("byCity", true,
                List.of(new KeyAttr("city", "S")), List.of(), "KEYS_ONLY", null, Throughput.NONE, 0),
                new IndexSchema("byYear", false, List.of(new KeyAttr("pk", "S")), List.of(new KeyAttr("year", "N")),
                        "ALL", null, Throughput.NONE, 0))));
        for (int i = 0; i < 2; i++) {
            ObjectNode index = (ObjectNode) old.get("indexes").get(i);
            index.set("hash", index.get("hashes").get(0));
            if (!index.get("ranges").isEmpty()) {
                index.set("range", index.get("ranges").get(0));
            }
            index.remove(List.of("hashes", "ranges"));
        }
        ValueCodec.Writer record = new ValueCodec.Writer(256);
        record.writeInt(1);
        record.writeByte(3); // a schema
        record.writeBoolean(true);
        record.writeString(JSON.writeValueAsString(old));
        List<IndexSchema> read = ((Changes.Schema) RecordCodec.decode(record.toArray()).get(0)).schema().indexes();
        assertThat(read).extracting(i -> i.name() + " " + i.hashes() + " " + i.ranges()).containsExactly(
                "byCity [KeyAttr[name=city, type=S]] []",
                "byYear [KeyAttr[name=pk, type=S]] [KeyAttr[name=year, type=N]]");
    }

    private static TableSchema schema(Throughput throughput) {
        return new TableSchema("T", "id", new KeyAttr("pk", "S"), null, List.of(new KeyAttr("pk", "S")), List.of(),
                "PROVISIONED", throughput, null, Map.of(), null, false, null, 0, null, 0, null);
    }
}
