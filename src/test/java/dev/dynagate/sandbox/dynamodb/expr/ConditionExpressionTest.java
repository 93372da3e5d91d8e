package dev.dynagate.sandbox.dynamodb.expr;

import dev.dynagate.sandbox.dynamodb.value.AttrValue;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static dev.dynagate.sandbox.dynamodb.expr.Av.b;
import static dev.dynagate.sandbox.dynamodb.expr.Av.bool;
import static dev.dynagate.sandbox.dynamodb.expr.Av.bs;
import static dev.dynagate.sandbox.dynamodb.expr.Av.item;
import static dev.dynagate.sandbox.dynamodb.expr.Av.l;
import static dev.dynagate.sandbox.dynamodb.expr.Av.m;
import static dev.dynagate.sandbox.dynamodb.expr.Av.n;
import static dev.dynagate.sandbox.dynamodb.expr.Av.ns;
import static dev.dynagate.sandbox.dynamodb.expr.Av.nul;
import static dev.dynagate.sandbox.dynamodb.expr.Av.s;
import static dev.dynagate.sandbox.dynamodb.expr.Av.ss;
import static dev.dynagate.sandbox.dynamodb.expr.Av.values;
import static org.assertj.core.api.Assertions.assertThat;

class ConditionExpressionTest {
    private static final Map<String, AttrValue> ITEM = item(
            "pk", s("user#1"),
            "age", n("42"),
            "nm", s("Ada"),
            "emoji", s("a\uD83D\uDE00"),
            "bin", b("abc"),
            "flag", bool(true),
            "nothing", nul(),
            "tags", ss("red", "blue"),
            "scores", ns("1", "2.5"),
            "blobs", bs("x", "y"),
            "lst", l(s("a"), n("1"), m("k", s("v"))),
            "doc", m("mid", m("low", n("7")), "arr", l(n("10"), n("20"))));

    private static boolean test(String expression, Object... values) {
        return Expressions.condition(expression, values(values)).test(ITEM);
    }

    @Test
    void comparatorsOnNumbersStringsAndBinaries() {
        assertThat(test("age = :v", ":v", n("42.0"))).isTrue();
        assertThat(test("age <> :v", ":v", n("42"))).isFalse();
        assertThat(test("age < :v", ":v", n("100"))).isTrue();
        assertThat(test("age <= :v", ":v", n("42"))).isTrue();
        assertThat(test("age > :v", ":v", n("-1E+3"))).isTrue();
        assertThat(test("age >= :v", ":v", n("43"))).isFalse();
    }

    @Test
    void valueOnTheLeftAndPathsOnBothSides() {
        assertThat(test(":v < age", ":v", n("1"))).isTrue();
        assertThat(test("age > doc.mid.low")).isTrue();
        assertThat(test("doc.arr[1] = :v", ":v", n("20"))).isTrue();
        assertThat(test("lst[2].k = :v", ":v", s("v"))).isTrue();
    }

    @Test
    void stringsCompareByCodePointAndBinariesUnsigned() {
        assertThat(test("emoji > :v", ":v", s("a\uFFFF"))).isTrue();
        assertThat(test("bin < :v", ":v", new AttrValue.B(new byte[] {(byte) 0x80}))).isTrue();
    }

    @Test
    void differentTypesAreNeverEqualOrOrdered() {
        assertThat(test("age = :v", ":v", s("42"))).isFalse();
        assertThat(test("age <> :v", ":v", s("42"))).isTrue();
        assertThat(test("age < :v", ":v", s("42"))).isFalse();
        assertThat(test("age >= :v", ":v", s("42"))).isFalse();
        assertThat(test("flag < age")).isFalse();
        assertThat(test("lst >= :v", ":v", n("1"))).isFalse();
    }

    @Test
    void missingAttributesCompareFalseExceptNotEqual() {
        assertThat(test("absent = :v", ":v", n("1"))).isFalse();
        assertThat(test("absent < :v", ":v", n("1"))).isFalse();
        assertThat(test("absent <> :v", ":v", n("1"))).isTrue();
        assertThat(test("absent BETWEEN :a AND :b", ":a", n("1"), ":b", n("2"))).isFalse();
        assertThat(test("absent IN (:a)", ":a", n("1"))).isFalse();
    }

    @Test
    void documentsCompareByValue() {
        assertThat(test("tags = :v", ":v", ss("blue", "red"))).isTrue();
        assertThat(test("scores = :v", ":v", ns("2.50", "1"))).isTrue();
        assertThat(test("lst = :v", ":v", l(s("a"), n("1.0"), m("k", s("v"))))).isTrue();
        assertThat(test("doc.mid = :v", ":v", m("low", n("7")))).isTrue();
        assertThat(test("nothing = :v", ":v", nul())).isTrue();
        assertThat(test("flag = :v", ":v", bool(true))).isTrue();
    }

    @Test
    void betweenIsInclusiveAndTyped() {
        assertThat(test("age BETWEEN :a AND :b", ":a", n("42"), ":b", n("42"))).isTrue();
        assertThat(test("age between :a and :b", ":a", n("1"), ":b", n("41"))).isFalse();
        assertThat(test("#x BETWEEN :a AND :b".replace("#x", "pk"), ":a", s("user"), ":b", s("user#2"))).isTrue();
    }

    @Test
    void inMatchesAnyCandidate() {
        assertThat(test("age IN (:a, :b)", ":a", n("1"), ":b", n("42"))).isTrue();
        assertThat(test("age IN (:a)", ":a", s("42"))).isFalse();
        assertThat(test("age in (doc.mid.low, :a)", ":a", n("42"))).isTrue();
    }

    @Test
    void existenceAndTypeFunctions() {
        assertThat(test("attribute_exists(age)")).isTrue();
        assertThat(test("attribute_exists(doc.mid.low)")).isTrue();
        assertThat(test("attribute_exists(doc.arr[5])")).isFalse();
        assertThat(test("attribute_not_exists(absent)")).isTrue();
        assertThat(test("attribute_not_exists(nothing)")).isFalse();
        assertThat(test("attribute_type(age, :t)", ":t", s("N"))).isTrue();
        assertThat(test("attribute_type(tags, :t)", ":t", s("SS"))).isTrue();
        assertThat(test("attribute_type(absent, :t)", ":t", s("S"))).isFalse();
        assertThat(test("attribute_type(:v, :t)", ":v", n("0"), ":t", s("N"))).isTrue();
    }

    @Test
    void beginsWithTakesStringsAndBinaries() {
        assertThat(test("begins_with(pk, :p)", ":p", s("user#"))).isTrue();
        assertThat(test("begins_with(pk, :p)", ":p", s("User"))).isFalse();
        assertThat(test("begins_with(bin, :p)", ":p", b("ab"))).isTrue();
        assertThat(test("begins_with(age, :p)", ":p", s("4"))).isFalse();
        assertThat(test("begins_with(bin, :p)", ":p", s("ab"))).isFalse();
    }

    @Test
    void containsWorksOnStringsSetsAndLists() {
        assertThat(test("contains(#n, :v)".replace("#n", "pk"), ":v", s("r#"))).isTrue();
        assertThat(test("contains(tags, :v)", ":v", s("red"))).isTrue();
        assertThat(test("contains(tags, :v)", ":v", s("re"))).isFalse();
        assertThat(test("contains(scores, :v)", ":v", n("2.50"))).isTrue();
        assertThat(test("contains(blobs, :v)", ":v", b("y"))).isTrue();
        assertThat(test("contains(bin, :v)", ":v", b("bc"))).isTrue();
        assertThat(test("contains(bin, :v)", ":v", b("ca"))).isFalse();
        assertThat(test("contains(lst, :v)", ":v", ss("q"))).isFalse();
        assertThat(test("contains(lst, :v)", ":v", n("1"))).isTrue();
        assertThat(test("contains(lst, :v)", ":v", m("k", s("v")))).isTrue();
        assertThat(test("contains(age, :v)", ":v", n("4"))).isFalse();
        assertThat(test("contains(tags, :v)", ":v", n("1"))).isFalse();
    }

    @Test
    void sizeCountsUtf16UnitsBytesAndElements() {
        assertThat(test("size(emoji) = :v", ":v", n("3"))).isTrue();
        assertThat(test("size(bin) = :v", ":v", n("3"))).isTrue();
        assertThat(test("size(tags) = :v", ":v", n("2"))).isTrue();
        assertThat(test("size(lst) = :v", ":v", n("3"))).isTrue();
        assertThat(test("size(doc) = :v", ":v", n("2"))).isTrue();
        assertThat(test("size(doc.arr) > size(tags)")).isFalse();
        assertThat(test("size(doc.arr) >= size(tags)")).isTrue();
    }

    @Test
    void sizeOfNumbersBooleansNullsAndMissingIsFalseNotAnError() {
        assertThat(test("size(age) = :v", ":v", n("2"))).isFalse();
        assertThat(test("size(flag) > :v", ":v", n("0"))).isFalse();
        assertThat(test("size(nothing) >= :v", ":v", n("0"))).isFalse();
        assertThat(test("size(absent) < :v", ":v", n("10"))).isFalse();
    }

    @Test
    void notBindsTighterThanAndWhichBindsTighterThanOr() {
        // false AND false OR true => true only when OR is weakest
        assertThat(test("age = :no AND age = :no OR age = :yes", ":no", n("0"), ":yes", n("42"))).isTrue();
        // true OR true AND false => true (AND first)
        assertThat(test("age = :yes OR age = :yes AND age = :no", ":no", n("0"), ":yes", n("42"))).isTrue();
        // NOT applies to the first comparison only
        assertThat(test("NOT age = :no AND age = :yes", ":no", n("0"), ":yes", n("42"))).isTrue();
        assertThat(test("NOT (age = :yes OR age = :no)", ":no", n("0"), ":yes", n("42"))).isFalse();
        assertThat(test("not not age = :yes", ":yes", n("42"))).isTrue();
        assertThat(test("(age = :yes OR age = :no) AND age = :no", ":no", n("0"), ":yes", n("42"))).isFalse();
    }

    @Test
    void parenthesisedOperandsAreAllowedOnce() {
        assertThat(test("(age) = :v", ":v", n("42"))).isTrue();
        assertThat(test("(size(tags)) = (:v)", ":v", n("2"))).isTrue();
        assertThat(test("(begins_with(pk, :p))", ":p", s("user"))).isTrue();
    }

    @Test
    void namesAndNestedNamesResolve() {
        ExpressionContext ctx = Av.ctx(Map.of("#s", "name", "#d", "low", "#dot", "a.b"), ":v", s("Ada"), ":n", n("7"),
                ":x", n("1"));
        Condition c = Expressions.condition("#s = :v AND doc.mid.#d = :n AND #dot = :x", ctx);
        assertThat(c.test(ITEM)).isFalse();
        assertThat(c.test(item("name", s("Ada"), "doc", m("mid", m("low", n("7"))), "a.b", n("1")))).isTrue();
        ctx.checkAllUsed();
    }

    @Test
    void emptyItemMeansTheItemDoesNotExist() {
        assertThat(Expressions.condition("attribute_not_exists(pk)", values()).test(Map.of())).isTrue();
        assertThat(Expressions.condition("attribute_exists(pk)", values()).test(Map.of())).isFalse();
    }
}
