package dev.dynagate.sandbox.dynamodb.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
        TableSettings settings = new TableSettings(10L, 5L, "arn:aws:kms:us-east-1:000000000000:key/k");
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
    }

    private static TableSchema schema(Throughput throughput) {
        return new TableSchema("T", "id", new KeyAttr("pk", "S"), null, List.of(new KeyAttr("pk", "S")), List.of(),
                "PROVISIONED", throughput, null, Map.of(), null, false, null, 0, null, 0, null);
    }
}
