package dev.dynagate.sandbox.dynamodb.expr;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

import static dev.dynagate.sandbox.dynamodb.expr.Av.l;
import static dev.dynagate.sandbox.dynamodb.expr.Av.n;
import static dev.dynagate.sandbox.dynamodb.expr.Av.s;
import static dev.dynagate.sandbox.dynamodb.expr.Av.ss;
import static dev.dynagate.sandbox.dynamodb.expr.Av.validation;
import static dev.dynagate.sandbox.dynamodb.expr.Av.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class ExpressionErrorsTest {

    private static String condition(String text, Object... values) {
        return validation(() -> Expressions.condition(text, values(values)));
    }

    private static String update(String text, Object... values) {
        return validation(() -> Expressions.update(text, values(values)));
    }

    @Test
    void syntaxErrorsQuoteTheTokenAndItsNeighbours() {
        assertThat(condition("foo")).isEqualTo("Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"foo\"");
        assertThat(condition("a == :v", ":v", n("1")))
                .isEqualTo("Invalid ConditionExpression: Syntax error; token: \"=\", near: \"== :v\"");
        assertThat(update("SET MyStr = myNum Mystr2 myNum2"))
                .isEqualTo("Invalid UpdateExpression: Syntax error; token: \"Mystr2\", near: \"myNum Mystr2 myNum2\"");
        assertThat(update("SET MyStr = myNum + 1"))
                .isEqualTo("Invalid UpdateExpression: Syntax error; token: \"1\", near: \"+ 1\"");
        assertThat(condition("a = :v !", ":v", n("1")))
                .isEqualTo("Invalid ConditionExpression: Syntax error; token: \"!\", near: \":v !\"");
        assertThat(condition("a + :v = :v", ":v", n("1"))).startsWith("Invalid ConditionExpression: Syntax error; token: \"+\"");
        assertThat(condition("a = AND")).startsWith("Invalid ConditionExpression: Syntax error; token: \"AND\"");
        assertThat(condition("a BETWEEN :v OR :v", ":v", n("1"))).contains("token: \"OR\"");
        assertThat(update("UPSERT a = :v", ":v", n("1"))).contains("token: \"UPSERT\"");
        assertThat(update("SET a = :v,")).contains("token: \"<EOF>\"");
        assertThat(condition("a[x] = :v", ":v", n("1"))).contains("token: \"x\"");
        assertThat(update("SET _123 = :v", ":v", n("1")))
                .isEqualTo("Invalid UpdateExpression: Syntax error; token: \"_\", near: \"SET _123\"");
        assertThat(update("SET a = _f(b)")).contains("Syntax error; token: \"_\"");
        assertThat(update("SET c = if_not_exists(c, :a+:b)", ":a", n("1"), ":b", n("1"))).contains("token: \"+\"");
        assertThat(update("SET a[:x] = :v", ":x", n("1"), ":v", n("1"))).contains("token: \":x\"");
        assertThat(update("SET a[#x] = :v", ":v", n("1"))).contains("token: \"#x\"");
        assertThat(update("SET :a = :b", ":a", n("1"), ":b", n("1"))).contains("token: \":a\"");
        assertThat(update("SET b = :a + :b + :a", ":a", n("1"), ":b", n("1"))).contains("token: \"+\"");
        assertThat(update("SET # = :v", ":v", n("1"))).contains("token: \"#\"");
    }

    @Test
    void emptyAndOversizedExpressions() {
        assertThat(condition("  ")).isEqualTo("Invalid ConditionExpression: The expression can not be empty;");
        assertThat(update("")).isEqualTo("Invalid UpdateExpression: The expression can not be empty;");
        String longName = "a" + "z".repeat(4096);
        assertThat(condition(longName + " = :v", ":v", n("1"))).isEqualTo(
                "Invalid ConditionExpression: Expression size has exceeded the maximum allowed size; expression size: 4102");
        assertThat(validation(() -> Expressions.filter(longName + " = :v", values(":v", n("1")))))
                .startsWith("Invalid FilterExpression: Expression size has exceeded the maximum allowed size; expression size:");
        assertThat(update("SET " + longName + " = :v", ":v", n("1")))
                .isEqualTo("Invalid UpdateExpression: Expression size has exceeded the maximum allowed size;");
        assertThat(validation(() -> Expressions.projection(longName, values())))
                .isEqualTo("Invalid ProjectionExpression: Expression size has exceeded the maximum allowed size;");
        assertThatCode(() -> Expressions.projection("a" + "z".repeat(4095), values())).doesNotThrowAnyException();
    }

    @Test
    void reservedWordsAnywhereInAPath() {
        assertThat(condition("status = :v", ":v", n("1")))
                .isEqualTo("Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: status");
        assertThat(condition("a.Size.b = :v", ":v", n("1"))).endsWith("reserved keyword: Size");
        assertThat(update("SET a.#b.name = :v", ":v", n("1")))
                .isEqualTo("Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: name");
        assertThat(validation(() -> Expressions.projection("a, data", values())))
                .isEqualTo("Invalid ProjectionExpression: Attribute name is a reserved keyword; reserved keyword: data");
        assertThat(ReservedWords.count()).isEqualTo(573);
    }

    @Test
    void undefinedNamesAndValues() {
        assertThat(condition("#x = :v", ":v", n("1"))).isEqualTo("Invalid ConditionExpression: An expression attribute "
                + "name used in the document path is not defined; attribute name: #x");
        assertThat(condition("a = :x")).isEqualTo("Invalid ConditionExpression: An expression attribute value used in "
                + "expression is not defined; attribute value: :x");
        assertThat(update("SET a = :x")).isEqualTo("Invalid UpdateExpression: An expression attribute value used in "
                + "expression is not defined; attribute value: :x");
    }

    @Test
    void unusedNamesAndValuesAreReportedAfterAllExpressions() {
        ExpressionContext ctx = Av.ctx(Map.of("#a", "a", "#b", "b"), ":v", n("1"), ":w", n("2"));
        Expressions.condition("#a = :v", ctx);
        assertThat(validation(ctx::checkAllUsed))
                .isEqualTo("Value provided in ExpressionAttributeNames unused in expressions: keys: {#b}");
        Expressions.projection("#b", ctx);
        assertThat(validation(ctx::checkAllUsed))
                .isEqualTo("Value provided in ExpressionAttributeValues unused in expressions: keys: {:w}");
        Expressions.update("SET x = :w", ctx);
        assertThatCode(ctx::checkAllUsed).doesNotThrowAnyException();
    }

    @Test
    void contextChecksItsMaps() {
        assertThat(validation(() -> new ExpressionContext(Map.of(), null)))
                .isEqualTo("ExpressionAttributeNames must not be empty");
        assertThat(validation(() -> new ExpressionContext(null, Map.of())))
                .isEqualTo("ExpressionAttributeValues must not be empty");
        assertThat(validation(() -> new ExpressionContext(Map.of("x", "a"), null)))
                .isEqualTo("ExpressionAttributeNames contains invalid key: Syntax error; key: \"x\"");
        assertThat(validation(() -> new ExpressionContext(null, Map.of(":a-b", n("1")))))
                .isEqualTo("ExpressionAttributeValues contains invalid key: Syntax error; key: \":a-b\"");
        // an empty name would let an update store an attribute no item may have
        assertThat(validation(() -> new ExpressionContext(Map.of("#a", ""), null)))
                .isEqualTo("ExpressionAttributeNames contains invalid value: Empty attribute name for key #a");
    }

    /** As captured from DynamoDB: 255 bytes with the prefix at most, length checked before syntax. */
    @Test
    void placeholdersAreAtMost255Bytes() {
        assertThatCode(() -> new ExpressionContext(Map.of("#" + "a".repeat(254), "x"), Map.of(":" + "a".repeat(254),
                n("1")))).doesNotThrowAnyException();
        assertThat(validation(() -> new ExpressionContext(Map.of("#" + "a".repeat(255), "x"), null)))
                .isEqualTo("ExpressionAttributeNames contains invalid key: The expression attribute map contains a key "
                        + "that is too long; size of key: 256");
        assertThat(validation(() -> new ExpressionContext(Map.of("#" + "é".repeat(127) + "-x", "x"), null)))
                .endsWith("too long; size of key: 257");
        assertThat(validation(() -> new ExpressionContext(null, Map.of(":" + "a".repeat(255), n("1")))))
                .isEqualTo("ExpressionAttributeValues contains invalid key: The expression attribute map contains a "
                        + "key that is too long;");
    }

    @Test
    void contextFromRequestJsonWordsInvalidValuesPerKey() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        ExpressionContext ctx = ExpressionContext.fromJson(json.readTree("{\"#a\":\"a\"}"),
                json.readTree("{\":v\":{\"N\":\"1.50\"}}"));
        assertThat(Expressions.condition("#a = :v", ctx).test(Av.item("a", n("1.5")))).isTrue();
        ctx.checkAllUsed();
        assertThat(validation(() -> ExpressionContext.fromJson(null, json.readTree("{\":v\":{\"SS\":[]}}"))))
                .isEqualTo("ExpressionAttributeValues contains invalid value: One or more parameter values were invalid: "
                        + "An string set  may not be empty for key :v");
        assertThat(validation(() -> ExpressionContext.fromJson(null, json.readTree("{}"))))
                .isEqualTo("ExpressionAttributeValues must not be empty");
        String deep = "{\":d\":" + "{\"M\":{\"n\":".repeat(32) + "{\"S\":\"leaf\"}" + "}}".repeat(32) + "}";
        assertThatCode(() -> ExpressionContext.fromJson(null, json.readTree(deep)))
                .as("only a value that is stored is held to the nesting limit").doesNotThrowAnyException();
        assertThatCode(() -> ExpressionContext.fromJson(null, null)).doesNotThrowAnyException();
    }

    @Test
    void overlappingAndConflictingUpdatePaths() {
        assertThat(update("SET a = :v, a.b = :v", ":v", n("1"))).isEqualTo("Invalid UpdateExpression: Two document paths "
                + "overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a, b]");
        assertThat(update("SET a = :v REMOVE a", ":v", n("1"))).contains("path one: [a], path two: [a]");
        assertThat(update("SET a[1] = :v REMOVE a.b", ":v", n("1"))).isEqualTo("Invalid UpdateExpression: Two document "
                + "paths conflict with each other; must remove or rewrite one of these paths; path one: [a, [1]], "
                + "path two: [a, b]");
        assertThatCode(() -> Expressions.update("SET a.b = :v, a.c = :v", values(":v", n("1"))))
                .doesNotThrowAnyException();
        assertThat(validation(() -> Expressions.projection("a.b, a", values())))
                .contains("Two document paths overlap with each other").contains("path one: [a, b], path two: [a]");
    }

    @Test
    void eachUpdateClauseOnce() {
        assertThat(update("SET a = :v SET b = :v", ":v", n("1")))
                .isEqualTo("Invalid UpdateExpression: The \"SET\" section can only be used once in an update expression;");
        assertThat(update("REMOVE a remove b")).contains("The \"REMOVE\" section can only be used once");
    }

    @Test
    void redundantParentheses() {
        String message = "Invalid ConditionExpression: The expression has redundant parentheses;";
        assertThat(condition("((a = :v))", ":v", n("1"))).isEqualTo(message);
        assertThat(condition("((a)) = :v", ":v", n("1"))).isEqualTo(message);
        assertThat(condition("(((a = :v)) AND b = :v)", ":v", n("1"))).isEqualTo(message);
        assertThatCode(() -> Expressions.condition("(a = :v) AND (b = :v)", values(":v", n("1"))))
                .doesNotThrowAnyException();
    }

    @Test
    void functionErrors() {
        assertThat(condition("foo(a)")).isEqualTo("Invalid ConditionExpression: Invalid function name; function: foo");
        assertThat(condition("if_not_exists(a, :v) = :v", ":v", n("1"))).isEqualTo(
                "Invalid ConditionExpression: The function is not allowed in a condition expression; function: if_not_exists");
        assertThat(condition("list_append(a, a) = :v", ":v", n("1"))).endsWith("; function: list_append");
        assertThat(update("SET a = size(b)"))
                .isEqualTo("Invalid UpdateExpression: The function is not allowed in an update expression; function: size");
        assertThat(update("SET a = f(b, c, d)")).isEqualTo("Invalid UpdateExpression: Invalid function name; function: f");
        assertThat(condition("attribute_exists(a, b)")).isEqualTo("Invalid ConditionExpression: Incorrect number of "
                + "operands for operator or function; operator or function: attribute_exists, number of operands: 2");
        assertThat(condition("attribute_exists(:v)", ":v", n("1"))).isEqualTo("Invalid ConditionExpression: Operator or "
                + "function requires a document path; operator or function: attribute_exists");
        assertThat(condition("begins_with(a, :v)", ":v", n("1"))).isEqualTo("Invalid ConditionExpression: Incorrect "
                + "operand type for operator or function; operator or function: begins_with, operand type: N");
        assertThat(condition("size(:v) > :w", ":v", n("1"), ":w", n("1"))).isEqualTo("Invalid ConditionExpression: "
                + "Incorrect operand type for operator or function; operator or function: size, operand type: N");
        assertThat(condition("attribute_type(a, :t)", ":t", s("X"))).isEqualTo("Invalid ConditionExpression: Invalid "
                + "attribute type name found; type: X, valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}");
        assertThat(condition("attribute_type(a, :t)", ":t", n("1"))).endsWith("attribute_type, operand type: N");
        assertThat(condition("size(a)")).isEqualTo("Invalid ConditionExpression: The function is not allowed to be used "
                + "this way in an expression; function: size");
        assertThat(condition("begins_with(a, :v) = :w", ":v", s("x"), ":w", n("1")))
                .endsWith("The function is not allowed to be used this way in an expression; function: begins_with");
        assertThat(update("SET a = if_not_exists(:v, b)", ":v", n("1"))).isEqualTo("Invalid UpdateExpression: Operator "
                + "or function requires a document path; operator or function: if_not_exists");
        assertThat(update("SET a = list_append(:v, b)", ":v", n("1"))).isEqualTo("Invalid UpdateExpression: Incorrect "
                + "operand type for operator or function; operator or function: list_append, operand type: N");
        assertThat(update("SET a = list_append(list_append(:v, :v), :v)", ":v", l())).isEqualTo("Invalid "
                + "UpdateExpression: The function is not allowed to be used this way in an expression; function: list_append");
        assertThat(update("SET a = LIST_APPEND(:v, :v)", ":v", l())).endsWith("Invalid function name; function: LIST_APPEND");
        assertThatCode(() -> Expressions.update("SET a = if_not_exists(b, if_not_exists(c, :v))", values(":v", n("1"))))
                .doesNotThrowAnyException();
        assertThat(update("SET a = b + :v", ":v", s("1"))).isEqualTo("Invalid UpdateExpression: Incorrect operand type "
                + "for operator or function; operator or function: +, operand type: S");
    }

    @Test
    void orderingComparatorsRefuseLiteralsTheyCannotOrder() {
        assertThat(condition("a < :v", ":v", l(n("1")))).isEqualTo("Invalid ConditionExpression: Incorrect operand type "
                + "for operator or function; operator or function: <, operand type: L");
        assertThat(condition(":v >= a", ":v", Av.bool(true))).endsWith("operator or function: >=, operand type: BOOL");
        assertThat(condition("a BETWEEN :v AND :w", ":v", l(), ":w", l())).endsWith("operator or function: BETWEEN, operand type: L");
        assertThatCode(() -> Expressions.condition("a = :v AND a <> :v", values(":v", l()))).doesNotThrowAnyException();
        assertThatCode(() -> Expressions.condition("size(a) > :v", values(":v", n("1")))).doesNotThrowAnyException();
    }

    @Test
    void operandsMustBeDistinct() {
        assertThat(condition("a = a")).isEqualTo("Invalid ConditionExpression: The first operand must be distinct from "
                + "the remaining operands for this operator or function; operator: =, first operand: [a]");
        assertThat(condition("contains(a.b, a.b)")).endsWith("operator: contains, first operand: [a, b]");
    }

    @Test
    void betweenBoundsKnownAtParseTime() {
        assertThat(condition("a BETWEEN :lo AND :hi", ":lo", n("5"), ":hi", n("1"))).isEqualTo("Invalid "
                + "ConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower "
                + "bound; lower bound operand: AttributeValue: {N:5}, upper bound operand: AttributeValue: {N:1}");
        assertThat(condition("a BETWEEN :lo AND :hi", ":lo", n("5"), ":hi", s("x"))).isEqualTo("Invalid "
                + "ConditionExpression: The BETWEEN operator requires same data type for lower and upper bounds; lower "
                + "bound operand: AttributeValue: {N:5}, upper bound operand: AttributeValue: {S:x}");
    }

    @Test
    void addAndDeleteOperandTypes() {
        assertThat(update("ADD a :v", ":v", s("x"))).isEqualTo("Invalid UpdateExpression: Incorrect operand type for "
                + "operator or function; operator: ADD, operand type: STRING");
        assertThat(update("DELETE a :v", ":v", n("1"))).isEqualTo("Invalid UpdateExpression: Incorrect operand type for "
                + "operator or function; operator: DELETE, operand type: NUMBER");
        assertThat(update("ADD a :v", ":v", l())).endsWith("operator: ADD, operand type: LIST");
        assertThat(update("ADD a b")).contains("Syntax error; token: \"b\"");
        assertThatCode(() -> Expressions.update("ADD a :v DELETE b :w", values(":v", n("1"), ":w", ss("x"))))
                .doesNotThrowAnyException();
    }

    @Test
    void atMost300OperatorsWhereParenthesesAndFunctionsDoNotCount() {
        String ok = "a<b " + "or (a<b ".repeat(149) + ")".repeat(149);
        assertThatCode(() -> Expressions.condition(ok, values())).doesNotThrowAnyException();
        String tooMany = "a<b " + "or (a<b ".repeat(454) + ")".repeat(454);
        assertThat(condition(tooMany))
                .isEqualTo("Invalid ConditionExpression: The expression contains too many operators; operator count: 301");
        String flat = IntStream.range(0, 302).mapToObj(i -> "a = :v").collect(Collectors.joining(" OR "));
        assertThat(condition(flat, ":v", n("1"))).endsWith("operator count: 301");
        assertThat(condition("not ".repeat(1000) + "a<b")).endsWith("operator count: 301");
    }

    @Test
    void deepNestingAnswersDynamoDbsErrorsWithoutExhaustingTheStack() {
        assertThat(condition("a < " + "f(".repeat(150) + "b" + ")".repeat(150)))
                .isEqualTo("Invalid ConditionExpression: Invalid function name; function: f");
        assertThat(condition("a < " + "size(".repeat(150) + "b" + ")".repeat(150)))
                .endsWith("operator or function: size, operand type: N");
        // DynamoDB names the function here too; refusing the nesting instead keeps the stack bounded
        assertThat(condition("a < " + "f(".repeat(1355) + "b" + ")".repeat(1355)))
                .isEqualTo("Invalid ConditionExpression: The expression has too many nested levels; maximum nesting: 200");
        assertThat(condition("(".repeat(2046) + "a<b" + ")".repeat(2046)))
                .isEqualTo("Invalid ConditionExpression: The expression has redundant parentheses;");
        assertThat(condition("(".repeat(4000))).startsWith("Invalid ConditionExpression:");
        assertThat(condition("(".repeat(1800) + "a<b" + ") AND a<b".repeat(1800)))
                .startsWith("Invalid ConditionExpression:");
    }

    @Test
    void inTakesAtMost100OperandsCountingTheValueTested() {
        String inList = IntStream.range(0, 100).mapToObj(i -> ":v").collect(Collectors.joining(", "));
        assertThat(condition("a IN (" + inList + ")", ":v", n("1"))).isEqualTo("Invalid ConditionExpression: The IN "
                + "operator is provided with too many operands; number of operands: 101");
        String hundred = IntStream.range(0, 99).mapToObj(i -> ":v").collect(Collectors.joining(", "));
        assertThatCode(() -> Expressions.condition("a IN (" + hundred + ")", values(":v", n("1"))))
                .doesNotThrowAnyException();
    }

    @Test
    void errorPriorityFollowsDynamoDb() {
        // redundant parentheses outrank everything else in conditions
        assertThat(condition("((status = :x))")).endsWith("redundant parentheses;");
        // a reserved word outranks an undefined value
        assertThat(condition("status = :x")).endsWith("reserved keyword: status");
        // updates: reserved words come first, then names before values
        assertThat(update("SET #a = :x, name = :y")).endsWith("reserved keyword: name");
        assertThat(update("SET #a = :x")).endsWith("attribute name: #a");
    }
}
