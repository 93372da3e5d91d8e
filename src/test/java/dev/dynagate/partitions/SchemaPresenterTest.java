package dev.dynagate.partitions;

import static dev.dynagate.partitions.SandboxTables.item;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynagate.ui.Operations;
import dev.dynagate.ui.UserMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * "Drifty": 50 items; temperature is a number in 49 and a string in one (98% / 2%), notes in every fifth item,
 * a 38-digit grant in five, vitals.spo2 and readings (two numbers) in all, tags (a string set) in half.
 */
class SchemaPresenterTest {
    @TempDir
    static Path dir;
    static SandboxTables sandbox;
    private static final Executor direct = Runnable::run;
    private final Operations operations = new Operations(direct, direct, Clock.systemUTC());

    @BeforeAll
    static void tables() throws Exception {
        sandbox = new SandboxTables(dir, false);
        sandbox.create("Drifty", ScalarAttributeType.S, false, false);
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Map<String, AttributeValue> item = item("pk", "E" + i % 5, "sk", "S#" + i,
                    "temperature", i == 7 ? AttributeValue.fromS("37.2") : AttributeValue.fromN("36.5"),
                    "vitals", AttributeValue.fromM(Map.of("spo2", AttributeValue.fromN(Integer.toString(90 + i % 10)))),
                    "readings", AttributeValue.fromL(List.of(AttributeValue.fromN("1.5"), AttributeValue.fromN("2"))),
                    "valid", AttributeValue.fromBool(i % 3 == 0));
            if (i % 5 == 0) {
                item.put("notes", AttributeValue.fromS("note " + i));
            }
            if (i < 5) {
                item.put("grant", AttributeValue.fromN("1234567890123456789012345678901234567" + i));
            }
            if (i % 2 == 0) {
                item.put("tags", AttributeValue.fromSs(List.of("a", "b")));
            }
            items.add(item);
        }
        sandbox.put("Drifty", items);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private SchemaPresenter presenter(KeyScanner scanner) {
        return new SchemaPresenter("Drifty", scanner, e -> new UserMessage(e.toString(), "", false), operations, direct);
    }

    private static AttributeProfile attribute(SchemaPresenter presenter, String path) {
        return presenter.attributes().stream().filter(a -> a.path().equals(path)).findFirst().orElseThrow();
    }

    @Test
    void profilesEveryPathWithExactPresenceTypesAndDrift() {
        SchemaPresenter presenter = presenter(sandbox.scanner());
        presenter.wholeTable().set(true);
        presenter.start().join();

        assertThat(presenter.phase().get()).isEqualTo(SchemaPresenter.Phase.DONE);
        assertThat(presenter.attributes()).extracting(AttributeProfile::path).contains("pk", "sk", "temperature",
                "vitals", "vitals.spo2", "readings", "readings[]", "valid", "notes", "grant", "tags");
        AttributeProfile temperature = attribute(presenter, "temperature");
        assertThat(temperature.presence()).isEqualTo(1.0);
        assertThat(temperature.types()).containsExactly(new AttributeProfile.TypeShare("N", 49, 0.98),
                new AttributeProfile.TypeShare("S", 1, 0.02));
        assertThat(temperature.typesText()).isEqualTo("N 98% · S 2%");
        assertThat(temperature.drifts()).isTrue();
        assertThat(temperature.examples()).containsExactlyInAnyOrder("36.5", "37.2");
        assertThat(attribute(presenter, "notes").presence()).isEqualTo(0.2);
        assertThat(attribute(presenter, "tags").presence()).isEqualTo(0.5);
        AttributeProfile grant = attribute(presenter, "grant");
        assertThat(grant.beyondDouble()).isEqualTo(5);
        assertThat(grant.presentItems()).isEqualTo(5);
        AttributeProfile readings = attribute(presenter, "readings[]");
        assertThat(readings.types()).containsExactly(new AttributeProfile.TypeShare("N", 100, 1.0));
        assertThat(readings.depth()).isEqualTo(1);
        assertThat(attribute(presenter, "vitals.spo2").presentItems()).isEqualTo(50);
        assertThat(presenter.attributes()).filteredOn(AttributeProfile::drifts).extracting(AttributeProfile::path)
                .containsExactly("temperature");
        assertThat(presenter.driftSummary().get()).isEqualTo("Type drift in 1 attribute: temperature (N 98% · S 2%)");
        assertThat(presenter.basisText().get()).isEqualTo("Exact: all 50 items");
    }

    @Test
    void generatesADynamooseModelWithKeysRequiredAndDrift() {
        SchemaPresenter presenter = presenter(sandbox.scanner());
        presenter.start().join();
        String model = presenter.dynamoose().get();

        assertThat(model).startsWith("const dynamoose = require(\"dynamoose\");")
                .contains("\"pk\": {\"type\": String, \"hashKey\": true}")
                .contains("\"sk\": {\"type\": String, \"rangeKey\": true}")
                .contains("\"temperature\": {\"type\": [Number, String], \"required\": true} /* drift: N 98% · S 2% */")
                .contains("\"notes\": {\"type\": String}")
                .contains("\"tags\": {\"type\": {\"type\": Set, \"schema\": [String]}}")
                .contains("\"readings\": {\"type\": {\"type\": Array, \"schema\": [Number]}, \"required\": true}")
                .contains("\"spo2\": Number")
                .endsWith("module.exports = dynamoose.model(\"Drifty\", DriftySchema, {\"create\": false, "
                        + "\"waitForActive\": false});\n");
    }

    @Test
    void generatesAnEnhancedClientBeanWithTypesThatHoldTheData() {
        SchemaPresenter presenter = presenter(sandbox.scanner());
        presenter.start().join();
        String bean = presenter.javaBean().get();

        assertThat(bean).contains("@DynamoDbBean\npublic class Drifty {")
                .contains("    // drift: N 98% · S 2% — read as String\n    private String temperature;")
                .contains("    private BigDecimal grant;")
                .contains("    private List<Double> readings;")
                .contains("    private Set<String> tags;")
                .contains("    private Boolean valid;")
                .contains("    @DynamoDbPartitionKey\n    public String getPk() { return pk; }")
                .contains("    @DynamoDbSortKey\n    public String getSk() { return sk; }")
                .contains("    public static class Vitals {")
                .contains("        private Long spo2;");
    }

    @Test
    void aSampleStopsAtItsSizeAndIsLabelledAnEstimate() {
        SchemaPresenter presenter = presenter(sandbox.scanner());
        presenter.sampleSize().set("20");
        presenter.start().join();

        assertThat(attribute(presenter, "pk").presentItems()).isEqualTo(20);
        assertThat(presenter.basisText().get()).startsWith("Estimate from 20 of ~50 items");
        assertThat(presenter.progressText().get()).endsWith("stopped: the item budget was reached");
    }

    @Test
    void cancelKeepsTheProfileSoFar() {
        AtomicInteger pages = new AtomicInteger();
        SchemaPresenter[] holder = new SchemaPresenter[1];
        holder[0] = presenter(new ForwardingScanner(sandbox.scanner()) {
            @Override
            public Page scan(ScanRequest request) {
                Page page = super.scan(request);
                if (pages.incrementAndGet() == 1) {
                    holder[0].cancel();
                }
                return page;
            }
        });
        holder[0].wholeTable().set(true);
        holder[0].start();

        assertThat(holder[0].phase().get()).isEqualTo(SchemaPresenter.Phase.DONE);
        assertThat(holder[0].basisText().get()).startsWith("Partial: ").contains("before it was cancelled");
        assertThat(attribute(holder[0], "pk").presentItems()).isBetween(1L, 49L);
    }
}
