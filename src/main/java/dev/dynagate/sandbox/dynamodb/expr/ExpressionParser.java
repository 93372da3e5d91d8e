package dev.dynagate.sandbox.dynamodb.expr;

import dev.dynagate.sandbox.dynamodb.DynamoDbError;
import dev.dynagate.sandbox.dynamodb.expr.Lexer.Kind;
import dev.dynagate.sandbox.dynamodb.expr.Lexer.Token;
import dev.dynagate.sandbox.dynamodb.expr.Problems.Category;
import dev.dynagate.sandbox.dynamodb.value.ItemSize;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parts all expression grammars share: tokens, syntax errors worded as DynamoDB words them, document paths,
 * operands, #name and :value resolution, and the limits (4 KB, 300 operators, bounded nesting so that no input can
 * exhaust the stack).
 */
abstract class ExpressionParser {
    static final int MAX_EXPRESSION_BYTES = 4096;
    static final int MAX_OPERATORS = 300;
    /** Documents nest at most 32 levels, the top-level attribute included. */
    static final int MAX_PATH_DEPTH = 32;
    /**
     * Nesting levels (each parenthesis, function call or NOT). DynamoDB's own limits are 300 operators and 4 KB; this
     * one keeps the parser under some 800 stack frames whatever the input.
     */
    static final int MAX_NESTING = 200;
    private static final Set<String> COMPARATORS = Set.of("=", "<>", "<", "<=", ">", ">=");

    final String kind;
    final String source;
    final ExpressionContext ctx;
    final Problems problems = new Problems();
    private final List<Token> tokens;
    private final Set<String> keywords;
    private final Map<String, Integer> functionArity;
    private int pos;
    private int operators;
    private int depth;
    /** Whether the operand just parsed was wrapped in parentheses, to spot {@code ((a))}. */
    private boolean lastOperandParenthesised;

    ExpressionParser(String kind, String source, ExpressionContext ctx, Set<String> keywords,
                     Map<String, Integer> functionArity) {
        this.kind = kind;
        this.source = source == null ? "" : source;
        this.ctx = ctx == null ? new ExpressionContext(null, null) : ctx;
        this.keywords = keywords;
        this.functionArity = functionArity;
        checkSize(sizeSuffix());
        this.tokens = Lexer.tokens(this.source);
    }

    /** Whether the size error carries the expression's size, which DynamoDB adds for some expression kinds only. */
    boolean sizeSuffix() {
        return false;
    }

    private void checkSize(boolean withSize) {
        if (source.isBlank()) {
            throw error("The expression can not be empty;");
        }
        long bytes = ItemSize.utf8Bytes(source);
        if (bytes > MAX_EXPRESSION_BYTES) {
            throw error("Expression size has exceeded the maximum allowed size;"
                    + (withSize ? " expression size: " + bytes : ""));
        }
    }

    // ---- tokens

    Token peek() {
        return tokens.get(pos);
    }

    Token peek(int ahead) {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    Token advance() {
        Token t = tokens.get(pos);
        if (t.kind() != Kind.EOF) {
            pos++;
        }
        return t;
    }

    boolean at(String punct) {
        return peek().is(punct);
    }

    boolean atKeyword(String keyword) {
        return peek().isKeyword(keyword);
    }

    boolean atComparator() {
        return peek().kind() == Kind.PUNCT && COMPARATORS.contains(peek().text());
    }

    boolean atEnd() {
        return peek().kind() == Kind.EOF;
    }

    void expect(String punct) {
        if (!at(punct)) {
            throw syntaxError();
        }
        advance();
    }

    void expectEnd() {
        if (!atEnd()) {
            throw syntaxError();
        }
    }

    /** DynamoDB quotes the offending token and the text from the token before it to the token after it. */
    DynamoDbError syntaxError() {
        Token token = peek();
        Token before = pos > 0 ? tokens.get(pos - 1) : null;
        Token after = token.kind() == Kind.EOF ? null : peek(1);
        int from = before != null ? before.start() : token.start();
        int to = after != null && after.kind() != Kind.EOF ? after.end() : token.end();
        if (token.kind() == Kind.EOF) {
            to = before != null ? before.end() : 0;
        }
        return error("Syntax error; token: \"" + token.shown() + "\", near: \"" + source.substring(from, to) + "\"");
    }

    DynamoDbError error(String message) {
        return DynamoDbError.validation("Invalid " + kind + ": " + message);
    }

    /** The token after the parenthesis matching the one at the current position (the end if unbalanced). */
    Token tokenAfterMatchingParenthesis() {
        return tokens.get(Math.min(matchingClose(pos) + 1, tokens.size() - 1));
    }

    /** Index of the parenthesis closing the one at {@code open}, or the index of the end when unbalanced. */
    private int matchingClose(int open) {
        int level = 0;
        for (int i = open; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.is("(")) {
                level++;
            } else if (t.is(")") && --level == 0) {
                return i;
            }
        }
        return tokens.size() - 1;
    }

    /**
     * Refuses {@code ((...))} at once: it is DynamoDB's first-ranked error, and answering it before descending keeps
     * thousands of nested parentheses from costing thousands of stack frames.
     */
    void refuseDoubleParentheses() {
        if (at("(") && peek(1).is("(")) {
            int outer = matchingClose(pos);
            int inner = matchingClose(pos + 1);
            if (inner + 1 == outer && tokens.get(outer).is(")")) {
                throw error("The expression has redundant parentheses;");
            }
        }
    }

    /** Whether this grammar reports redundant parentheses (the condition grammar does, updates do not). */
    boolean refusesRedundantParentheses() {
        return false;
    }

    // ---- limits

    void countOperator() {
        if (++operators > MAX_OPERATORS) {
            throw error("The expression contains too many operators; operator count: " + operators);
        }
    }

    void enter() {
        if (++depth > MAX_NESTING) {
            throw error("The expression has too many nested levels; maximum nesting: " + MAX_NESTING);
        }
    }

    void leave() {
        depth--;
    }

    // ---- paths and operands

    DocPath path() {
        List<Object> elements = new ArrayList<>();
        elements.add(pathName());
        return pathTail(elements);
    }

    /** The {@code .name} and {@code [n]} steps after the start of a path. */
    private DocPath pathTail(List<Object> elements) {
        while (true) {
            if (at(".")) {
                advance();
                elements.add(pathName());
            } else if (at("[")) {
                advance();
                Token index = peek();
                if (index.kind() != Kind.NUMBER || index.text().length() > 9) {
                    throw syntaxError();
                }
                advance();
                expect("]");
                elements.add(Integer.parseInt(index.text()));
            } else {
                if (elements.size() > MAX_PATH_DEPTH) {
                    throw error("The document path has too many nesting levels; nesting levels: " + elements.size());
                }
                return new DocPath(elements);
            }
        }
    }

    private String pathName() {
        Token t = peek();
        if (t.kind() == Kind.NAME && !isKeyword(t)) {
            advance();
            if (ReservedWords.contains(t.text())) {
                problems.add(Category.RESERVED, "Attribute name is a reserved keyword; reserved keyword: " + t.text());
            }
            return t.text();
        }
        if (t.kind() == Kind.NAME_REF) {
            advance();
            String name = ctx.name(t.text());
            if (name == null) {
                problems.undefinedName(t.text());
                return t.text();
            }
            return name;
        }
        throw syntaxError();
    }

    boolean isKeyword(Token t) {
        return t.kind() == Kind.NAME && keywords.stream().anyMatch(t::isKeyword);
    }

    Operand.Value valueRef() {
        Token t = advance();
        var value = ctx.value(t.text());
        if (value == null) {
            problems.undefinedValue(t.text());
        }
        return new Operand.Value(t.text(), value);
    }

    /**
     * An operand: a path, a :value, a function call, or one of those in parentheses. Function calls come back as
     * {@link Operand.Call} for the grammar to resolve.
     */
    Operand operand() {
        Token t = peek();
        if (t.is("(")) {
            if (refusesRedundantParentheses()) {
                refuseDoubleParentheses();
            }
            enter();
            advance();
            Operand inner = operand();
            expect(")");
            leave();
            if (lastOperandParenthesised) {
                problems.add(Category.PARENS, "The expression has redundant parentheses;");
            }
            lastOperandParenthesised = true;
            if (refusesRedundantParentheses() && inner instanceof Operand.Path grouped && (at(".") || at("["))) {
                // the condition grammar lets a parenthesised path go on: (a.b).c is a.b.c
                lastOperandParenthesised = false;
                return new Operand.Path(pathTail(new ArrayList<>(grouped.path().elements())));
            }
            return inner;
        }
        lastOperandParenthesised = false;
        if (t.kind() == Kind.VALUE_REF) {
            return valueRef();
        }
        if (t.kind() == Kind.NAME && peek(1).is("(") && !isKeyword(t)) {
            return call();
        }
        if (t.kind() == Kind.NAME || t.kind() == Kind.NAME_REF) {
            return new Operand.Path(path());
        }
        throw syntaxError();
    }

    /** Function calls are not operators: DynamoDB does not count them towards the 300. */
    private Operand.Call call() {
        String name = advance().text();
        enter();
        expect("(");
        List<Operand> arguments = new ArrayList<>();
        arguments.add(operand());
        while (at(",")) {
            advance();
            arguments.add(operand());
        }
        expect(")");
        leave();
        lastOperandParenthesised = false;
        Integer arity = functionArity.get(name);
        if (arity == null) {
            unknownFunction(name);
        } else if (arity != arguments.size()) {
            problems.add(Category.OPERAND_COUNT, "Incorrect number of operands for operator or function; "
                    + "operator or function: " + name + ", number of operands: " + arguments.size());
        }
        return new Operand.Call(name, arguments);
    }

    private void unknownFunction(String name) {
        String otherGrammar = functionOfOtherGrammar(name);
        problems.add(Category.UNKNOWN_FUNCTION, otherGrammar != null
                ? "The function is not allowed in " + otherGrammar + "; function: " + name
                : "Invalid function name; function: " + name);
    }

    /**
     * For a function of the other grammar (if_not_exists in a condition, size in an update), the phrase naming this
     * grammar, such as "a condition expression"; null for a name no grammar knows.
     */
    abstract String functionOfOtherGrammar(String name);

    /** Records a problem when a literal operand has a type the function or operator does not take. */
    void requireType(Operand operand, Set<String> allowed, String function) {
        String type = operand.staticType();
        if (type != null && !allowed.contains(type)) {
            problems.add(Category.FUNCTION, "Incorrect operand type for operator or function; "
                    + "operator or function: " + function + ", operand type: " + type);
        }
    }

    /** Records a problem when an argument that must be a document path is something else. */
    void requirePath(Operand operand, String function) {
        if (!(operand instanceof Operand.Path)) {
            problems.add(Category.FUNCTION,
                    "Operator or function requires a document path; operator or function: " + function);
        }
    }
}
