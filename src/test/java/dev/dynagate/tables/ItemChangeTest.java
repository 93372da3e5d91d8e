package dev.dynagate.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ItemChangeTest {
    private static final List<String> KEYS = List.of("pk", "sk");

    @Test
    void setsWhatIsNewOrDifferentAndRemovesWhatWasDeletedButNeverTouchesTheKey() {
        Map<String, Attr> loaded = new LinkedHashMap<>();
        loaded.put("pk", Attr.s("p"));
        loaded.put("sk", Attr.n(1));
        loaded.put("same", Attr.s("x"));
        loaded.put("changed", Attr.n("1.50"));
        loaded.put("dropped", new Attr.Bool(true));
        Map<String, Attr> edited = new LinkedHashMap<>(loaded);
        edited.put("changed", Attr.n("1.5"));
        edited.remove("dropped");
        edited.put("added", new Attr.Null());

        ItemChange change = ItemChange.between(loaded, edited, KEYS);

        assertThat(change.set()).containsOnlyKeys("changed", "added");
        assertThat(change.remove()).containsExactly("dropped");
        Condition expression = change.expression();
        assertThat(expression.expression()).isEqualTo("SET #u0 = :u0, #u1 = :u1 REMOVE #u2");
        assertThat(expression.names()).containsEntry("#u0", "changed").containsEntry("#u1", "added")
                .containsEntry("#u2", "dropped");
        assertThat(expression.values()).containsEntry(":u0", Attr.n("1.5"));
    }

    @Test
    void onlyRemovalsOrNothingAtAll() {
        Map<String, Attr> loaded = Map.of("pk", Attr.s("p"), "sk", Attr.n(1), "old", Attr.s("x"));
        assertThat(ItemChange.between(loaded, Map.of("pk", Attr.s("p"), "sk", Attr.n(1)), KEYS).expression().expression())
                .isEqualTo("REMOVE #u0");
        assertThat(ItemChange.between(loaded, loaded, KEYS).isEmpty()).isTrue();
    }
}
