package dev.dynagate.sandbox.dynamodb.expr;

import dev.dynagate.sandbox.dynamodb.DynamoDbError;
import dev.dynagate.sandbox.dynamodb.value.AttrValue;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

import static dev.dynagate.sandbox.dynamodb.expr.Av.item;
import static dev.dynagate.sandbox.dynamodb.expr.Av.l;
import static dev.dynagate.sandbox.dynamodb.expr.Av.m;
import static dev.dynagate.sandbox.dynamodb.expr.Av.n;
import static dev.dynagate.sandbox.dynamodb.expr.Av.s;
import static dev.dynagate.sandbox.dynamodb.expr.Av.ss;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Random token soup must only ever parse or fail with a ValidationException, never crash or hang. */
class RobustnessTest {
    private static final List<String> TOKENS = List.of("a", "b", "c.d", "#n", "#m", ":v", ":w", ":l", ":s", "(", ")",
            "[", "]", "[0]", "[1]", ",", ".", "=", "<>", "<", "<=", ">", ">=", "+", "-", "AND", "OR", "NOT", "BETWEEN",
            "IN", "SET", "REMOVE", "ADD", "DELETE", "size", "attribute_exists", "attribute_type", "begins_with",
            "contains", "if_not_exists", "list_append", "status", "1", "!", "#", ":", "é", " ");
    private static final Map<String, AttrValue> ITEM = item("a", n("1"), "b", s("x"),
            "c", m("d", l(n("1"), n("2"))), "e", ss("q"));

    @Test
    void randomTokenStringsOnlyProduceValidationErrors() {
        Random random = new Random(20261126L);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < 6000; i++) {
                StringBuilder text = new StringBuilder();
                int length = 1 + random.nextInt(14);
                for (int t = 0; t < length; t++) {
                    text.append(TOKENS.get(random.nextInt(TOKENS.size()))).append(random.nextBoolean() ? " " : "");
                }
                String expression = text.toString();
                attempt(expression, e -> Expressions.condition(e, context()).test(ITEM));
                attempt(expression, e -> Expressions.update(e, context()).apply(ITEM));
                attempt(expression, e -> Expressions.projection(e, context()).apply(ITEM));
                attempt(expression, e -> Expressions.keyCondition(e, context(), "a", "b"));
                // a multi-attribute index key: two HASH and two RANGE attributes
                attempt(expression, e -> Expressions.keyCondition(Expressions.parseKeyCondition(e, context()),
                        List.of("a", "status"), List.of("b", "c")));
            }
        });
    }

    /** Runs on a thread with the usual 1 MB stack of request threads, forcing it rather than trusting the main thread's. */
    @Test
    void pathologicalNestingIsRefusedQuicklyOnARequestSizedStack() throws InterruptedException {
        Throwable[] failure = new Throwable[1];
        Thread thread = new Thread(null, () -> {
            try {
                for (String opener : List.of("(", "NOT ", "size(", "f(", "(a) = :v AND (", "((", "a < (", "(:v) IN (")) {
                    int times = 4096 / opener.length();
                    String text = opener.repeat(times);
                    attempt(text, e -> Expressions.condition(e, context()));
                    attempt(opener.repeat(times / 2) + "a" + ")".repeat(times / 2), e -> Expressions.condition(e, context()));
                    attempt("SET a = " + "list_append(".repeat(330) + ":l" + ", :l)".repeat(330),
                            e -> Expressions.update(e, context()).apply(ITEM));
                    attempt("SET a = " + opener.repeat(times / 2), e -> Expressions.update(e, context()));
                }
            } catch (Throwable t) {
                failure[0] = t;
            }
        }, "request-sized-stack", 1024 * 1024);
        thread.start();
        thread.join(Duration.ofSeconds(30).toMillis());
        assertThat(thread.isAlive()).isFalse();
        assertThat(failure[0]).isNull();
    }

    private static ExpressionContext context() {
        return new ExpressionContext(Map.of("#n", "a", "#m", "c"),
                Map.of(":v", n("1"), ":w", s("x"), ":l", l(n("3")), ":s", ss("q")));
    }

    private static void attempt(String expression, Consumer<String> action) {
        try {
            action.accept(expression);
        } catch (DynamoDbError e) {
            assertThat(e.code()).as(expression).isEqualTo("ValidationException");
            assertThat(e.getMessage()).as(expression).isNotBlank();
        } catch (RuntimeException | StackOverflowError e) {
            throw new AssertionError("unexpected " + e + " for: " + expression, e);
        }
    }
}
