package dev.dynagate.sandbox.dynamodb.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynagate.sandbox.dynamodb.DynamoDbError;
import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MemoryGuardTest {
    private static final long MB = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AtomicInteger collections = new AtomicInteger();
    private final AtomicLong now = new AtomicLong(1_000_000_000_000L);
    private final MemoryGuard guard = new MemoryGuard(1000 * MB, collections::incrementAndGet, now::get);
    private final Operation write = guard.refusingGrowth(request -> Request.object());

    private static Request request(String json) throws Exception {
        return new Request(JSON.readTree(json));
    }

    private void afterGc(long usedMb) {
        guard.measured(Map.of("old", new MemoryUsage(0, usedMb * MB, usedMb * MB, 1000 * MB)));
    }

    @Test
    void writesPassWhileTheHeapHasRoom() throws Exception {
        afterGc(899);
        assertThat(write.handle(request("{\"TableName\":\"t\",\"Item\":{}}"))).isNotNull();
        assertThat(collections).hasValue(0);
    }

    @Test
    void aNearlyFullHeapRefusesWritesThatAddDataSayingHowFullAndWhatToDo() {
        afterGc(950);
        assertThatThrownBy(() -> write.handle(request("{\"TableName\":\"t\",\"Item\":{}}")))
                .isInstanceOfSatisfying(DynamoDbError.class, e -> {
                    assertThat(e.code()).isEqualTo("InternalServerError");
                    assertThat(e.status()).isEqualTo(500);
                })
                .hasMessage("The sandbox is short of memory: 950 MB of its 1,000 MB heap are in use after a garbage "
                        + "collection. "
                        + "Writes that add data are refused until there is room; reads and deletes still work. Delete "
                        + "items or tables, or restart the sandbox with more memory: java -Xmx4g -jar dynagate.jar "
                        + "sandbox ..., or for the installed app a line java-options=-Xmx4g in its Dynagate.cfg.");
    }

    @Test
    void deletesAndConditionChecksMakeRoomSoTheyPass() throws Exception {
        afterGc(950);
        assertThat(write.handle(request("{\"RequestItems\":{\"t\":[{\"DeleteRequest\":{\"Key\":{}}}]}}")))
                .isNotNull();
        assertThat(write.handle(request("{\"TransactItems\":[{\"Delete\":{}},{\"ConditionCheck\":{}}]}")))
                .isNotNull();
        assertThatThrownBy(() -> write.handle(request("{\"RequestItems\":{\"t\":[{\"DeleteRequest\":{}},"
                + "{\"PutRequest\":{}}]}}"))).isInstanceOf(DynamoDbError.class);
        assertThatThrownBy(() -> write.handle(request("{\"TransactItems\":[{\"Delete\":{}},{\"Update\":{}}]}")))
                .isInstanceOf(DynamoDbError.class);
    }

    @Test
    void refusalsAskForAFreshMeasureAtMostEveryFewSecondsAndStopOnceThereIsRoom() throws Exception {
        afterGc(950);
        JsonNode put = JSON.readTree("{\"TableName\":\"t\",\"Item\":{}}");
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> write.handle(new Request(put))).isInstanceOf(DynamoDbError.class);
        }
        assertThat(collections).hasValue(1);
        now.addAndGet(5_000_000_000L);
        assertThatThrownBy(() -> write.handle(new Request(put))).isInstanceOf(DynamoDbError.class);
        assertThat(collections).hasValue(2);

        afterGc(600); // the deletes made room, and the collection that was asked for measured it
        assertThat(write.handle(new Request(put))).isNotNull();
    }

    @Test
    void aHeapWithoutALimitIsNeverFull() throws Exception {
        MemoryGuard unbounded = new MemoryGuard(0, collections::incrementAndGet, now::get);
        assertThat(unbounded.refusingGrowth(request -> Request.object()).handle(request("{}"))).isNotNull();
    }
}
