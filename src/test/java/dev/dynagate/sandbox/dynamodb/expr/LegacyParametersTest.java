package dev.dynagate.sandbox.dynamodb.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynagate.sandbox.dynamodb.value.AttrValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static dev.dynagate.sandbox.dynamodb.expr.Av.item;
import static dev.dynagate.sandbox.dynamodb.expr.Av.l;
import static dev.dynagate.sandbox.dynamodb.expr.Av.n;
import static dev.dynagate.sandbox.dynamodb.expr.Av.ns;
import static dev.dynagate.sandbox.dynamodb.expr.Av.s;
import static dev.dynagate.sandbox.dynamodb.expr.Av.ss;
import static dev.dynagate.sandbox.dynamodb.expr.Av.validation;
import static org.assertj.core.api.Assertions.assertThat;

class LegacyParametersTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, AttrValue> ITEM = item("pk", s("k"), "age", n("42"), "tags", ss("a", "b"),
            "name", s("Ada Lovelace"), "lst", l(n("1")));

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static boolean filter(String conditions, String operator) {
        return LegacyParameters.filter(json(conditions), operator).test(ITEM);
    }

    @Test
    void everyComparisonOperator() {
        assertThat(filter("{'age':{'ComparisonOperator':'EQ','AttributeValueList':[{'N':'42.0'}]}}", null)).isTrue();
        assertThat(filter("{'age':{'ComparisonOperator':'NE','AttributeValueList':[{'N':'42'}]}}", null)).isFalse();
        assertThat(filter("{'absent':{'ComparisonOperator':'NE','AttributeValueList':[{'N':'42'}]}}", null)).isTrue();
        assertThat(filter("{'age':{'ComparisonOperator':'LT','AttributeValueList':[{'N':'43'}]}}", null)).isTrue();
        assertThat(filter("{'age':{'ComparisonOperator':'LE','AttributeValueList':[{'N':'42'}]}}", null)).isTrue();
        assertThat(filter("{'age':{'ComparisonOperator':'GT','AttributeValueList':[{'N':'42'}]}}", null)).isFalse();
        assertThat(filter("{'age':{'ComparisonOperator':'GE','AttributeValueList':[{'S':'42'}]}}", null)).isFalse();
        assertThat(filter("{'age':{'ComparisonOperator':'NOT_NULL'}}", null)).isTrue();
        assertThat(filter("{'absent':{'ComparisonOperator':'NULL'}}", null)).isTrue();
        assertThat(filter("{'name':{'ComparisonOperator':'CONTAINS','AttributeValueList':[{'S':'Love'}]}}", null)).isTrue();
        assertThat(filter("{'tags':{'ComparisonOperator':'CONTAINS','AttributeValueList':[{'S':'b'}]}}", null)).isTrue();
        assertThat(filter("{'lst':{'ComparisonOperator':'CONTAINS','AttributeValueList':[{'N':'1'}]}}", null)).isTrue();
        assertThat(filter("{'tags':{'ComparisonOperator':'NOT_CONTAINS','AttributeValueList':[{'S':'c'}]}}", null)).isTrue();
        assertThat(filter("{'absent':{'ComparisonOperator':'NOT_CONTAINS','AttributeValueList':[{'S':'c'}]}}", null))
                .isFalse();
        assertThat(filter("{'absent':{'ComparisonOperator':'CONTAINS','AttributeValueList':[{'S':'c'}]}}", null)).isFalse();
        assertThat(filter("{'name':{'ComparisonOperator':'BEGINS_WITH','AttributeValueList':[{'S':'Ada'}]}}", null)).isTrue();
        assertThat(filter("{'age':{'ComparisonOperator':'IN','AttributeValueList':[{'N':'1'},{'N':'42'}]}}", null)).isTrue();
        assertThat(filter("{'age':{'ComparisonOperator':'BETWEEN','AttributeValueList':[{'N':'40'},{'N':'42'}]}}", null))
                .isTrue();
    }

    @Test
    void conditionalOperatorCombines() {
        String both = "{'age':{'ComparisonOperator':'EQ','AttributeValueList':[{'N':'1'}]},"
                + "'pk':{'ComparisonOperator':'EQ','AttributeValueList':[{'S':'k'}]}}";
        assertThat(filter(both, null)).isFalse();
        assertThat(filter(both, "AND")).isFalse();
        assertThat(filter(both, "OR")).isTrue();
        assertThat(validation(() -> LegacyParameters.filter(json(both), "XOR"))).contains("conditionalOperator");
    }

    @Test
    void expectedValueAndExists() {
        assertThat(LegacyParameters.expected(json("{'age':{'Value':{'N':'42'}}}"), null).test(ITEM)).isTrue();
        assertThat(LegacyParameters.expected(json("{'age':{'Value':{'N':'42'},'Exists':true}}"), null).test(ITEM)).isTrue();
        assertThat(LegacyParameters.expected(json("{'age':{'Exists':false}}"), null).test(ITEM)).isFalse();
        assertThat(LegacyParameters.expected(json("{'absent':{'Exists':false}}"), null).test(ITEM)).isTrue();
        assertThat(LegacyParameters.expected(json("{'age':{'ComparisonOperator':'GT','AttributeValueList':[{'N':'1'}]}}"),
                null).test(ITEM)).isTrue();
        assertThat(LegacyParameters.expected(null, null).test(ITEM)).isTrue();
        assertThat(LegacyParameters.expected(json("{'pk':{'Exists':false}}"), null).test(Map.of())).isTrue();
    }

    @Test
    void expectedValidation() {
        String invalid = "One or more parameter values were invalid: ";
        assertThat(validation(() -> LegacyParameters.expected(json("{'a':{'Exists':true}}"), null)))
                .isEqualTo(invalid + "Value must be provided when Exists is true for Attribute: a");
        assertThat(validation(() -> LegacyParameters.expected(json("{'a':{}}"), null)))
                .isEqualTo(invalid + "Value must be provided when Exists is null for Attribute: a");
        assertThat(validation(() -> LegacyParameters.expected(json("{'a':{'Exists':false,'Value':{'S':'x'}}}"), null)))
                .isEqualTo(invalid + "Value cannot be used when Exists is false for Attribute: a");
        assertThat(validation(() -> LegacyParameters.expected(
                json("{'a':{'Exists':true,'ComparisonOperator':'NULL'}}"), null)))
                .isEqualTo(invalid + "Exists and ComparisonOperator cannot be used together for Attribute: a");
        assertThat(validation(() -> LegacyParameters.expected(json("{'a':{'AttributeValueList':[{'S':'x'}]}}"), null)))
                .isEqualTo(invalid + "AttributeValueList can only be used with a ComparisonOperator for Attribute: a");
        assertThat(validation(() -> LegacyParameters.expected(json("{'a':{'ComparisonOperator':'LT'}}"), null)))
                .isEqualTo(invalid + "Value or AttributeValueList must be used with ComparisonOperator: LT for Attribute: a");
        assertThat(validation(() -> LegacyParameters.expected(
                json("{'a':{'ComparisonOperator':'EQ','AttributeValueList':[]}}"), null)))
                .isEqualTo(invalid + "Invalid number of argument(s) for the EQ ComparisonOperator");
        assertThat(validation(() -> LegacyParameters.expected(
                json("{'a':{'ComparisonOperator':'NULL','Value':{'S':'a'}}}"), null)))
                .isEqualTo(invalid + "Invalid number of argument(s) for the NULL ComparisonOperator");
        assertThat(validation(() -> LegacyParameters.filter(
                json("{'a':{'ComparisonOperator':'LT','AttributeValueList':[{'SS':['x']}]}}"), null)))
                .isEqualTo(invalid + "ComparisonOperator LT is not valid for SS AttributeValue type");
        assertThat(validation(() -> LegacyParameters.filter(
                json("{'a':{'ComparisonOperator':'IN','AttributeValueList':[{'N':'3'},{'S':'dog'}]}}"), null)))
                .isEqualTo(invalid + "AttributeValues inside AttributeValueList must be of same type");
        assertThat(validation(() -> LegacyParameters.filter(
                json("{'a':{'ComparisonOperator':'BETWEEN','AttributeValueList':[{'N':'4'},{'N':'3'}]}}"), null)))
                .isEqualTo("The BETWEEN condition was provided a range where the lower bound is greater than the upper bound");
        assertThat(validation(() -> LegacyParameters.filter(
                json("{'a':{'ComparisonOperator':'IN','AttributeValueList':[{'L':[]}]}}"), null)))
                .isEqualTo(invalid + "ComparisonOperator IN is not valid for L AttributeValue type");
        assertThat(validation(() -> LegacyParameters.filter(
                json("{'a':{'ComparisonOperator':'BEGINS_WITH','AttributeValueList':[{'N':'3'}]}}"), null)))
                .isEqualTo(invalid + "ComparisonOperator BEGINS_WITH is not valid for N AttributeValue type");
    }

    @Test
    void keyConditions() {
        KeyCondition kc = LegacyParameters.keyConditions(json("{'pk':{'ComparisonOperator':'EQ','AttributeValueList':"
                + "[{'S':'k'}]},'sk':{'ComparisonOperator':'BETWEEN','AttributeValueList':[{'N':'1'},{'N':'5'}]}}"),
                "pk", "sk");
        assertThat(kc).isEqualTo(new KeyCondition("pk", s("k"),
                new SortCondition("sk", SortOperator.BETWEEN, n("1"), n("5"))));
        assertThat(validation(() -> LegacyParameters.keyConditions(
                json("{'sk':{'ComparisonOperator':'EQ','AttributeValueList':[{'N':'1'}]}}"), "pk", "sk")))
                .isEqualTo("Query condition missed key schema element: pk");
        assertThat(validation(() -> LegacyParameters.keyConditions(json("{'z':{'ComparisonOperator':'NULL'}}"), "pk", "sk")))
                .isEqualTo("Query condition missed key schema element: pk");
        assertThat(validation(() -> LegacyParameters.keyConditions(json("{}"), "pk", "sk")))
                .isEqualTo("Conditions can be of length 1 or 2 only");
        assertThat(validation(() -> LegacyParameters.keyConditions(
                json("{'pk':{'ComparisonOperator':'EQ','AttributeValueList':[{'S':'k'}]},"
                        + "'sk':{'ComparisonOperator':'NE','AttributeValueList':[{'N':'1'}]}}"), "pk", "sk")))
                .isEqualTo("Attempted conditional constraint is not an indexable operation");
    }

    @Test
    void attributeUpdates() {
        UpdateAction update = LegacyParameters.attributeUpdates(json("{'a':{'Value':{'S':'x'}},"
                + "'age':{'Action':'ADD','Value':{'N':'-2'}},'tags':{'Action':'DELETE','Value':{'SS':['a']}},"
                + "'lst':{'Action':'ADD','Value':{'L':[{'N':'2'}]}},'name':{'Action':'DELETE'},"
                + "'nums':{'Action':'ADD','Value':{'NS':['1']}}}"));
        Map<String, AttrValue> out = update.apply(ITEM);
        assertThat(out).containsEntry("a", s("x")).containsEntry("age", n("40")).containsEntry("tags", ss("b"))
                .containsEntry("lst", l(n("1"), n("2"))).containsEntry("nums", ns("1")).doesNotContainKey("name");
        assertThat(update.topLevelAttributes()).containsExactly("a", "age", "tags", "lst", "name", "nums");
        assertThat(validation(() -> LegacyParameters.attributeUpdates(json("{'pk':{'Action':'ADD','Value':{'N':'1'}}}"))
                .apply(ITEM))).isEqualTo("Type mismatch for attribute to update");
        assertThat(validation(() -> LegacyParameters.attributeUpdates(json("{'a':{'Action':'PUT'}}"))))
                .contains("Only DELETE action is allowed when no attribute value is specified");
        assertThat(validation(() -> LegacyParameters.attributeUpdates(json("{'a':{'Action':'DELETE','Value':{'S':'x'}}}"))))
                .contains("DELETE action with value is not supported for the type S");
    }

    @Test
    void attributesToGet() {
        Projection p = LegacyParameters.attributesToGet(json("['pk','name','absent']"));
        assertThat(p.apply(ITEM)).isEqualTo(item("pk", s("k"), "name", s("Ada Lovelace")));
        assertThat(p.paths()).containsExactly(List.of("pk"), List.of("name"), List.of("absent"));
        assertThat(validation(() -> LegacyParameters.attributesToGet(json("['a','a']"))))
                .isEqualTo("One or more parameter values were invalid: Duplicate value in attribute name: a");
    }
}
