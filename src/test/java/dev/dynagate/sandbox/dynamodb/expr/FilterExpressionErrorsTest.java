package dev.dynagate.sandbox.dynamodb.expr;

import dev.dynagate.sandbox.dynamodb.value.AttrValue;
import java.util.List;
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
import static dev.dynagate.sandbox.dynamodb.expr.Av.validation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Which error DynamoDB reports for a faulty FilterExpression, including when several problems meet. */
class FilterExpressionErrorsTest {
    private static final String PREFIX = "Invalid FilterExpression: ";

    private static String filter(String text, Map<String, String> names, Map<String, AttrValue> values) {
        return validation(() -> Expressions.filter(text, new ExpressionContext(names, values)));
    }

    private static String filter(String text) {
        return filter(text, null, null);
    }

    @Test
    void syntaxErrors() {
        for (String text : List.of("things are not gonna be ok", "a > 4", "attribute_exists(Pictures-RearView)",
                "attribute_exists(\"Pictures.RearView\")", "attribute_exists(Pictures..RearView)",
                "attribute_exists(Pi#ctures.RearView)", "attribute_exists(asdf[a])", "a in b, c", "a > between",
                "a in b", "a in (b,c,)", "(a)between(b.(c.d))and(c)", "(a)between(b.c.d)and((c)", "#$.b > a",
                "a > :things.stuff", "b[:a] > a", "b[#_] > a", "\u00fc > a", "(a)between(b.c[4.5].#d)and(:a)",
                "size(a).b > a", "(size(a)).b > a", "size(a)[0] > a", "(size(a))[0] > a")) {
            assertThat(filter(text)).as(text).startsWith(PREFIX + "Syntax error; ");
        }
    }

    @Test
    void redundantParenthesesComeFirst() {
        for (String text : List.of("a=a and a > ((views))", "(a)between(((b.c)).d)and(c)",
                "a > whatever((:things), ((a)))", "a=a AND ((a=a AND a=a)) AND a=a", "a=a OR ((a=a OR a=a)) OR a=a",
                "a=a AND ((a=a AND (a=a AND a=a)))", "a=a OR ((a=a OR (a=a OR a=a)))")) {
            assertThat(filter(text)).as(text).isEqualTo(PREFIX + "The expression has redundant parentheses;");
        }
    }

    @Test
    void thenFunctionNamesThenMisusedFunctionsThenReservedWords() {
        assertThat(filter("a=a and whatever((:things)) > a")).isEqualTo(PREFIX + "Invalid function name; function: whatever");
        assertThat(filter("attRIbute_exIsts((views), #a)")).endsWith("function: attRIbute_exIsts");
        Map<String, String> misused = Map.of(
                "a=a and attribute_exists((views), (#a)) > b", "attribute_exists",
                "attribute_not_exists(things) > b", "attribute_not_exists",
                "attribute_type(things, :a) > b", "attribute_type",
                "begins_with(things, a) > b", "begins_with",
                "contains(:things, c) > b", "contains",
                "size(contains(a, b)) > a", "contains",
                "size(things)", "size",
                "a between b and attribute_exists(things)", "attribute_exists",
                "a in (b, attribute_exists(things))", "attribute_exists");
        misused.forEach((text, function) -> assertThat(filter(text)).as(text).isEqualTo(PREFIX
                + "The function is not allowed to be used this way in an expression; function: " + function));
        assertThat(filter("attribute_exists(views, #a)")).isEqualTo(PREFIX
                + "Attribute name is a reserved keyword; reserved keyword: views");
        assertThat(filter(":a < abOrT")).endsWith("reserved keyword: abOrT");
    }

    @Test
    void thenTheFirstConditionWithAProblemDecides() {
        Map<String, String> missingNames = Map.of(
                "attribute_exists(#Pictures.RearView, :a) and a=a", "#Pictures",
                "begins_with(Pictures.#RearView)", "#RearView",
                "(#P between :lo and :hi) and (#PC in (:cat1, :cat2))", "#P",
                "#4g > a", "#4g",
                "#_ > a", "#_",
                "(a)between(b.c[45].#d)and(:a)", "#d");
        missingNames.forEach((text, name) -> assertThat(filter(text)).as(text).isEqualTo(PREFIX
                + "An expression attribute name used in the document path is not defined; attribute name: " + name));
        Map<String, String> missingValues = Map.of("begins_with(:hello, #a, #b)", ":hello", ":a < :b", ":a",
                ":_ > a", ":_");
        missingValues.forEach((text, value) -> assertThat(filter(text)).as(text).isEqualTo(PREFIX
                + "An expression attribute value used in expression is not defined; attribute value: " + value));
        Map<String, String> counts = Map.of(
                "attribute_exists(things, a) and a=a", "attribute_exists, number of operands: 2",
                "attribute_not_exists(things, b)", "attribute_not_exists, number of operands: 2",
                "attribute_type(things)", "attribute_type, number of operands: 1",
                "begins_with(things)", "begins_with, number of operands: 1",
                "begins_with(things, size(a), b)", "begins_with, number of operands: 3",
                "contains(things)", "contains, number of operands: 1",
                "size(things, a) > b", "size, number of operands: 2");
        counts.forEach((text, detail) -> assertThat(filter(text)).as(text).isEqualTo(PREFIX
                + "Incorrect number of operands for operator or function; operator or function: " + detail));
    }

    @Test
    void operandTypes() {
        Map<String, AttrValue> typed = Map.of("attribute_type(a, :a)", n("1"), "begins_with(a, :a)", bool(true),
                "begins_with(:a, a)", ss("1"), "size(size(a)) > :a", n("1"), "attribute_not_exists(size(:a))", n("1"),
                "size(:a) > a", nul());
        typed.forEach((text, value) -> assertThat(filter(text, null, item(":a", value))).as(text)
                .startsWith(PREFIX + "Incorrect operand type for operator or function; operator or function: ")
                .endsWith(", operand type: " + value.type()));
        for (AttrValue value : List.of(b("a"), l(), m(), ns("1"), bs("a"))) {
            assertThat(filter("attribute_type(a, :a)", null, item(":a", value))).endsWith("operand type: " + value.type());
            if (!value.type().equals("B")) {
                assertThat(filter("begins_with(a, :a)", null, item(":a", value))).endsWith("operand type: " + value.type());
            }
        }
        assertThat(filter("attribute_type(a, size(a)) and a=a and a=:a", null, item(":a", n("1"))))
                .endsWith("attribute_type, operand type: N");
        assertThat(filter("begins_with(a, size(a)) and a=:a", null, item(":a", n("1"))))
                .endsWith("begins_with, operand type: N");
        assertThat(filter("attribute_type(a, :a)", null, item(":a", s("1")))).isEqualTo(PREFIX
                + "Invalid attribute type name found; type: 1, valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}");
        assertThat(filter("attribute_exists(:a) and a=a", null, item(":a", s("1")))).isEqualTo(PREFIX
                + "Operator or function requires a document path; operator or function: attribute_exists");
        assertThat(filter("attribute_not_exists(size(:a))", null, item(":a", s("1"))))
                .endsWith("requires a document path; operator or function: attribute_not_exists");
    }

    @Test
    void distinctOperands() {
        Map<String, String> names = Map.of("#a", "a");
        Map<String, String> cases = Map.of(
                "a = a AND #a = b AND :views > a", "=, first operand: [a]",
                "#a <> a", "<>, first operand: [a]",
                "a > #a", ">, first operand: [a]",
                "((a=a) OR (a=a))", "=, first operand: [a]",
                "contains(ab.bc[1].a, ab.bc[1].#a)", "contains, first operand: [ab, bc, [1], a]",
                "attribute_type(ab.bc[1].#a, ab.bc[1].a)", "attribute_type, first operand: [ab, bc, [1], a]",
                "begins_with(ab.bc[1].a, ab.bc[1].#a)", "begins_with, first operand: [ab, bc, [1], a]");
        cases.forEach((text, detail) -> assertThat(filter(text, names, null)).as(text).isEqualTo(PREFIX
                + "The first operand must be distinct from the remaining operands for this operator or function; "
                + "operator: " + detail));
    }

    @Test
    void aParenthesisedPathMayGoOn() {
        Condition c = Expressions.filter("(a.b).c = :v AND (a)[0] <> :v", new ExpressionContext(null, item(":v", n("1"))));
        assertThat(c.test(item("a", m("b", m("c", n("1")))))).isTrue();
        assertThatCode(() -> Expressions.filter("(a)between(b.c[45].#d)and(:a)",
                new ExpressionContext(Map.of("#d", "d"), item(":a", n("1"))))).doesNotThrowAnyException();
    }
}
