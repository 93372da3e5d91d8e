package dev.dynagate.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How the facts line names an index key: a multi-attribute key lists every part, partition first. */
class TableFactsKeysTest {
    private static TableDescription.Key key(String name, KeyType type) {
        return new TableDescription.Key(name, type);
    }

    @Test
    void namesEveryPartOfAKey() {
        assertThat(TableFactsView.keys(new TableDescription.KeySchema(key("status", KeyType.S), null)))
                .isEqualTo("status (S)");
        assertThat(TableFactsView.keys(new TableDescription.KeySchema(key("pk", KeyType.S), key("at", KeyType.N))))
                .isEqualTo("pk (S) + at (N)");
        TableDescription.Key tournament = key("tournament", KeyType.S);
        TableDescription.Key round = key("round", KeyType.N);
        assertThat(TableFactsView.keys(new TableDescription.KeySchema(tournament, round,
                List.of(tournament, key("zone", KeyType.S)), List.of(round, key("bracket", KeyType.S)))))
                .isEqualTo("partition tournament (S), zone (S) + sort round (N), bracket (S)");
    }
}
