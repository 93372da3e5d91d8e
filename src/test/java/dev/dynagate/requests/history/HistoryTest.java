package dev.dynagate.requests.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynagate.requests.Exchange;
import dev.dynagate.requests.SentRequest;
import dev.dynagate.requests.model.Auth;
import dev.dynagate.requests.model.Body;
import dev.dynagate.requests.model.KeyValue;
import dev.dynagate.requests.model.RequestSpec;
import dev.dynagate.requests.model.ResponseRecord;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryTest {
    @TempDir
    Path dir;

    private static Exchange exchange(String method, String url, int status, String body, List<KeyValue> headers) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return new Exchange(new SentRequest(method, URI.create(url), List.of(), new byte[0], null),
                new ResponseRecord(status, headers, bytes, bytes.length, false, Instant.EPOCH, Duration.ofMillis(12)));
    }

    @Test
    void keepsRequestsAsWrittenAndFindsThemByMethodUrlStatusAndDate() {
        HistoryStore store = new HistoryStore(dir.resolve("history.jsonl"), 1000,
                Clock.fixed(Instant.parse("2026-11-26T10:15:00Z"), ZoneOffset.UTC));
        RequestSpec written = RequestSpec.of("POST", "{{base}}/orders").withBody(Body.json("{\"a\":1}"))
                .withAuth(new Auth.SigV4("execute-api", null, "dev")).withHeaders(List.of(KeyValue.of("X", "1")));
        store.add(written, exchange("POST", "http://127.0.0.1:1/orders", 201, "{}", List.of()));
        store.add(RequestSpec.of("GET", "http://127.0.0.1:1/orders/9"),
                exchange("GET", "http://127.0.0.1:1/orders/9", 503, "down", List.of()));

        List<HistoryEntry> all = store.load();
        assertThat(all).extracting(HistoryEntry::status).containsExactly(503, 201);
        assertThat(all.get(1).request().url()).isEqualTo("{{base}}/orders");
        assertThat(all.get(1).request().auth()).isEqualTo(new Auth.SigV4("execute-api", null, "dev"));
        assertThat(all.get(1).request().body()).isEqualTo(Body.json("{\"a\":1}"));
        assertThat(store.search("post orders")).hasSize(1);
        assertThat(store.search("5xx")).extracting(HistoryEntry::status).containsExactly(503);
        assertThat(store.search("2026-11-26")).hasSize(2);
        assertThat(store.search("2026-11-27")).isEmpty();
        assertThat(store.search("delete")).isEmpty();
    }

    @Test
    void staysBoundedAndSkipsATornLine() throws Exception {
        Path file = dir.resolve("history.jsonl");
        HistoryStore store = new HistoryStore(file, 10, Clock.systemUTC());
        for (int i = 0; i < 25; i++) {
            store.add(RequestSpec.of("GET", "http://h/" + i), exchange("GET", "http://h/" + i, 200, "", List.of()));
        }
        Files.writeString(file, "{\"id\":\"torn", java.nio.file.StandardOpenOption.APPEND);

        List<HistoryEntry> entries = store.load();
        assertThat(entries.size()).isBetween(10, 12);
        assertThat(entries.get(0).request().url()).isEqualTo("http://h/24");
    }

    @Test
    void aReplayDiffIgnoresRequestIdsAndDatesButShowsRealChanges() {
        HistoryEntry earlier = new HistoryEntry("1", Instant.EPOCH, RequestSpec.of("GET", "http://h/"), "http://h/", 200,
                5, 10, List.of(KeyValue.of("x-amzn-RequestId", "a"), KeyValue.of("Date", "Mon"),
                KeyValue.of("Content-Type", "application/json")),
                "{\"requestId\":\"r1\",\"at\":\"2026-11-26T10:00:00Z\",\"id\":\"5b8a1c1e-0000-4000-8000-000000000001\","
                        + "\"items\":[{\"name\":\"a\"},{\"name\":\"b\"}],\"total\":2}", false);
        byte[] body = ("{\"requestId\":\"r2\",\"at\":\"2026-11-26T11:00:00Z\",\"id\":\"9c8a1c1e-0000-4000-8000-000000000002\","
                + "\"items\":[{\"name\":\"a\"},{\"name\":\"c\"},{\"name\":\"d\"}],\"total\":3}").getBytes(StandardCharsets.UTF_8);
        ResponseRecord now = new ResponseRecord(200, List.of(KeyValue.of("x-amzn-RequestId", "b"),
                KeyValue.of("Date", "Tue"), KeyValue.of("Content-Type", "text/plain")), body, body.length, false,
                Instant.now(), Duration.ofMillis(3));

        List<ResponseDiff.Change> changes = ResponseDiff.compare(earlier, now);

        assertThat(changes).extracting(ResponseDiff.Change::path)
                .containsExactly("header content-type", "$.items[1].name", "$.items[2]", "$.total");
        assertThat(changes.get(1).toString()).isEqualTo("~ $.items[1].name: \"b\" → \"c\"");
        assertThat(changes.get(2).kind()).isEqualTo(ResponseDiff.Kind.ADDED);
    }

    @Test
    void nonJsonBodiesCompareAsText() {
        HistoryEntry earlier = new HistoryEntry("1", Instant.EPOCH, RequestSpec.of("GET", "http://h/"), "http://h/", 500,
                5, 10, List.of(), "oops", false);
        byte[] body = "oops".getBytes(StandardCharsets.UTF_8);
        ResponseRecord same = new ResponseRecord(200, List.of(), body, 4, false, Instant.now(), Duration.ZERO);
        assertThat(ResponseDiff.compare(earlier, same)).extracting(Object::toString).containsExactly("~ status: 500 → 200");
    }
}
