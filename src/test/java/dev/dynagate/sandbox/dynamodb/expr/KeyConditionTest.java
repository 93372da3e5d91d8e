package dev.dynagate.sandbox.dynamodb.expr;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static dev.dynagate.sandbox.dynamodb.expr.Av.b;
import static dev.dynagate.sandbox.dynamodb.expr.Av.n;
import static dev.dynagate.sandbox.dynamodb.expr.Av.s;
import static dev.dynagate.sandbox.dynamodb.expr.Av.validation;
import static dev.dynagate.sandbox.dynamodb.expr.Av.values;
import static org.assertj.core.api.Assertions.assertThat;

class KeyConditionTest {

    private static KeyCondition key(String text, Object... values) {
        return Expressions.keyCondition(text, values(values), "pk", "sk");
    }

    private static String error(String text, Object... values) {
        return validation(() -> key(text, values));
    }

    @Test
    void partitionKeyAlone() {
        KeyCondition kc = key("pk = :p", ":p", s("a"));
        assertThat(kc).isEqualTo(new KeyCondition("pk", s("a"), null));
        assertThat(Expressions.keyCondition("#h = :p", Av.ctx(Map.of("#h", "pk"), ":p", n("1")), "pk", null))
                .isEqualTo(new KeyCondition("pk", n("1"), null));
    }

    @Test
    void everySortOperatorInEitherOrder() {
        assertThat(key("pk = :p AND sk = :s", ":p", s("a"), ":s", n("1")).sort())
                .isEqualTo(new SortCondition("sk", SortOperator.EQ, n("1"), null));
        assertThat(key("sk < :s AND pk = :p", ":p", s("a"), ":s", n("1")).sort().operator()).isEqualTo(SortOperator.LT);
        assertThat(key("pk = :p and sk <= :s", ":p", s("a"), ":s", n("1")).sort().operator()).isEqualTo(SortOperator.LE);
        assertThat(key("pk = :p AND sk > :s", ":p", s("a"), ":s", n("1")).sort().operator()).isEqualTo(SortOperator.GT);
        assertThat(key("pk = :p AND sk >= :s", ":p", s("a"), ":s", n("1")).sort().operator()).isEqualTo(SortOperator.GE);
        assertThat(key(":s > sk AND :p = pk", ":p", s("a"), ":s", n("1")).sort().operator()).isEqualTo(SortOperator.LT);
        assertThat(key("pk = :p AND sk BETWEEN :a AND :b", ":p", s("a"), ":a", n("1"), ":b", n("2")).sort())
                .isEqualTo(new SortCondition("sk", SortOperator.BETWEEN, n("1"), n("2")));
        assertThat(key("pk = :p AND begins_with(sk, :x)", ":p", s("a"), ":x", s("ab")).sort())
                .isEqualTo(new SortCondition("sk", SortOperator.BEGINS_WITH, s("ab"), null));
        assertThat(key("(pk = :p) AND (sk = :s)", ":p", s("a"), ":s", n("1")).sort().operator())
                .isEqualTo(SortOperator.EQ);
    }

    @Test
    void sortConditionsTestValues() {
        SortCondition between = new SortCondition("sk", SortOperator.BETWEEN, n("1"), n("10"));
        assertThat(between.test(n("1"))).isTrue();
        assertThat(between.test(n("10.0"))).isTrue();
        assertThat(between.test(n("10.5"))).isFalse();
        assertThat(between.test(s("5"))).isFalse();
        assertThat(new SortCondition("sk", SortOperator.BEGINS_WITH, s("ab"), null).test(s("abc"))).isTrue();
        assertThat(new SortCondition("sk", SortOperator.BEGINS_WITH, b("ab"), null).test(b("abc"))).isTrue();
        assertThat(new SortCondition("sk", SortOperator.LT, s("b"), null).test(s("a\uD83D\uDE00"))).isTrue();
        assertThat(new SortCondition("sk", SortOperator.GE, n("-1"), null).test(n("-0.5"))).isTrue();
    }

    @Test
    void schemaErrors() {
        assertThat(error("sk = :s", ":s", n("1"))).isEqualTo("Query condition missed key schema element: pk");
        assertThat(error("pk = :p AND color = :s", ":p", s("a"), ":s", n("1")))
                .isEqualTo("Query condition missed key schema element: sk");
        assertThat(error("pk < :p", ":p", s("a"))).isEqualTo("Query key condition not supported");
        assertThat(error("pk = :p AND sk < :s AND color < :s", ":p", s("a"), ":s", n("1")))
                .isEqualTo("The number of query conditions (3) exceeds the number of key attributes defined in the "
                        + "schema (2)");
        assertThat(validation(() -> Expressions.keyCondition("pk = :p AND sk = :s", values(":p", s("a"), ":s", n("1")),
                "pk", null))).isEqualTo("Query key condition not supported");
        assertThat(error("pk = :p AND pk = :q", ":p", s("a"), ":q", s("b")))
                .isEqualTo("Invalid KeyConditionExpression: KeyConditionExpressions must only contain one condition "
                        + "per key");
    }

    @Test
    void operatorsAKeyConditionCannotUse() {
        assertThat(error("pk = :p OR sk = :s", ":p", s("a"), ":s", n("1")))
                .isEqualTo("Invalid operator used in KeyConditionExpression: OR");
        assertThat(error("NOT pk = :p", ":p", s("a"))).isEqualTo("Invalid operator used in KeyConditionExpression: NOT");
        assertThat(error("pk IN (:p)", ":p", s("a"))).isEqualTo("Invalid operator used in KeyConditionExpression: IN");
        assertThat(error("pk <> :p", ":p", s("a"))).isEqualTo("Invalid operator used in KeyConditionExpression: <>");
        assertThat(error("attribute_exists(pk)")).isEqualTo("Invalid operator used in KeyConditionExpression: attribute_exists");
        assertThat(error("pk = :p AND contains(sk, :s)", ":p", s("a"), ":s", s("x")))
                .isEqualTo("Invalid operator used in KeyConditionExpression: contains");
        assertThat(error("size(pk) = :p", ":p", n("1"))).isEqualTo("KeyConditionExpressions cannot contain nested operations");
        assertThat(error("pk.a = :p", ":p", s("a")))
                .isEqualTo("KeyConditionExpressions cannot have conditions on nested attributes");
        assertThat(error("pk = sk")).isEqualTo("Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition");
    }

    @Test
    void betweenBoundsOutOfOrder() {
        assertThat(error("pk = :p AND sk BETWEEN :a AND :b", ":p", s("a"), ":a", n("5"), ":b", n("1"))).isEqualTo(
                "Invalid KeyConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal "
                        + "to lower bound; lower bound operand: AttributeValue: {N:5}, upper bound operand: "
                        + "AttributeValue: {N:1}");
    }

    @Test
    void syntaxErrorsNameTheParameter() {
        assertThat(error("pk = ")).isEqualTo("Invalid KeyConditionExpression: Syntax error; token: \"<EOF>\", near: \"=\"");
    }

    @Test
    void valueTypesAreCheckedAgainstTheSchemaOnRequest() {
        KeyCondition kc = key("pk = :p AND sk BETWEEN :a AND :b", ":p", s("a"), ":a", n("1"), ":b", n("2"));
        kc.checkTypes("S", "N");
        String mismatch = "One or more parameter values were invalid: Condition parameter type does not match schema type";
        assertThat(validation(() -> kc.checkTypes("N", "N"))).isEqualTo(mismatch);
        assertThat(validation(() -> kc.checkTypes("S", "S"))).isEqualTo(mismatch);
        key("pk = :p", ":p", b("x")).checkTypes("B", null);
    }

    /** The structure checks come before the key schema is consulted, in DynamoDB's order. */
    @Test
    void structureErrorsInDynamoDbsOrder() {
        Object[] ab = {":a", s("1"), ":b", s("1")};
        Map<String, List<String>> cases = Map.of(
                "Invalid operator used in KeyConditionExpression: OR", List.of("a > b and size(b) > c or a > c"),
                "Invalid operator used in KeyConditionExpression: IN", List.of("a in (b, size(c), d)"),
                "Invalid operator used in KeyConditionExpression: contains", List.of("contains(a.d, b)"),
                "Invalid condition in KeyConditionExpression: BETWEEN operator must have the key attribute as its "
                        + "first operand", List.of(":a between size(b) and size(a) and b > :b"),
                "Invalid condition in KeyConditionExpression: begins_with operator must have the key attribute as its "
                        + "first operand", List.of("begins_with(:a, b) and a > :b"),
                "KeyConditionExpressions cannot contain nested operations",
                List.of("size(b) > a AND a.b > b AND b > c", "a > size(b.d)", "a between size(b) and size(a)"),
                "Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition",
                List.of("b > a.b", "b between c[1] and d", "a between b and size(a)", "begins_with(a, b)"),
                "KeyConditionExpressions cannot have conditions on nested attributes",
                List.of("b.d > a AND c.d > e.f", "a.d > c", "b[0] > a"),
                "Invalid condition in KeyConditionExpression: No key attribute specified",
                List.of(":b > :a AND a < :b", ":a > b AND :a < :b"),
                "Invalid KeyConditionExpression: KeyConditionExpressions must only contain one condition per key",
                List.of("b > :a AND b < :a and c = :a and d = :a", "(a > :a and b > :a) and (b > :a and c > :a)"));
        cases.forEach((message, expressions) -> expressions.forEach(text ->
                assertThat(validation(() -> Expressions.keyCondition(text, values(ab), "a", "b"))).as(text)
                        .isEqualTo(message)));
        assertThat(validation(() -> Expressions.keyCondition("(a > :a and b > :a) and (c > :a and d > :a)",
                values(":a", s("1")), "a", "b")))
                .isEqualTo("The number of query conditions (4) exceeds the number of key attributes defined in the "
                        + "schema (2)");
        assertThat(validation(() -> Expressions.keyCondition("attribute_type(a, b)", values(), "a", "b")))
                .startsWith("Invalid KeyConditionExpression: Incorrect operand type for operator or function; "
                        + "operator or function: attribute_type, operand type:");
        for (String text : List.of("things are not gonna be ok", "a > 4", "(size(a))[0] > a")) {
            assertThat(validation(() -> Expressions.keyCondition(text, values(), "a", "b"))).as(text)
                    .startsWith("Invalid KeyConditionExpression: Syntax error; ");
        }
    }
}
