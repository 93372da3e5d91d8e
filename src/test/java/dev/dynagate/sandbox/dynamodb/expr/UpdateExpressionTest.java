package dev.dynagate.sandbox.dynamodb.expr;

import dev.dynagate.sandbox.dynamodb.value.AttrValue;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static dev.dynagate.sandbox.dynamodb.expr.Av.bs;
import static dev.dynagate.sandbox.dynamodb.expr.Av.item;
import static dev.dynagate.sandbox.dynamodb.expr.Av.l;
import static dev.dynagate.sandbox.dynamodb.expr.Av.m;
import static dev.dynagate.sandbox.dynamodb.expr.Av.n;
import static dev.dynagate.sandbox.dynamodb.expr.Av.ns;
import static dev.dynagate.sandbox.dynamodb.expr.Av.nul;
import static dev.dynagate.sandbox.dynamodb.expr.Av.s;
import static dev.dynagate.sandbox.dynamodb.expr.Av.ss;
import static dev.dynagate.sandbox.dynamodb.expr.Av.validation;
import static dev.dynagate.sandbox.dynamodb.expr.Av.values;
import static org.assertj.core.api.Assertions.assertThat;

class UpdateExpressionTest {
    private static final Map<String, AttrValue> ITEM = item(
            "pk", s("k"),
            "cnt", n("5"),
            "tags", ss("a", "b"),
            "nums", ns("1", "2"),
            "lst", l(s("x"), s("y"), s("z")),
            "doc", m("mid", m("low", n("1")), "arr", l(n("10"), n("20"))),
            "nothing", nul());

    private static Map<String, AttrValue> update(String expression, Object... values) {
        return Expressions.update(expression, values(values)).apply(ITEM);
    }

    @Test
    void setReplacesAndAddsAttributes() {
        Map<String, AttrValue> out = update("SET a = :v, pk = :w", ":v", s("new"), ":w", s("k2"));
        assertThat(out).containsEntry("a", s("new")).containsEntry("pk", s("k2")).containsEntry("cnt", n("5"));
    }

    @Test
    void theInputItemIsNeverChanged() {
        Map<String, AttrValue> before = new HashMap<>(ITEM);
        update("SET doc.mid.low = :v, lst[0] = :v REMOVE tags ADD cnt :n DELETE nums :d", ":v", s("q"), ":n",
                n("1"), ":d", ns("1"));
        assertThat(ITEM).isEqualTo(before);
    }

    @Test
    void setArithmeticAndFunctions() {
        assertThat(update("SET cnt = cnt + :one", ":one", n("1"))).containsEntry("cnt", n("6"));
        assertThat(update("SET cnt = :ten - cnt", ":ten", n("10"))).containsEntry("cnt", n("5"));
        assertThat(update("SET c2 = if_not_exists(absent, :z) + :one", ":z", n("0"), ":one", n("1")))
                .containsEntry("c2", n("1"));
        assertThat(update("SET cnt = if_not_exists(cnt, :z)", ":z", n("0"))).containsEntry("cnt", n("5"));
        assertThat(update("SET lst = list_append(lst, :more)", ":more", l(s("w"))))
                .containsEntry("lst", l(s("x"), s("y"), s("z"), s("w")));
        assertThat(update("SET lst = list_append(:more, lst)", ":more", l(s("w"))))
                .containsEntry("lst", l(s("w"), s("x"), s("y"), s("z")));
        assertThat(update("SET fresh = list_append(if_not_exists(fresh, :empty), :v)", ":empty", l(), ":v",
                l(n("1")))).containsEntry("fresh", l(n("1")));
        assertThat(update("SET c3 = (cnt + :one)", ":one", n("1"))).containsEntry("c3", n("6"));
    }

    @Test
    void rightHandSidesReadTheItemBeforeTheUpdate() {
        Map<String, AttrValue> out = update("SET a = pk, pk = :v", ":v", s("other"));
        assertThat(out).containsEntry("a", s("k")).containsEntry("pk", s("other"));
    }

    @Test
    void arithmeticKeepsAll38DigitsAndRefusesMore() {
        Map<String, AttrValue> big = item("n", n("99999999999999999999999999999999999998"));
        UpdateAction plusOne = Expressions.update("SET n = n + :one", values(":one", n("1")));
        assertThat(plusOne.apply(big)).containsEntry("n", n("99999999999999999999999999999999999999"));
        Map<String, AttrValue> max = plusOne.apply(big);
        assertThat(plusOne.apply(max)).containsEntry("n", n("1E+38"));
        UpdateAction precise = Expressions.update("SET n = n + :tiny", values(":tiny", n("0.1")));
        // DynamoDB words a sum that needs a 39th digit as an overflow, not as a number sent with too many digits
        assertThat(validation(() -> precise.apply(max)))
                .isEqualTo("Number overflow. Attempting to store a number with magnitude larger than supported range");
        UpdateAction addOne = Expressions.update("ADD n :one", values(":one", n("1")));
        assertThat(validation(() -> addOne.apply(item("n", n("1E+50"))))).startsWith("Number overflow.");
        UpdateAction huge = Expressions.update("SET n = n + n", values());
        assertThat(validation(() -> huge.apply(item("n", n("9.9E+125")))))
                .isEqualTo("Number overflow. Attempting to store a number with magnitude larger than supported range");
        assertThat(Expressions.update("SET n = n - :v", values(":v", n("0.5"))).apply(item("n", n("0.5"))))
                .containsEntry("n", n("0"));
    }

    @Test
    void setNestedPathsAndListIndexes() {
        assertThat(update("SET doc.mid.low = :v", ":v", s("q")))
                .containsEntry("doc", m("mid", m("low", s("q")), "arr", l(n("10"), n("20"))));
        assertThat(update("SET doc.mid.extra = :v", ":v", s("q")).get("doc"))
                .isEqualTo(m("mid", m("low", n("1"), "extra", s("q")), "arr", l(n("10"), n("20"))));
        assertThat(update("SET lst[1] = :v", ":v", s("Y"))).containsEntry("lst", l(s("x"), s("Y"), s("z")));
        assertThat(update("SET lst[99] = :v", ":v", s("end"))).containsEntry("lst", l(s("x"), s("y"), s("z"), s("end")));
        assertThat(update("SET doc.arr[0] = doc.arr[1]").get("doc"))
                .isEqualTo(m("mid", m("low", n("1")), "arr", l(n("20"), n("20"))));
    }

    @Test
    void setThroughAMissingOrMistypedParentIsInvalid() {
        String invalid = "The document path provided in the update expression is invalid for update";
        assertThat(validation(() -> update("SET doc.absent.c = :v", ":v", s("q")))).isEqualTo(invalid);
        assertThat(validation(() -> update("SET absent.c = :v", ":v", s("q")))).isEqualTo(invalid);
        assertThat(validation(() -> update("SET cnt.c = :v", ":v", s("q")))).isEqualTo(invalid);
        assertThat(validation(() -> update("SET doc[0] = :v", ":v", s("q")))).isEqualTo(invalid);
        assertThat(validation(() -> update("SET lst[7].a = :v", ":v", s("q")))).isEqualTo(invalid);
    }

    @Test
    void setFromMissingAttributesAndWrongTypesFails() {
        assertThat(validation(() -> update("SET a = absent")))
                .isEqualTo("The provided expression refers to an attribute that does not exist in the item");
        assertThat(validation(() -> update("SET a = absent + :one", ":one", n("1"))))
                .isEqualTo("The provided expression refers to an attribute that does not exist in the item");
        assertThat(validation(() -> update("SET a = pk + :one", ":one", n("1"))))
                .isEqualTo("An operand in the update expression has an incorrect data type");
        assertThat(validation(() -> update("SET a = list_append(pk, :l)", ":l", l())))
                .isEqualTo("An operand in the update expression has an incorrect data type");
    }

    @Test
    void removeAttributesNestedValuesAndListElements() {
        assertThat(update("REMOVE tags, cnt")).doesNotContainKeys("tags", "cnt").containsKey("pk");
        assertThat(update("REMOVE doc.mid.low").get("doc")).isEqualTo(m("mid", m(), "arr", l(n("10"), n("20"))));
        assertThat(update("REMOVE lst[0]")).containsEntry("lst", l(s("y"), s("z")));
        assertThat(update("REMOVE lst[0], lst[2]")).containsEntry("lst", l(s("y")));
        assertThat(update("REMOVE lst[2], lst[0]")).containsEntry("lst", l(s("y")));
        assertThat(update("REMOVE lst[10], absent")).containsEntry("lst", l(s("x"), s("y"), s("z")));
    }

    @Test
    void addNumbersAndSets() {
        assertThat(update("ADD cnt :n", ":n", n("-7.5"))).containsEntry("cnt", n("-2.5"));
        assertThat(update("ADD fresh :n", ":n", n("3"))).containsEntry("fresh", n("3"));
        assertThat(update("ADD tags :s", ":s", ss("b", "c"))).containsEntry("tags", ss("a", "b", "c"));
        assertThat(update("ADD nums :s", ":s", ns("2.0", "3"))).containsEntry("nums", ns("1", "2", "3"));
        assertThat(update("ADD newset :s", ":s", bs("q"))).containsEntry("newset", bs("q"));
        assertThat(update("ADD doc.mid.low :n", ":n", n("1")).get("doc"))
                .isEqualTo(m("mid", m("low", n("2")), "arr", l(n("10"), n("20"))));
    }

    @Test
    void addWithMismatchedTypesFails() {
        String message = "An operand in the update expression has an incorrect data type";
        assertThat(validation(() -> update("ADD nothing :n", ":n", n("1")))).isEqualTo(message);
        assertThat(validation(() -> update("ADD tags :n", ":n", n("1")))).isEqualTo(message);
        assertThat(validation(() -> update("ADD cnt :s", ":s", ss("x")))).isEqualTo(message);
        assertThat(validation(() -> update("ADD nums :s", ":s", ss("x")))).isEqualTo(message);
    }

    @Test
    void deleteFromSetsAndEmptyingRemovesTheAttribute() {
        assertThat(update("DELETE tags :s", ":s", ss("a", "zz"))).containsEntry("tags", ss("b"));
        assertThat(update("DELETE nums :s", ":s", ns("1.0"))).containsEntry("nums", ns("2"));
        assertThat(update("DELETE tags :s", ":s", ss("a", "b"))).doesNotContainKey("tags");
        assertThat(update("DELETE absent :s", ":s", ss("a"))).doesNotContainKey("absent");
        assertThat(validation(() -> update("DELETE tags :s", ":s", ns("1"))))
                .isEqualTo("An operand in the update expression has an incorrect data type");
    }

    @Test
    void clausesInAnyOrderAndCaseAndTheTouchedAttributes() {
        UpdateAction action = Expressions.update("remove tags add cnt :n set doc.mid.low = :v delete nums :d",
                values(":n", n("1"), ":v", s("q"), ":d", ns("1")));
        Map<String, AttrValue> out = action.apply(ITEM);
        assertThat(out).doesNotContainKey("tags").containsEntry("cnt", n("6")).containsEntry("nums", ns("2"));
        assertThat(action.topLevelAttributes()).containsExactlyInAnyOrder("tags", "cnt", "doc", "nums");
    }

    @Test
    void updatesCreateTheItemFromNothing() {
        UpdateAction action = Expressions.update("SET a = :v ADD c :n", values(":v", s("x"), ":n", n("1")));
        assertThat(action.apply(Map.of())).isEqualTo(item("a", s("x"), "c", n("1")));
    }

    @Test
    void appendsPastTheEndLandInIndexOrder() {
        Map<String, AttrValue> out = Expressions.update("SET a[84] = :v1, a[37] = :v2, a[17] = :v3, a[50] = :v4",
                values(":v1", s("a1"), ":v2", s("a2"), ":v3", s("a3"), ":v4", s("a4")))
                .apply(item("a", l(s("one"))));
        assertThat(out).containsEntry("a", l(s("one"), s("a3"), s("a2"), s("a4"), s("a1")));
    }

    @Test
    void listIndexesReferToTheListBeforeTheUpdate() {
        Map<String, AttrValue> list = item("a", l(n("2"), n("3"), n("4"), n("5"), n("6"), n("7")));
        AttrValue expected = l(n("2"), n("4"), n("17"), n("6"), n("7"));
        assertThat(Expressions.update("REMOVE a[1] SET a[3] = :v", values(":v", n("17"))).apply(list))
                .containsEntry("a", expected);
        assertThat(Expressions.update("SET a[3] = :v REMOVE a[1]", values(":v", n("17"))).apply(list))
                .containsEntry("a", expected);
    }

    @Test
    void removingNestedPathsOfAMissingItemIsIgnoredButNotOfAMissingAttribute() {
        UpdateAction remove = Expressions.update("REMOVE x.y, z[0]", values());
        assertThat(remove.apply(Map.of())).isEmpty();
        assertThat(validation(() -> remove.apply(item("pk", s("k")))))
                .isEqualTo("The document path provided in the update expression is invalid for update");
        assertThat(Expressions.update("REMOVE a.y, b[7], c", values()).apply(item("a", m("x", n("3")), "b", l(s("hi")))))
                .isEqualTo(item("a", m("x", n("3")), "b", l(s("hi"))));
    }

    @Test
    void aNewItemStartsFromItsKey() {
        Map<String, AttrValue> key = item("pk", s("k"));
        assertThat(Expressions.update("SET dup = pk REMOVE x.y", values()).applyToNewItem(key))
                .isEqualTo(item("pk", s("k"), "dup", s("k")));
        assertThat(validation(() -> Expressions.update("SET b.a = pk", values()).applyToNewItem(key)))
                .isEqualTo("The document path provided in the update expression is invalid for update");
        assertThat(validation(() -> Expressions.update("SET c = b", values()).applyToNewItem(key)))
                .isEqualTo("The provided expression refers to an attribute that does not exist in the item");
    }

    @Test
    void incorrectDataTypesAtRunTime() {
        Map<String, AttrValue> stored = item("b", m("a", ss("1")), "c", n("1"), "d", ns("1"));
        String message = "An operand in the update expression has an incorrect data type";
        Map<String, AttrValue> cases = new java.util.LinkedHashMap<>();
        cases.put("delete d :a", ss("1"));
        cases.put("delete b :a", ns("1"));
        cases.put("delete b.a :a", ns("1"));
        cases.put("delete c :a", ns("1"));
        cases.put("add b :a", ns("1"));
        cases.put("add d :a", n("1"));
        cases.put("set e = b - :a", n("1"));
        cases.put("set e = list_append(d, if_not_exists(f, :a))", l());
        cases.forEach((text, value) -> assertThat(validation(() -> Expressions.update(text, values(":a", value))
                .apply(stored))).as(text).isEqualTo(message));
    }
}
