package dev.dynagate.requests;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HistoryViewTest {

    @Test
    void entriesShowThePathThatWasCalled() {
        assertThat(HistoryView.pathOf("https://a1.execute-api.eu-west-1.amazonaws.com/prod/items?x=1"))
                .isEqualTo("/prod/items?x=1");
        assertThat(HistoryView.pathOf("http://127.0.0.1:4566/_aws/execute-api/a1/dev/items/7")).isEqualTo("/dev/items/7");
        assertThat(HistoryView.pathOf("http://127.0.0.1:4566/_aws/execute-api/a1")).isEqualTo("/");
        assertThat(HistoryView.pathOf("http://h")).isEqualTo("/");
    }
}
