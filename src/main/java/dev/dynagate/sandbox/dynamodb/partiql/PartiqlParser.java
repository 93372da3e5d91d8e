package dev.dynagate.sandbox.dynamodb.partiql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynagate.sandbox.dynamodb.DynamoDbError;
import dev.dynagate.sandbox.dynamodb.partiql.PartiqlLexer.Kind;
import dev.dynagate.sandbox.dynamodb.partiql.PartiqlLexer.Token;
import dev.dynagate.sandbox.dynamodb.partiql.PartiqlStatement.And;
import dev.dynagate.sandbox.dynamodb.partiql.PartiqlStatement.Between;
import dev.dynagate.sandbox.dynamodb.partiql.PartiqlStatement.Call;
import dev.dynagate.sandbox.dynamodb.partiql.PartiqlStatement.Compare;
import dev.dynagate.sandbox.dynamodb.partiql.PartiqlStatement.Condition;
import dev.dynagate.sandbox.dynamodb.partiql.PartiqlStatement.In;
import dev.dynagate.sandbox.dynamodb.partiql.PartiqlStatement.Missing;
import dev.dynagate.sandbox.dynamodb.partiql.PartiqlStatement.Not;
import dev.dynagate.sandbox.dynamodb.partiql.PartiqlStatement.Operand;
import dev.dynagate.sandbox.dynamodb.partiql.PartiqlStatement.Or;
import dev.dynagate.sandbox.dynamodb.partiql.PartiqlStatement.Path;
import dev.dynagate.sandbox.dynamodb.partiql.PartiqlStatement.PathOperand;
import dev.dynagate.sandbox.dynamodb.partiql.PartiqlStatement.SetAction;
import dev.dynagate.sandbox.dynamodb.partiql.PartiqlStatement.Size;
import dev.dynagate.sandbox.dynamodb.partiql.PartiqlStatement.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the PartiQL DynamoDB runs: one SELECT, INSERT, UPDATE or DELETE, with ? parameters taken in order from the
 * request's Parameters. Anything else is refused as DynamoDB does, with a ValidationException.
 */
public final class PartiqlParser {
    private static final Set<String> CONDITION_FUNCTIONS = Set.of("begins_with", "contains", "attribute_type",
            "attribute_exists", "attribute_not_exists");
    private static final Set<String> UPDATE_FUNCTIONS = Set.of("list_append", "if_not_exists", "set_add",
            "set_delete");
    private static final Set<String> COMPARATORS = Set.of("=", "<>", "!=", "<", "<=", ">", ">=");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** DynamoDB's longest statement, in characters. */
    static final int MAX_LENGTH = 8192;
    /** Nesting beyond any real statement; a guard for the parser's own stack. */
    private static final int MAX_DEPTH = 100;

    private final List<Token> tokens;
    private final List<JsonNode> parameters;
    private int at;
    private int used;
    private int depth;

    private PartiqlParser(String statement, List<JsonNode> parameters) {
        this.tokens = PartiqlLexer.tokens(statement);
        this.parameters = parameters;
    }

    /** The statement as a tree; every parameter must be used, in order. */
    public static PartiqlStatement parse(String statement, List<JsonNode> parameters) {
        if (statement.isEmpty() || statement.length() > MAX_LENGTH) {
            throw DynamoDbError.validation("1 validation error detected: Value at 'statement' failed to satisfy "
                    + "constraint: Member must have length " + (statement.isEmpty() ? "greater than or equal to 1"
                    : "less than or equal to " + MAX_LENGTH));
        }
        PartiqlParser parser = new PartiqlParser(statement, parameters);
        PartiqlStatement parsed = parser.statement();
        if (parser.peek().kind() != Kind.END) {
            throw PartiqlErrors.malformed("Unexpected token: " + parser.peek());
        }
        if (parser.used != parameters.size()) {
            throw DynamoDbError.validation("Number of parameters in request and statement don't match.");
        }
        return parsed;
    }

    private PartiqlStatement statement() {
        Token first = next();
        if (first.is("SELECT")) {
            return select();
        } else if (first.is("EXISTS")) {
            expect("(");
            expect("SELECT");
            PartiqlStatement.Select select = (PartiqlStatement.Select) select();
            expect(")");
            return new PartiqlStatement.Exists(select);
        } else if (first.is("INSERT")) {
            expect("INTO");
            String table = name();
            expect("VALUE");
            Token start = peek();
            ObjectNode item = value();
            if (!item.has("M")) {
                throw DynamoDbError.validation("Unsupported operation: Inserting a value that is not a tuple, at "
                        + "position " + (start.position() + 1));
            }
            return new PartiqlStatement.Insert(table, item);
        } else if (first.is("UPDATE")) {
            return update();
        } else if (first.is("DELETE")) {
            expect("FROM");
            String table = name();
            expect("WHERE");
            Condition where = condition();
            String returning = null;
            if (accept("RETURNING")) {
                expect("ALL");
                expect("OLD");
                expect("*");
                returning = "ALL_OLD";
            }
            return new PartiqlStatement.Delete(table, where, returning);
        }
        throw PartiqlErrors.malformed("Unexpected token: " + first + " (a statement starts with SELECT, INSERT, "
                + "UPDATE or DELETE)");
    }

    private PartiqlStatement select() {
        List<Path> projection = new ArrayList<>();
        if (!accept("*")) {
            do {
                projection.add(path());
            } while (accept(","));
        }
        expect("FROM");
        String table = name();
        String index = accept(".") ? name() : null;
        Condition where = accept("WHERE") ? condition() : null;
        Path orderBy = null;
        boolean descending = false;
        if (accept("ORDER")) {
            expect("BY");
            orderBy = path();
            if (accept("DESC")) {
                descending = true;
            } else {
                accept("ASC");
            }
        }
        return new PartiqlStatement.Select(List.copyOf(projection), table, index, where, orderBy, descending);
    }

    private PartiqlStatement update() {
        String table = name();
        List<SetAction> sets = new ArrayList<>();
        List<Path> removes = new ArrayList<>();
        while (true) {
            if (accept("SET")) {
                do {
                    sets.add(setAction());
                } while (accept(","));
            } else if (accept("REMOVE")) {
                do {
                    removes.add(path());
                } while (accept(","));
            } else {
                break;
            }
        }
        if (sets.isEmpty() && removes.isEmpty()) {
            throw PartiqlErrors.malformed("Unexpected token: " + peek() + " (an UPDATE needs SET or REMOVE)");
        }
        expect("WHERE");
        Condition where = condition();
        String returning = null;
        if (accept("RETURNING")) {
            String which = next().text().toUpperCase(Locale.ROOT);
            String age = next().text().toUpperCase(Locale.ROOT);
            expect("*");
            if (!Set.of("ALL", "MODIFIED").contains(which) || !Set.of("OLD", "NEW").contains(age)) {
                throw PartiqlErrors.malformed("Unexpected RETURNING " + which + " " + age + " (ALL OLD, MODIFIED "
                        + "OLD, ALL NEW or MODIFIED NEW)");
            }
            returning = (which.equals("ALL") ? "ALL_" : "UPDATED_") + age;
        }
        return new PartiqlStatement.Update(table, List.copyOf(sets), List.copyOf(removes), where, returning);
    }

    private SetAction setAction() {
        Path target = path();
        expect("=");
        Token token = peek();
        if (token.kind() == Kind.NAME && UPDATE_FUNCTIONS.contains(token.text().toLowerCase(Locale.ROOT))
                && tokens.get(at + 1).is("(")) {
            next();
            return new SetAction(target, null, null, null, token.text().toLowerCase(Locale.ROOT), arguments());
        }
        Operand value = operand();
        if (peek().is("+") || peek().is("-")) {
            String arithmetic = next().text();
            return new SetAction(target, value, arithmetic, operand(), null, List.of());
        }
        return new SetAction(target, value, null, null, null, List.of());
    }

    private List<Operand> arguments() {
        expect("(");
        List<Operand> arguments = new ArrayList<>();
        if (!peek().is(")")) {
            do {
                arguments.add(operand());
            } while (accept(","));
        }
        expect(")");
        return List.copyOf(arguments);
    }

    private Condition condition() {
        Condition left = conjunction();
        while (accept("OR")) {
            left = new Or(left, conjunction());
        }
        return left;
    }

    private Condition conjunction() {
        Condition left = negation();
        while (accept("AND")) {
            left = new And(left, negation());
        }
        return left;
    }

    private Condition negation() {
        if (++depth > MAX_DEPTH) {
            throw PartiqlErrors.malformed("Conditions nested more than " + MAX_DEPTH + " deep");
        }
        try {
            return nestedCondition();
        } finally {
            depth--;
        }
    }

    private Condition nestedCondition() {
        if (accept("NOT")) {
            return new Not(negation());
        }
        if (accept("(")) {
            Condition inner = condition();
            expect(")");
            return inner;
        }
        Token token = peek();
        if (token.kind() == Kind.NAME && CONDITION_FUNCTIONS.contains(token.text().toLowerCase(Locale.ROOT))
                && tokens.get(at + 1).is("(")) {
            next();
            return new Call(token.text().toLowerCase(Locale.ROOT), arguments());
        }
        Operand left = operand();
        if (accept("BETWEEN")) {
            Operand low = operand();
            expect("AND");
            return new Between(left, low, operand());
        }
        if (accept("IN")) {
            String close = accept("[") ? "]" : null;
            if (close == null) {
                expect("(");
                close = ")";
            }
            List<Operand> values = new ArrayList<>();
            do {
                values.add(operand());
            } while (accept(","));
            expect(close);
            return new In(left, List.copyOf(values));
        }
        if (accept("IS")) {
            boolean not = accept("NOT");
            if (!(left instanceof PathOperand path)) {
                throw PartiqlErrors.malformed("IS " + (not ? "NOT " : "") + "needs an attribute on its left");
            }
            if (accept("MISSING")) {
                return new Missing(path.path(), !not);
            }
            expect("NULL");
            Condition isNull = new Call("attribute_type", List.of(path, new Value(string("NULL"))));
            return not ? new Not(isNull) : isNull;
        }
        Token operator = next();
        if (operator.kind() != Kind.SYMBOL || !COMPARATORS.contains(operator.text())) {
            throw PartiqlErrors.malformed("Unexpected token: " + operator + " (expected a comparison)");
        }
        return new Compare(operator.text().equals("!=") ? "<>" : operator.text(), left, operand());
    }

    private Operand operand() {
        Token token = peek();
        if (token.kind() == Kind.NAME && token.text().equalsIgnoreCase("size") && tokens.get(at + 1).is("(")) {
            next();
            expect("(");
            Path path = path();
            expect(")");
            return new Size(path);
        }
        if (token.kind() == Kind.QUOTED_NAME || token.kind() == Kind.NAME && !isLiteralKeyword(token)) {
            return new PathOperand(path());
        }
        return new Value(value());
    }

    private static boolean isLiteralKeyword(Token token) {
        return token.is("TRUE") || token.is("FALSE") || token.is("NULL") || token.is("MISSING");
    }

    /** A literal as a DynamoDB attribute value: 'text', numbers, booleans, NULL, {maps}, [lists], <<sets>>, ?. */
    private ObjectNode value() {
        if (++depth > MAX_DEPTH) {
            throw PartiqlErrors.malformed("Values nested more than " + MAX_DEPTH + " deep");
        }
        try {
            return literal();
        } finally {
            depth--;
        }
    }

    private ObjectNode literal() {
        Token token = next();
        ObjectNode value = JSON.objectNode();
        switch (token.kind()) {
            case STRING -> value.put("S", token.text());
            case NUMBER -> value.put("N", token.text());
            case PARAMETER -> {
                if (used >= parameters.size()) {
                    throw DynamoDbError.validation("Number of parameters in request and statement don't match.");
                }
                JsonNode given = parameters.get(used++);
                if (!given.isObject()) {
                    throw DynamoDbError.serialization("Unexpected value type in payload");
                }
                return (ObjectNode) given;
            }
            case SYMBOL -> {
                if (token.is("-") && peek().kind() == Kind.NUMBER) {
                    value.put("N", "-" + next().text());
                } else if (token.is("{")) {
                    ObjectNode members = value.putObject("M");
                    if (!accept("}")) {
                        do {
                            Token key = next();
                            if (key.kind() != Kind.STRING && key.kind() != Kind.QUOTED_NAME) {
                                throw PartiqlErrors.malformed("Unexpected token: " + key + " (a tuple's attribute "
                                        + "names are 'quoted')");
                            }
                            expect(":");
                            members.set(key.text(), value());
                        } while (accept(","));
                        expect("}");
                    }
                } else if (token.is("[")) {
                    ArrayNode list = value.putArray("L");
                    if (!accept("]")) {
                        do {
                            list.add(value());
                        } while (accept(","));
                        expect("]");
                    }
                } else if (token.is("<<")) {
                    return set();
                } else {
                    throw PartiqlErrors.malformed("Unexpected token: " + token);
                }
            }
            case NAME -> {
                if (token.is("TRUE") || token.is("FALSE")) {
                    value.put("BOOL", token.is("TRUE"));
                } else if (token.is("NULL")) {
                    value.put("NULL", true);
                } else if (token.is("MISSING")) {
                    throw PartiqlErrors.unsupported("MISSING is not a value; use IS MISSING");
                } else {
                    throw PartiqlErrors.malformed("Unexpected token: " + token);
                }
            }
            default -> throw PartiqlErrors.malformed("Unexpected " + token);
        }
        return value;
    }

    /** {@code <<'a', 'b'>>} or {@code <<1, 2>>}: a string or number set, by its members' type. */
    private ObjectNode set() {
        List<ObjectNode> members = new ArrayList<>();
        do {
            members.add(value());
        } while (accept(","));
        expect(">>");
        String type = members.get(0).fieldNames().next();
        if (!type.equals("S") && !type.equals("N") && !type.equals("B")
                || members.stream().anyMatch(m -> !m.has(type))) {
            throw DynamoDbError.validation("Unsupported operation: a set holds strings, numbers or binaries of one "
                    + "type");
        }
        ObjectNode set = JSON.objectNode();
        ArrayNode array = set.putArray(type + "S");
        members.forEach(m -> array.add(m.get(type)));
        return set;
    }

    private Path path() {
        List<Object> segments = new ArrayList<>();
        segments.add(name());
        while (true) {
            if (peek().is(".") && (tokens.get(at + 1).kind() == Kind.NAME
                    || tokens.get(at + 1).kind() == Kind.QUOTED_NAME)) {
                next();
                segments.add(name());
            } else if (peek().is("[")) {
                next();
                Token position = next();
                if (position.kind() != Kind.NUMBER || !position.text().matches("\\d+")) {
                    throw PartiqlErrors.malformed("Unexpected token: " + position + " (a list position is a "
                            + "whole number)");
                }
                segments.add(Integer.parseInt(position.text()));
                expect("]");
            } else {
                return new Path(List.copyOf(segments));
            }
        }
    }

    private String name() {
        Token token = next();
        if (token.kind() != Kind.NAME && token.kind() != Kind.QUOTED_NAME) {
            throw PartiqlErrors.malformed("Unexpected token: " + token + " (expected a name)");
        }
        return token.text();
    }

    private static ObjectNode string(String text) {
        return JSON.objectNode().put("S", text);
    }

    private Token peek() {
        return tokens.get(at);
    }

    private Token next() {
        Token token = tokens.get(at);
        if (token.kind() != Kind.END) {
            at++;
        }
        return token;
    }

    private boolean accept(String symbolOrKeyword) {
        if (peek().is(symbolOrKeyword) && peek().kind() != Kind.QUOTED_NAME) {
            at++;
            return true;
        }
        return false;
    }

    private void expect(String symbolOrKeyword) {
        if (!accept(symbolOrKeyword)) {
            throw PartiqlErrors.malformed("Unexpected " + (peek().kind() == Kind.END ? "end of statement"
                    : "token: " + peek()) + " (expected " + symbolOrKeyword + ")");
        }
    }
}
