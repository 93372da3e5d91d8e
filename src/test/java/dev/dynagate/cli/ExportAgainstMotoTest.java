package dev.dynagate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynagate.aws.AttributeValues;
import dev.dynagate.tables.Attr;
import dev.dynagate.tables.DynamoJson;
import dev.dynagate.testing.MotoServer;
import dev.dynagate.testing.TestClients;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The export command against a DynamoDB of another make (moto_server): segments split the table, types survive. */
class ExportAgainstMotoTest {
    static MotoServer moto;
    static DynamoDbClient client;

    @TempDir
    Path out;

    @BeforeAll
    static void startMoto() throws Exception {
        moto = MotoServer.start();
        client = TestClients.dynamoDb(moto.endpoint(), Region.EU_WEST_1);
        client.createTable(b -> b.tableName("Orders").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH)));
        for (int i = 0; i < 250; i++) {
            int n = i;
            client.putItem(b -> b.tableName("Orders").item(Map.of(
                    "id", AttributeValue.fromS("order-" + n),
                    "total", AttributeValue.fromN("99999999999999999999999999999999999999"),
                    "lines", AttributeValue.fromL(List.of(AttributeValue.fromM(Map.of("sku",
                            AttributeValue.fromS("s" + n))))),
                    "codes", AttributeValue.fromNs(List.of("1", "2")),
                    "raw", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {(byte) n})))));
        }
    }

    @AfterAll
    static void stopMoto() {
        if (client != null) {
            client.close();
        }
        if (moto != null) {
            moto.close();
        }
    }

    @Test
    void everyItemOnceWithItsTypes() throws Exception {
        Path file = out.resolve("orders.ddb.json");
        StringWriter err = new StringWriter();
        picocli.CommandLine line = DynagateCommand.commandLine(mode -> { });
        line.setErr(new PrintWriter(err, true));

        int code = line.execute("export", "--endpoint-url", moto.endpoint().toString(), "--region", "eu-west-1",
                "--table", "Orders", "--out", file.toString(), "--format", "ddb-json", "--segments", "5");

        assertThat(code).as(err.toString()).isEqualTo(0);
        Map<String, Map<String, Attr>> exported = new HashMap<>();
        for (String text : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            Map<String, Attr> item = DynamoJson.parse(text.substring("{\"Item\":".length(), text.length() - 1));
            assertThat(exported.put(((Attr.S) item.get("id")).value(), item)).as("exported twice").isNull();
        }
        Map<String, Map<String, Attr>> stored = new HashMap<>();
        client.scanPaginator(b -> b.tableName("Orders")).items()
                .forEach(item -> stored.put(item.get("id").s(), AttributeValues.fromSdk(item)));
        assertThat(exported).hasSize(250).isEqualTo(stored);
    }
}
