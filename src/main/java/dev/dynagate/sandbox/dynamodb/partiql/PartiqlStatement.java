package dev.dynagate.sandbox.dynamodb.partiql;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A PartiQL statement as DynamoDB accepts it: SELECT, INSERT, UPDATE or DELETE on one table, with its WHERE
 * condition as a tree. Literal values are already DynamoDB attribute values (JSON), parameters substituted.
 */
public sealed interface PartiqlStatement {

    /** {@code SELECT * | paths FROM "table"["index"] [WHERE cond] [ORDER BY path [ASC|DESC]]}. */
    record Select(List<Path> projection, String table, String index, Condition where, Path orderBy,
                  boolean descending) implements PartiqlStatement {
    }

    /** {@code INSERT INTO "table" VALUE {...}}. */
    record Insert(String table, ObjectNode item) implements PartiqlStatement {
    }

    /** {@code UPDATE "table" SET ... REMOVE ... WHERE cond [RETURNING ...]}; returning is a ReturnValues name. */
    record Update(String table, List<SetAction> sets, List<Path> removes, Condition where, String returning)
            implements PartiqlStatement {
    }

    /** {@code DELETE FROM "table" WHERE cond [RETURNING ALL OLD *]}. */
    record Delete(String table, Condition where, String returning) implements PartiqlStatement {
    }

    /**
     * {@code EXISTS(SELECT * FROM "table" WHERE key AND cond)}: in a transaction, the condition one item must meet for
     * the others to be written.
     */
    record Exists(Select select) implements PartiqlStatement {
    }

    /** An attribute path: names (String) and list positions (Integer). */
    record Path(List<Object> segments) {
        public String first() {
            return (String) segments.get(0);
        }

        public boolean isTopLevel() {
            return segments.size() == 1;
        }
    }

    /** What a comparison or function compares: a path, a value, or the size of a path. */
    sealed interface Operand {
    }

    record PathOperand(Path path) implements Operand {
    }

    record Value(ObjectNode value) implements Operand {
    }

    record Size(Path path) implements Operand {
    }

    /** A WHERE condition. */
    sealed interface Condition {
    }

    record And(Condition left, Condition right) implements Condition {
    }

    record Or(Condition left, Condition right) implements Condition {
    }

    record Not(Condition condition) implements Condition {
    }

    /** {@code left op right} with op one of = <> < <= > >=. */
    record Compare(String operator, Operand left, Operand right) implements Condition {
    }

    record Between(Operand operand, Operand low, Operand high) implements Condition {
    }

    record In(Operand operand, List<Operand> values) implements Condition {
    }

    /** {@code path IS [NOT] MISSING}. */
    record Missing(Path path, boolean missing) implements Condition {
    }

    /** begins_with, contains, attribute_type, attribute_exists, attribute_not_exists. */
    record Call(String function, List<Operand> arguments) implements Condition {
    }

    /** One SET of an UPDATE: {@code path = value [+|- value]}, or a function such as list_append or set_add. */
    record SetAction(Path target, Operand value, String arithmetic, Operand second, String function,
                     List<Operand> arguments) {
    }
}
