package dev.dynagate.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ItemJsonTest {

    @Test
    void dynamoJsonRoundTripsEveryTypeExactly() {
        Map<String, Attr> item = Fixtures.everyType();

        Map<String, Attr> back = DynamoJson.parse(DynamoJson.write(item));

        assertThat(back).isEqualTo(item);
        assertThat(((Attr.N) back.get("sampleId")).value()).isEqualTo("12345678901234567890123456789012345678");
        assertThat(back.get("exact")).isEqualTo(new Attr.N("1.50"));
    }

    @Test
    void plainJsonRoundTripsEveryTypeWhenGuidedByTheLoadedItem() {
        Map<String, Attr> item = Fixtures.everyType();

        PlainJson.Parsed back = PlainJson.parse(PlainJson.write(item), item);

        assertThat(back.item()).isEqualTo(item);
        assertThat(back.typeChanges()).isEmpty();
    }

    @Test
    void plainJsonShowsNumbersWithEveryDigit() {
        String text = PlainJson.write(Fixtures.everyType());

        assertThat(text).contains("\"sampleId\" : 12345678901234567890123456789012345678", "\"exact\" : 1.50");
    }

    @Test
    void plainJsonReportsAChangeOfType() {
        Map<String, Attr> item = Fixtures.everyType();
        String edited = PlainJson.write(item).replace("\"exact\" : 1.50", "\"exact\" : \"1.50\"")
                .replace("\"labels\" : [ \"alpha\", \"beta\" ]", "\"labels\" : [ \"alpha\", \"alpha\" ]");

        PlainJson.Parsed back = PlainJson.parse(edited, item);

        assertThat(back.typeChanges()).extracting(PlainJson.TypeChange::toString)
                .containsExactly("exact: N → S", "labels: SS → L");
    }

    @Test
    void plainJsonNumbersEqualInValueKeepTheirLoadedText() {
        Map<String, Attr> item = Map.of("n", new Attr.N("1.50"));

        assertThat(PlainJson.parse("{\"n\": 1.5}", item).item()).containsEntry("n", new Attr.N("1.50"));
        assertThat(PlainJson.parse("{\"n\": 2.5}", item).item()).containsEntry("n", new Attr.N("2.5"));
    }

    @Test
    void errorsPointAtLineAndColumn() {
        assertThatThrownBy(() -> DynamoJson.parse("{\n  \"a\": {\"S\": \"x\"},\n  \"b\": {\"S\": \"y\"\n}"))
                .isInstanceOfSatisfying(JsonProblem.class, p -> assertThat(p.line()).isEqualTo(4));
        assertThatThrownBy(() -> DynamoJson.parse("{\n  \"a\": {\"S\": \"x\"},\n  \"count\": {\"N\": 5}\n}"))
                .isInstanceOfSatisfying(JsonProblem.class, p -> {
                    assertThat(p.line()).isEqualTo(3);
                    assertThat(p.column()).isEqualTo(3);
                    assertThat(p.getMessage()).contains("count", "written as a string");
                });
        assertThatThrownBy(() -> DynamoJson.parse("{\"s\": {\"SS\": [\"a\", \"a\"]}}")).hasMessageContaining("twice");
    }
}
