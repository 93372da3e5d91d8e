package dev.dynagate.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeaderMapTest {
    private static HeaderMap parsed() {
        HeaderMap headers = new HeaderMap();
        headers.add("X-Amz-Target", "DynamoDB_20120810.GetItem");
        headers.add("content-type", "application/x-amz-json-1.0");
        headers.add("Accept", "text/plain");
        headers.add("ACCEPT", "application/json");
        headers.add("Host", "127.0.0.1");
        return headers;
    }

    @Test
    void namesAreFoundWhateverTheirCaseAndKeepTheFirstSpelling() {
        HeaderMap headers = parsed();
        assertThat(headers.get("x-amz-target")).containsExactly("DynamoDB_20120810.GetItem");
        assertThat(headers.first("Content-Type")).isEqualTo("application/x-amz-json-1.0");
        assertThat(headers.containsKey("HOST")).isTrue();
        assertThat(headers.get("Content-Length")).isNull();
        assertThat(headers.first("Content-Length")).isNull();
        assertThat(headers.get(42)).isNull();
        assertThat(headers.keySet()).containsExactly("Accept", "content-type", "Host", "X-Amz-Target");
    }

    @Test
    void aRepeatedNameKeepsEveryValueInArrivalOrder() {
        HeaderMap headers = parsed();
        assertThat(headers.get("accept")).containsExactly("text/plain", "application/json");
        assertThat(headers.first("Accept")).isEqualTo("text/plain");
        assertThat(headers.size()).isEqualTo(4);
    }

    @Test
    void itIsReadOnlyAndEqualToAnyMapWithTheSameEntries() {
        HeaderMap headers = parsed();
        assertThatThrownBy(() -> headers.put("Host", List.of("elsewhere")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> headers.get("Host").add("more")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(headers).isEqualTo(Map.of("Accept", List.of("text/plain", "application/json"), "content-type",
                List.of("application/x-amz-json-1.0"), "Host", List.of("127.0.0.1"), "X-Amz-Target",
                List.of("DynamoDB_20120810.GetItem")));
    }

    @Test
    void aRequestBuiltFromAnotherMapReadsItTheSameWay() {
        SandboxRequest request = new SandboxRequest("GET", "/", null, Map.of("x-amz-date",
                new ArrayList<>(List.of("20260101T000000Z"))), null, "127.0.0.1");
        assertThat(request.header("X-Amz-Date")).isEqualTo("20260101T000000Z");
        assertThat(request.headers()).isInstanceOf(HeaderMap.class);
    }
}
