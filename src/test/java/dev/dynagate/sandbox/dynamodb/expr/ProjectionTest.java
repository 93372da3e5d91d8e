package dev.dynagate.sandbox.dynamodb.expr;

import dev.dynagate.sandbox.dynamodb.value.AttrValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static dev.dynagate.sandbox.dynamodb.expr.Av.item;
import static dev.dynagate.sandbox.dynamodb.expr.Av.l;
import static dev.dynagate.sandbox.dynamodb.expr.Av.m;
import static dev.dynagate.sandbox.dynamodb.expr.Av.n;
import static dev.dynagate.sandbox.dynamodb.expr.Av.s;
import static dev.dynagate.sandbox.dynamodb.expr.Av.values;
import static org.assertj.core.api.Assertions.assertThat;

class ProjectionTest {
    private static final Map<String, AttrValue> ITEM = item(
            "pk", s("k"),
            "a", n("1"),
            "doc", m("x", n("1"), "y", m("z", n("2"), "w", n("3"))),
            "lst", l(s("l0"), m("k", s("v"), "j", s("u")), s("l2"), s("l3")));

    private static Map<String, AttrValue> project(String text) {
        return Expressions.projection(text, values()).apply(ITEM);
    }

    @Test
    void topLevelAttributes() {
        assertThat(project("pk, a, absent")).isEqualTo(item("pk", s("k"), "a", n("1")));
    }

    @Test
    void nestedMapsKeepOnlyTheProjectedKeys() {
        assertThat(project("doc.y.z")).isEqualTo(item("doc", m("y", m("z", n("2")))));
        assertThat(project("doc.x, doc.y.w")).isEqualTo(item("doc", m("x", n("1"), "y", m("w", n("3")))));
        assertThat(project("doc.absent")).isEmpty();
    }

    @Test
    void listsAreCompactedInTheirOriginalOrder() {
        assertThat(project("lst[3], lst[0]")).isEqualTo(item("lst", l(s("l0"), s("l3"))));
        assertThat(project("lst[1].j")).isEqualTo(item("lst", l(m("j", s("u")))));
        assertThat(project("lst[9]")).isEmpty();
        assertThat(project("a[0], doc[1]")).isEmpty();
    }

    @Test
    void namesResolveAndPathsAreReported() {
        Projection p = Expressions.projection("#d.#x, lst[2]", Av.ctx(Map.of("#d", "doc", "#x", "x")));
        assertThat(p.apply(ITEM)).isEqualTo(item("doc", m("x", n("1")), "lst", l(s("l2"))));
        assertThat(p.paths()).containsExactly(List.of("doc", "x"), List.of("lst", 2));
    }

    @Test
    void pathsNestAtMost32Levels() {
        assertThat(Expressions.projection("a" + ".b".repeat(31), values()).paths().get(0)).hasSize(32);
        assertThat(Av.validation(() -> Expressions.projection("a" + ".b".repeat(32), values()))).isEqualTo(
                "Invalid ProjectionExpression: The document path has too many nesting levels; nesting levels: 33");
        assertThat(Av.validation(() -> Expressions.condition("a" + "[0]".repeat(32) + " = :v", values(":v", n("1")))))
                .endsWith("nesting levels: 33");
    }

    @Test
    void overlapAndConflictAreJudgedOnThePathsAlone() {
        for (String text : List.of("a, a", "a.b, a.b", "a[1], a[1]", "a, a.b", "a.b, a.b[2]", "a, a.b[2].c", "a.b.d.e, a.b")) {
            assertThat(Av.validation(() -> Expressions.projection(text, values()))).as(text).contains("overlap");
        }
        for (String text : List.of("a.b, a[1]", "a[1], a.b", "a.b[1], a.b.c")) {
            assertThat(Av.validation(() -> Expressions.projection(text, values()))).as(text).contains("conflict");
        }
        for (String text : List.of("a, b", "a.b, a.c", "a.b.d, a.b.e", "a[1], a[2]", "a.b, a.c[2]")) {
            assertThat(Expressions.projection(text, values()).paths()).as(text).hasSize(2);
        }
    }

    @Test
    void syntaxErrors() {
        for (String text : List.of("a,", ",a", "a,,b", "a.", "a[", "a[1", "a b", "size(a)")) {
            assertThat(Av.validation(() -> Expressions.projection(text, values()))).as(text)
                    .startsWith("Invalid ProjectionExpression: Syntax error; token:");
        }
    }
}
