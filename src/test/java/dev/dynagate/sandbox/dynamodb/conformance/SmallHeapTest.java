package dev.dynagate.sandbox.dynamodb.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An import larger than the heap: the sandbox refuses the writes that would add data before the JVM runs out of
 * memory, keeps serving reads and deletes, and takes writes again once deletes have made room.
 */
@Timeout(240)
class SmallHeapTest {
    private static final String PAYLOAD = "x".repeat(1000);

    @TempDir
    Path data;

    @Test
    void aFullHeapRefusesWritesWithTheReasonAndDeletesMakeRoomAgain() throws Exception {
        try (SandboxProcess sandbox = SandboxProcess.start("96m", data)) {
            DynamoDbWire wire = new DynamoDbWire(sandbox.endpoint(), Duration.ofSeconds(30));
            assertThat(wire.call("CreateTable", "{\"TableName\":\"big\",\"AttributeDefinitions\":[{\"AttributeName\":"
                    + "\"pk\",\"AttributeType\":\"S\"}],\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}],"
                    + "\"BillingMode\":\"PAY_PER_REQUEST\"}").status()).isEqualTo(200);

            int stored = 0;
            WireResponse refused = null;
            while (refused == null && stored < 500_000) {
                WireResponse answer = wire.call("BatchWriteItem", batch(stored, "PutRequest", true));
                if (answer.status() == 200) {
                    stored += 25;
                } else {
                    refused = answer;
                }
            }
            assertThat(refused).as("refused before 500,000 items of 1 KB in 96 MB").isNotNull();
            assertThat(refused.status()).isEqualTo(500);
            assertThat(refused.errorCode()).isEqualTo("InternalServerError");
            assertThat(refused.json().get("message").asText()).startsWith("The sandbox is short of memory: ")
                    .contains(" heap are in use after a garbage collection").contains("Writes that add data are refused until there is room");

            assertThat(wire.call("GetItem", "{\"TableName\":\"big\",\"Key\":{\"pk\":{\"S\":\"k0\"}}}").text())
                    .contains(PAYLOAD);
            for (int from = 0; from < stored; from += 25) {
                assertThat(wire.call("BatchWriteItem", batch(from, "DeleteRequest", false)).status()).isEqualTo(200);
            }
            WireResponse afterRoom = null;
            long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < until) {
                afterRoom = wire.call("PutItem", "{\"TableName\":\"big\",\"Item\":{\"pk\":{\"S\":\"again\"}}}");
                if (afterRoom.status() == 200) {
                    break;
                }
                Thread.sleep(500);
            }
            assertThat(afterRoom.status()).as(afterRoom.text()).isEqualTo(200);
        }
    }

    private static String batch(int from, String kind, boolean withPayload) {
        StringBuilder json = new StringBuilder("{\"RequestItems\":{\"big\":[");
        for (int i = from; i < from + 25; i++) {
            json.append(i == from ? "" : ",").append("{\"").append(kind).append("\":{\"")
                    .append(kind.equals("PutRequest") ? "Item" : "Key").append("\":{\"pk\":{\"S\":\"k").append(i)
                    .append("\"}").append(withPayload ? ",\"v\":{\"S\":\"" + PAYLOAD + "\"}" : "").append("}}}");
        }
        return json.append("]}}").toString();
    }
}
