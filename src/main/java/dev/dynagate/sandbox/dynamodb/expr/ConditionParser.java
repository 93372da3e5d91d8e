package dev.dynagate.sandbox.dynamodb.expr;

import dev.dynagate.sandbox.dynamodb.expr.Lexer.Token;
import dev.dynagate.sandbox.dynamodb.expr.Problems.Category;
import dev.dynagate.sandbox.dynamodb.value.AttrOrder;
import dev.dynagate.sandbox.dynamodb.value.AttrValue;
import dev.dynagate.sandbox.dynamodb.value.Numbers;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The condition grammar shared by ConditionExpression, FilterExpression and KeyConditionExpression: comparisons,
 * BETWEEN, IN, the condition functions, and NOT over AND over OR with parentheses.
 */
final class ConditionParser extends ExpressionParser {
    /** DynamoDB counts the value tested too: {@code a IN (...)} takes at most 99 candidates. */
    static final int MAX_IN_OPERANDS = 100;
    private static final Map<String, Integer> FUNCTIONS = Map.of("attribute_exists", 1, "attribute_not_exists", 1,
            "attribute_type", 2, "begins_with", 2, "contains", 2, "size", 1);
    private static final Set<String> KEYWORDS = Set.of("AND", "OR", "NOT", "BETWEEN", "IN");
    private static final Set<String> TYPE_NAMES = Set.of("S", "N", "B", "NULL", "SS", "BOOL", "L", "BS", "NS", "M");
    private static final Set<String> STRING_OR_BINARY = Set.of("S", "B");
    /** The types the ordering comparators take; a literal of another type is refused before evaluation. */
    private static final Set<String> ORDERED = Set.of("S", "N", "B");
    private static final Set<String> SIZED = Set.of("S", "B", "SS", "NS", "BS", "L", "M");

    private ConditionParser(String kind, String text, ExpressionContext ctx) {
        super(kind, text, ctx, KEYWORDS, FUNCTIONS);
    }

    @Override
    String functionOfOtherGrammar(String name) {
        return name.equals("if_not_exists") || name.equals("list_append") ? "a condition expression" : null;
    }

    @Override
    boolean refusesRedundantParentheses() {
        return true;
    }

    @Override
    boolean sizeSuffix() {
        return !kind.equals("KeyConditionExpression");
    }

    /** Parses and validates; {@code kind} names the request parameter in error messages. */
    static Cond parse(String kind, String text, ExpressionContext ctx) {
        ConditionParser parser = new ConditionParser(kind, text, ctx);
        Cond cond = parser.orCondition();
        parser.expectEnd();
        parser.problems.throwFirst(Problems.CONDITION_ORDER, kind);
        return cond;
    }

    private Cond orCondition() {
        Cond left = andCondition();
        while (atKeyword("OR")) {
            advance();
            countOperator();
            left = new Cond.Or(left, andCondition());
        }
        return left;
    }

    private Cond andCondition() {
        Cond left = notCondition();
        while (atKeyword("AND")) {
            advance();
            countOperator();
            left = new Cond.And(left, notCondition());
        }
        return left;
    }

    /** A run of NOTs is read in a loop, so that only the 300-operator limit bounds it, as in DynamoDB. */
    private Cond notCondition() {
        int nots = 0;
        while (atKeyword("NOT")) {
            advance();
            countOperator();
            nots++;
        }
        Cond cond = primary();
        for (int i = 0; i < nots; i++) {
            cond = new Cond.Not(cond);
        }
        return cond;
    }

    private Cond primary() {
        if (at("(") && !startsComparison(tokenAfterMatchingParenthesis())) {
            refuseDoubleParentheses();
            enter();
            advance();
            Cond inner = orCondition();
            expect(")");
            leave();
            if (inner instanceof Cond.Group) {
                problems.add(Category.PARENS, "The expression has redundant parentheses;");
            }
            return new Cond.Group(inner);
        }
        problems.beginCondition();
        Cond cond = comparisonOrFunction();
        problems.endCondition();
        return cond;
    }

    private Cond comparisonOrFunction() {
        Operand left = operand();
        if (atComparator()) {
            String operator = advance().text();
            countOperator();
            Operand right = operand();
            Operand l = resolve(left);
            Operand r = resolve(right);
            checkDistinct(operator, l, r);
            if (!operator.equals("=") && !operator.equals("<>")) {
                requireType(l, ORDERED, operator);
                requireType(r, ORDERED, operator);
            }
            return new Cond.Compare(operator, l, r);
        }
        if (atKeyword("BETWEEN")) {
            advance();
            countOperator();
            Operand lower = operand();
            if (!atKeyword("AND")) {
                throw syntaxError();
            }
            advance();
            Operand upper = operand();
            Cond.Between between = new Cond.Between(resolve(left), resolve(lower), resolve(upper));
            requireType(between.value(), ORDERED, "BETWEEN");
            requireType(between.lower(), ORDERED, "BETWEEN");
            requireType(between.upper(), ORDERED, "BETWEEN");
            checkBounds(between.lower(), between.upper());
            return between;
        }
        if (atKeyword("IN")) {
            advance();
            countOperator();
            return in(resolve(left));
        }
        if (left instanceof Operand.Call call) {
            return functionCondition(call);
        }
        throw syntaxError();
    }

    private Cond in(Operand value) {
        expect("(");
        List<Operand> candidates = new ArrayList<>();
        candidates.add(resolve(operand()));
        while (at(",")) {
            advance();
            candidates.add(resolve(operand()));
            if (candidates.size() + 1 > MAX_IN_OPERANDS) {
                throw error("The IN operator is provided with too many operands; number of operands: "
                        + (candidates.size() + 1));
            }
        }
        expect(")");
        return new Cond.In(value, List.copyOf(candidates));
    }

    /** Whether the token after a parenthesis shows that the parenthesis held an operand, not a condition. */
    private static boolean startsComparison(Token t) {
        return t.kind() == Lexer.Kind.PUNCT && Set.of("=", "<>", "<", "<=", ">", ">=", ".", "[").contains(t.text())
                || t.isKeyword("BETWEEN") || t.isKeyword("IN");
    }

    /** An operand in value position: size() becomes a value, other functions are misplaced there. */
    private Operand resolve(Operand operand) {
        if (!(operand instanceof Operand.Call call)) {
            return operand;
        }
        List<Operand> arguments = resolveAll(call.arguments());
        if (call.function().equals("size")) {
            if (arguments.size() == 1) {
                requireType(arguments.get(0), SIZED, "size");
                return new Operand.Size(arguments.get(0));
            }
            return new Operand.Call(call.function(), arguments);
        }
        if (FUNCTIONS.containsKey(call.function())) {
            misused(call.function());
        }
        return new Operand.Call(call.function(), arguments);
    }

    /** A plain loop rather than a stream: nesting can be deep and stream frames are many. */
    private List<Operand> resolveAll(List<Operand> operands) {
        List<Operand> out = new ArrayList<>(operands.size());
        for (Operand operand : operands) {
            out.add(resolve(operand));
        }
        return out;
    }

    private Cond functionCondition(Operand.Call call) {
        String name = call.function();
        List<Operand> arguments = resolveAll(call.arguments());
        if (name.equals("size")) {
            misused(name);
        }
        if (FUNCTIONS.get(name) == null || FUNCTIONS.get(name) != arguments.size()) {
            return new Cond.Function(name, arguments);
        }
        if (arguments.size() == 2) {
            checkDistinct(name, arguments.get(0), arguments.get(1));
        }
        switch (name) {
            case "attribute_exists", "attribute_not_exists" -> requirePath(arguments.get(0), name);
            case "begins_with" -> arguments.forEach(a -> requireType(a, STRING_OR_BINARY, name));
            case "attribute_type" -> checkTypeName(arguments.get(1));
            default -> {
            }
        }
        return new Cond.Function(name, arguments);
    }

    private void checkTypeName(Operand operand) {
        String type = operand.staticType();
        if (!"S".equals(type)) {
            problems.add(Category.FUNCTION, "Incorrect operand type for operator or function; operator or function: "
                    + "attribute_type, operand type: " + (type == null ? "{NS,SS,L,BS,N,M,B,BOOL,NULL,S}" : type));
            return;
        }
        String name = ((AttrValue.S) ((Operand.Value) operand).value()).value();
        if (!TYPE_NAMES.contains(name)) {
            problems.add(Category.FUNCTION, "Invalid attribute type name found; type: " + name
                    + ", valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}");
        }
    }

    private void misused(String function) {
        problems.add(Category.MISUSED_FUNCTION,
                "The function is not allowed to be used this way in an expression; function: " + function);
    }

    private void checkDistinct(String operator, Operand first, Operand second) {
        if (first instanceof Operand.Path a && second instanceof Operand.Path b && a.path().equals(b.path())) {
            problems.add(Category.DISTINCT, "The first operand must be distinct from the remaining operands for this "
                    + "operator or function; operator: " + operator + ", first operand: " + a.path().display());
        }
    }

    private void checkBounds(Operand lower, Operand upper) {
        if (!(lower instanceof Operand.Value lo) || !(upper instanceof Operand.Value hi)
                || lo.value() == null || hi.value() == null) {
            return;
        }
        if (!lo.value().type().equals(hi.value().type())) {
            problems.add(Category.FUNCTION, "The BETWEEN operator requires same data type for lower and upper bounds; "
                    + bounds(lo.value(), hi.value()));
        } else {
            int order = AttrOrder.compare(lo.value(), hi.value());
            if (order != AttrOrder.INCOMPARABLE && order > 0) {
                problems.add(Category.FUNCTION, "The BETWEEN operator requires upper bound to be greater than or "
                        + "equal to lower bound; " + bounds(lo.value(), hi.value()));
            }
        }
    }

    private static String bounds(AttrValue lower, AttrValue upper) {
        return "lower bound operand: AttributeValue: " + brief(lower) + ", upper bound operand: AttributeValue: "
                + brief(upper);
    }

    /** DynamoDB's short rendering of a scalar in messages, such as {@code {N:5}}. */
    static String brief(AttrValue v) {
        String text;
        if (v instanceof AttrValue.S s) {
            text = s.value();
        } else if (v instanceof AttrValue.N n) {
            text = Numbers.format(n.value());
        } else if (v instanceof AttrValue.B b) {
            text = Base64.getEncoder().encodeToString(b.value());
        } else {
            text = String.valueOf(v);
        }
        return "{" + v.type() + ":" + text + "}";
    }
}
