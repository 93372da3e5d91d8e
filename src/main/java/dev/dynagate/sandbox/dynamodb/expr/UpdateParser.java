package dev.dynagate.sandbox.dynamodb.expr;

import dev.dynagate.sandbox.dynamodb.expr.Lexer.Kind;
import dev.dynagate.sandbox.dynamodb.expr.Problems.Category;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The UpdateExpression grammar: SET, REMOVE, ADD and DELETE clauses, each at most once, in any order. */
final class UpdateParser extends ExpressionParser {
    private enum Clause { SET, REMOVE, ADD, DELETE }

    private static final Map<String, Integer> FUNCTIONS = Map.of("if_not_exists", 2, "list_append", 2);
    private static final Set<String> KEYWORDS = Set.of("SET", "REMOVE", "ADD", "DELETE");
    private static final Set<String> NUMBER = Set.of("N");
    private static final Set<String> LIST = Set.of("L");
    private static final Map<String, String> TYPE_WORDS = Map.of("S", "STRING", "N", "NUMBER", "B", "BINARY",
            "NULL", "NULL", "BOOL", "BOOLEAN", "L", "LIST", "M", "MAP");

    private final EnumSet<Clause> seen = EnumSet.noneOf(Clause.class);
    private final List<DocPath> targets = new ArrayList<>();
    private final List<UpdateExpression.SetAction> sets = new ArrayList<>();
    private final List<DocPath> removes = new ArrayList<>();
    private final List<UpdateExpression.AddAction> adds = new ArrayList<>();
    private final List<UpdateExpression.DeleteAction> deletes = new ArrayList<>();

    private UpdateParser(String text, ExpressionContext ctx) {
        super("UpdateExpression", text, ctx, KEYWORDS, FUNCTIONS);
    }

    @Override
    String functionOfOtherGrammar(String name) {
        return Set.of("attribute_exists", "attribute_not_exists", "attribute_type", "begins_with", "contains", "size")
                .contains(name) ? "an update expression" : null;
    }

    static UpdateExpression parse(String text, ExpressionContext ctx) {
        UpdateParser parser = new UpdateParser(text, ctx);
        parser.clauses();
        parser.problems.throwFirst(Problems.UPDATE_ORDER, "UpdateExpression");
        return new UpdateExpression(parser.sets, parser.removes, parser.adds, parser.deletes);
    }

    private void clauses() {
        do {
            Clause clause = null;
            for (Clause candidate : Clause.values()) {
                if (atKeyword(candidate.name())) {
                    clause = candidate;
                    break;
                }
            }
            if (clause == null) {
                throw syntaxError();
            }
            advance();
            if (!seen.add(clause)) {
                problems.add(Category.SECTION,
                        "The \"" + clause + "\" section can only be used once in an update expression;");
            }
            do {
                action(clause);
            } while (at(",") && advance() != null);
        } while (!atEnd());
    }

    private void action(Clause clause) {
        DocPath path = path();
        target(path);
        switch (clause) {
            case SET -> {
                expect("=");
                sets.add(new UpdateExpression.SetAction(path, setValue()));
            }
            case REMOVE -> removes.add(path);
            case ADD -> {
                Operand.Value value = setOperand("ADD", Set.of("N", "SS", "NS", "BS"));
                adds.add(new UpdateExpression.AddAction(path, value.ref(), value.value()));
            }
            case DELETE -> {
                Operand.Value value = setOperand("DELETE", Set.of("SS", "NS", "BS"));
                deletes.add(new UpdateExpression.DeleteAction(path, value.ref(), value.value()));
            }
        }
    }

    private Operand.Value setOperand(String operator, Set<String> allowed) {
        if (peek().kind() != Kind.VALUE_REF) {
            throw syntaxError();
        }
        Operand.Value value = valueRef();
        String type = value.staticType();
        if (type != null && !allowed.contains(type)) {
            problems.add(Category.OPERAND_TYPE, "Incorrect operand type for operator or function; operator: "
                    + operator + ", operand type: " + TYPE_WORDS.getOrDefault(type, type));
        }
        return value;
    }

    /** {@code value}, {@code value + value}, {@code value - value}, or one of those in one pair of parentheses. */
    private Operand setValue() {
        if (at("(")) {
            String after = tokenAfterMatchingParenthesis().text();
            if (!after.equals("+") && !after.equals("-")) {
                enter();
                advance();
                Operand inner = arithmetic();
                expect(")");
                leave();
                return inner;
            }
        }
        return arithmetic();
    }

    private Operand arithmetic() {
        Operand left = value(operand());
        if (at("+") || at("-")) {
            boolean plus = advance().text().equals("+");
            countOperator();
            Operand right = value(operand());
            String operator = plus ? "+" : "-";
            requireType(left, NUMBER, operator);
            requireType(right, NUMBER, operator);
            return new Operand.Arithmetic(plus, left, right);
        }
        return left;
    }

    /** Resolves the update functions; everything else is a path or a :value already. */
    private Operand value(Operand operand) {
        if (!(operand instanceof Operand.Call call)) {
            return operand;
        }
        List<Operand> arguments = new ArrayList<>();
        for (Operand argument : call.arguments()) {
            arguments.add(value(argument));
        }
        Integer arity = FUNCTIONS.get(call.function());
        if (arity == null || arity != arguments.size()) {
            return new Operand.Call(call.function(), arguments);
        }
        if (call.function().equals("if_not_exists")) {
            requirePath(arguments.get(0), "if_not_exists");
            if (arguments.get(0) instanceof Operand.Path p) {
                return new Operand.IfNotExists(p.path(), arguments.get(1));
            }
            return new Operand.Call(call.function(), arguments);
        }
        for (Operand argument : arguments) {
            requireLiteralType(argument, LIST, "list_append");
            if (argument instanceof Operand.ListAppend) {
                problems.add(Category.MISUSED_FUNCTION,
                        "The function is not allowed to be used this way in an expression; function: list_append");
            }
        }
        return new Operand.ListAppend(arguments.get(0), arguments.get(1));
    }

    /** Only literal values are checked for list_append; a nested function's type is known at run time only. */
    private void requireLiteralType(Operand operand, Set<String> allowed, String function) {
        if (operand instanceof Operand.Value) {
            requireType(operand, allowed, function);
        }
    }

    private void target(DocPath path) {
        for (DocPath earlier : targets) {
            String clash = PathClash.between(earlier, path);
            if (clash != null) {
                problems.add(clash.startsWith("Two document paths overlap") ? Category.OVERLAP : Category.CONFLICT,
                        clash);
            }
        }
        targets.add(path);
    }
}
