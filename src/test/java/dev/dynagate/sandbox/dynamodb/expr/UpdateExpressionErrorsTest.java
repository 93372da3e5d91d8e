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

/** Which error DynamoDB reports when an update expression has several problems at once. */
class UpdateExpressionErrorsTest {
    private static final Map<String, AttrValue> VALUES = item(":a", s("a"), ":b", n("1"), ":c", b("a"), ":d", bool(false),
            ":e", nul(), ":f", ss("a"), ":g", ns("1"), ":h", bs("a"), ":i", m(), ":j", l());

    private static String update(String text, Map<String, String> names) {
        return validation(() -> Expressions.update(text, new ExpressionContext(names, VALUES)));
    }

    @Test
    void syntaxErrors() {
        for (String text : List.of("whatever", "set a", "add a", "delete a", "set a=set", "remove a = b", "add a = b",
                "delete a = b", "delete a b", "delete a if_not_exist(b)", "add abort b", "add a if_not_exist(b)",
                "remove a b", "set a b", "set :a = b", "add :a b", "delete :a b", "remove :a", "set a = b / c",
                "set a = b * c", "set a[1] = \"eight\"", "set a[1] = 1", "SET a = if_not_exist(a, 100)",
                "SET if_not_exist(a, b) = a", "set (a = (b + c))", "set a = (b.c).d + e", "set a = (b.c)[0] + e",
                "set a = b + c + d")) {
            assertThat(update(text, null)).as(text).startsWith("Invalid UpdateExpression: Syntax error; ");
        }
    }

    @Test
    void reservedWordsComeFirst() {
        Map<String, String> names = Map.of("#a", "a", "#b", "b");
        assertThat(update(" set #c = :c set abOrt = true ", names))
                .isEqualTo("Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: abOrt");
        assertThat(update(" remove Absolute ", names)).endsWith("reserved keyword: Absolute");
    }

    @Test
    void thenUnknownFunctionsThenSectionsThenNamesThenValues() {
        Map<String, String> names = Map.of("#a", "a", "#b", "b");
        assertThat(update("set #c = if_not_exist(:c) set c = d", names))
                .isEqualTo("Invalid UpdateExpression: Invalid function name; function: if_not_exist");
        assertThat(update("remove #d set a = b remove e", names))
                .isEqualTo("Invalid UpdateExpression: The \"REMOVE\" section can only be used once in an update expression;");
        assertThat(update("SET #c = if_not_exists(:c)", names)).endsWith("attribute name: #c");
        assertThat(validation(() -> Expressions.update("SET #a = if_not_exists(:c)",
                new ExpressionContext(names, item(":a", s("a"), ":b", s("a")))))).endsWith("attribute value: :c");
    }

    @Test
    void thenOverlapsBeforeConflicts() {
        Map<String, String> names = Map.of("#c", "c", "#d", "[3]");
        String overlap = "Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite "
                + "one of these paths; path one: ";
        assertThat(update("set d[1] = a, d.b = a, c[1].a = a, #c = if_not_exists(a)", names))
                .isEqualTo(overlap + "[c, [1], a], path two: [c]");
        assertThat(update("set c.b.#c = a, c = a, #d = a", names)).isEqualTo(overlap + "[c, b, c], path two: [c]");
        assertThat(update("set #c[3].#d = a, #c[3] = a", names)).isEqualTo(overlap + "[c, [3], [3]], path two: [c, [3]]");
        assertThat(update("remove a, #c, a, #d", names)).isEqualTo(overlap + "[a], path two: [a]");
        assertThat(update("set #c[3].#d = a, #c.#d[3] = if_not_exists(a)", names)).isEqualTo("Invalid UpdateExpression: "
                + "Two document paths conflict with each other; must remove or rewrite one of these paths; path one: "
                + "[c, [3], [3]], path two: [c, [3], [3]]");
    }

    @Test
    void thenOperandTypesOfAddAndDelete() {
        assertThat(update("set b = list_append(:a, a), c = if_not_exists(a) add a.b :a", null))
                .isEqualTo("Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, "
                        + "operand type: STRING");
        String[][] cases = {{"add a.b :e", "ADD", "NULL"}, {"delete a.b :d", "DELETE", "BOOLEAN"},
            {"add a.b :c", "ADD", "BINARY"}, {"delete a.b :i", "DELETE", "MAP"}, {"add a.b :j", "ADD", "LIST"},
            {"delete a.b :b", "DELETE", "NUMBER"}};
        for (String[] c : cases) {
            assertThat(update(c[0], null)).as(c[0]).isEqualTo("Invalid UpdateExpression: Incorrect operand type for "
                    + "operator or function; operator: " + c[1] + ", operand type: " + c[2]);
        }
    }

    @Test
    void thenFunctionArguments() {
        assertThat(update("set a = if_not_exists(c)", null)).isEqualTo("Invalid UpdateExpression: Incorrect number of "
                + "operands for operator or function; operator or function: if_not_exists, number of operands: 1");
        assertThat(update("set a = if_not_exists(if_not_exists(a, b), c)", null)).isEqualTo("Invalid UpdateExpression: "
                + "Operator or function requires a document path; operator or function: if_not_exists");
        String[][] cases = {{"set a = list_append(a, :b)", "list_append", "N"}, {"set a = list_append(:f, a)",
            "list_append", "SS"}, {"set a = list_append(:i, a)", "list_append", "M"}, {"set a = :a + :c", "+", "S"},
            {"set a = :c + a", "+", "B"}, {"set a = a + :e", "+", "NULL"}, {"set a = a - :g", "-", "NS"},
            {"set a = a - :j", "-", "L"}};
        for (String[] c : cases) {
            assertThat(update(c[0], null)).as(c[0]).isEqualTo("Invalid UpdateExpression: Incorrect operand type for "
                    + "operator or function; operator or function: " + c[1] + ", operand type: " + c[2]);
        }
    }
}
