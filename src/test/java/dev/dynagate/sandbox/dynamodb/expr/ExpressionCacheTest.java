package dev.dynagate.sandbox.dynamodb.expr;

import dev.dynagate.sandbox.dynamodb.value.AttrValue;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static dev.dynagate.sandbox.dynamodb.expr.Av.ctx;
import static dev.dynagate.sandbox.dynamodb.expr.Av.item;
import static dev.dynagate.sandbox.dynamodb.expr.Av.l;
import static dev.dynagate.sandbox.dynamodb.expr.Av.n;
import static dev.dynagate.sandbox.dynamodb.expr.Av.ns;
import static dev.dynagate.sandbox.dynamodb.expr.Av.s;
import static dev.dynagate.sandbox.dynamodb.expr.Av.validation;
import static dev.dynagate.sandbox.dynamodb.expr.Av.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** An UpdateExpression sent again is served from the cache, with the new request's values and the same checks. */
class ExpressionCacheTest {
    private static final Map<String, AttrValue> ITEM = item("pk", s("k"), "cnt", n("5"), "lst", l(s("x")));

    @Test
    void theSameExpressionWithOtherValuesAppliesTheNewValuesEverywhere() {
        String text = "SET a = if_not_exists(a, :v) + :d, lst = list_append(lst, :l) ADD cnt :d, nums :ns "
                + "DELETE nums2 :ns";
        Map<String, AttrValue> first = Expressions.update(text,
                values(":v", n("1"), ":d", n("2"), ":l", l(s("y")), ":ns", ns("7"))).apply(ITEM);
        Map<String, AttrValue> second = Expressions.update(text,
                values(":v", n("10"), ":d", n("20"), ":l", l(s("z")), ":ns", ns("8"))).apply(ITEM);

        assertThat(first).containsEntry("a", n("3")).containsEntry("cnt", n("7"))
                .containsEntry("lst", l(s("x"), s("y"))).containsEntry("nums", ns("7"));
        assertThat(second).containsEntry("a", n("30")).containsEntry("cnt", n("25"))
                .containsEntry("lst", l(s("x"), s("z"))).containsEntry("nums", ns("8"));
    }

    @Test
    void aValueOfAnotherTypeIsCheckedAgain() {
        Expressions.update("ADD cnt :v", values(":v", n("1")));
        assertThat(validation(() -> Expressions.update("ADD cnt :v", values(":v", s("1")))))
                .isEqualTo("Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, "
                        + "operand type: STRING");
    }

    @Test
    void otherNamesResolveToOtherAttributes() {
        Map<String, AttrValue> first = Expressions.update("SET #a = :v",
                ctx(Map.of("#a", "one"), ":v", n("1"))).apply(ITEM);
        Map<String, AttrValue> second = Expressions.update("SET #a = :v",
                ctx(Map.of("#a", "two"), ":v", n("1"))).apply(ITEM);
        assertThat(first).containsKey("one").doesNotContainKey("two");
        assertThat(second).containsKey("two").doesNotContainKey("one");
    }

    @Test
    void aCachedExpressionStillMarksItsReferencesAsUsed() {
        for (int i = 0; i < 2; i++) {
            ExpressionContext context = ctx(Map.of("#a", "one"), ":v", n("1"));
            Expressions.update("SET #a = :v", context);
            assertThatCode(context::checkAllUsed).as("request " + i).doesNotThrowAnyException();
        }
        ExpressionContext unused = ctx(Map.of("#a", "one", "#b", "two"), ":v", n("1"));
        Expressions.update("SET #a = :v", unused);
        assertThat(validation(unused::checkAllUsed))
                .isEqualTo("Value provided in ExpressionAttributeNames unused in expressions: keys: {#b}");
    }

    @Test
    void aFailedParseIsNotKeptAndFailsTheSameWayAgain() {
        for (int i = 0; i < 2; i++) {
            assertThat(validation(() -> Expressions.update("SET a = :missing", values(":v", n("1")))))
                    .isEqualTo("Invalid UpdateExpression: An expression attribute value used in expression is not "
                            + "defined; attribute value: :missing");
        }
    }
}
