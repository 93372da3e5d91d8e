package dev.dynagate.requests.collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class JsonPathTest {
    private final JsonNode doc = JsonFiles.parse(null, """
            {"a": {"b": [10, 20, 30]}, "x y": "spaced",
             "items": [{"id": 1, "tags": ["p"]}, {"id": 2, "inner": {"id": 3}}], "n": null}""");

    private String select(String path) {
        return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode().addAll(JsonPath.compile(path).select(doc)).toString();
    }

    @Test
    void fieldsIndexesAndQuotedNames() {
        assertThat(select("$.a.b[0]")).isEqualTo("[10]");
        assertThat(select("$.a.b[-1]")).isEqualTo("[30]");
        assertThat(select("$['x y']")).isEqualTo("[\"spaced\"]");
        assertThat(select("$[\"a\"]['b'][1]")).isEqualTo("[20]");
        assertThat(select("$.n")).isEqualTo("[null]");
        assertThat(select("$")).isEqualTo("[" + doc + "]");
    }

    @Test
    void wildcardsAndRecursiveDescent() {
        assertThat(select("$.items[*].id")).isEqualTo("[1,2]");
        assertThat(select("$.a.*")).isEqualTo("[[10,20,30]]");
        assertThat(select("$..id")).isEqualTo("[1,2,3]");
        assertThat(JsonPath.compile("$..id").isMulti()).isTrue();
        assertThat(JsonPath.compile("$.a.b[0]").isMulti()).isFalse();
    }

    @Test
    void missingPartsSelectNothing() {
        assertThat(select("$.a.c")).isEqualTo("[]");
        assertThat(select("$.a.b[7]")).isEqualTo("[]");
        assertThat(select("$.a.b.c")).isEqualTo("[]");
    }

    @Test
    void shorthandWithoutDollarAndBrunoStyle() {
        assertThat(select("a.b[2]")).isEqualTo("[30]");
        assertThat(select("res.body.items[1].id")).isEqualTo("[2]");
    }

    @Test
    void malformedPathsNameThePosition() {
        assertThatThrownBy(() -> JsonPath.compile("$.a[1")).hasMessageContaining("never closed");
        assertThatThrownBy(() -> JsonPath.compile("$.a[x]")).hasMessageContaining("cannot read [x]");
        assertThatThrownBy(() -> JsonPath.compile("$.a..")).hasMessageContaining("name is missing");
    }
}
