package dev.dynagate.requests.collections;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.dynagate.requests.model.Assertion;
import dev.dynagate.requests.model.Assertion.Operator;
import dev.dynagate.requests.model.ResponseRecord;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Evaluates declarative assertions on a response. Expected values may hold {@code {{variables}}}, resolved with
 * the run's variables first. Never throws: a malformed assertion or a body that is not JSON is a failed check
 * whose "actual" says why.
 */
public final class AssertionEvaluator {
    static final String MISSING = "(missing)";

    private AssertionEvaluator() {
    }

    public static CheckResult evaluate(Assertion assertion, ResponseRecord response, UnaryOperator<String> resolve) {
        return evaluate(assertion, response, new ResponseJson(response), resolve);
    }

    /** As above, sharing one parse of the body between the checks of a response. */
    public static CheckResult evaluate(Assertion assertion, ResponseRecord response, ResponseJson json,
                                       UnaryOperator<String> resolve) {
        String expected = assertion.expected() == null ? null : resolve.apply(assertion.expected());
        String path = assertion.path() == null ? null : resolve.apply(assertion.path());
        String description = describe(assertion.target(), path, assertion.operator(), expected);
        try {
            return switch (assertion.target()) {
                case STATUS -> status(description, assertion.operator(), expected, response.status());
                case HEADER -> text(description, assertion.operator(), expected, response.header(path));
                case BODY -> text(description, assertion.operator(), expected, response.bodyText());
                case RESPONSE_TIME -> number(description, assertion.operator(), expected,
                        BigDecimal.valueOf(response.elapsed().toMillis()), " ms");
                case JSON_PATH -> json(description, assertion.operator(), expected, path, json);
            };
        } catch (IllegalArgumentException e) {
            return CheckResult.fail(description, expected == null ? "a valid assertion" : expected, e.getMessage());
        }
    }

    static String describe(Assertion.Target target, String path, Operator operator, String expected) {
        String subject = switch (target) {
            case STATUS -> "status";
            case HEADER -> "header " + path;
            case BODY -> "body";
            case RESPONSE_TIME -> "response time";
            case JSON_PATH -> path;
        };
        String op = operator.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        boolean unary = operator == Operator.EXISTS || operator == Operator.NOT_EXISTS;
        String unit = target == Assertion.Target.RESPONSE_TIME ? " ms" : "";
        return subject + " " + op + (unary ? "" : " " + expected + unit);
    }

    private static CheckResult status(String description, Operator operator, String expected, int status) {
        String actual = Integer.toString(status);
        if (operator == Operator.EQUALS || operator == Operator.NOT_EQUALS) {
            String wanted = expected == null ? "" : expected.strip();
            boolean same = wanted.matches("[1-5][xX]{2}") ? actual.charAt(0) == wanted.charAt(0) : actual.equals(wanted);
            return result(description, same == (operator == Operator.EQUALS), expected, actual);
        }
        if (operator == Operator.LESS_THAN || operator == Operator.GREATER_THAN) {
            return number(description, operator, expected, BigDecimal.valueOf(status), "");
        }
        return text(description, operator, expected, actual);
    }

    private static CheckResult text(String description, Operator operator, String expected, String actual) {
        String shown = actual == null ? MISSING : quote(actual);
        boolean passed = switch (operator) {
            case EXISTS -> actual != null;
            case NOT_EXISTS -> actual == null;
            case EQUALS -> actual != null && actual.equals(expected);
            case NOT_EQUALS -> actual == null || !actual.equals(expected);
            case CONTAINS -> actual != null && expected != null && actual.contains(expected);
            case MATCHES -> actual != null && pattern(expected).matcher(actual).find();
            case LESS_THAN, GREATER_THAN -> {
                if (actual == null) {
                    yield false;
                }
                yield number(description, operator, expected, decimal(actual), "").passed();
            }
            case TYPE -> throw new IllegalArgumentException("\"type\" applies to JSONPath values only");
        };
        return result(description, passed, expectedShown(operator, expected), shown);
    }

    private static CheckResult number(String description, Operator operator, String expected, BigDecimal actual, String unit) {
        BigDecimal wanted = decimal(expected);
        int order = actual.compareTo(wanted);
        boolean passed = switch (operator) {
            case LESS_THAN -> order < 0;
            case GREATER_THAN -> order > 0;
            case EQUALS -> order == 0;
            case NOT_EQUALS -> order != 0;
            default -> throw new IllegalArgumentException(operator.name().toLowerCase(Locale.ROOT) + " does not apply to numbers");
        };
        String shownExpected = switch (operator) {
            case LESS_THAN -> "< " + expected + unit;
            case GREATER_THAN -> "> " + expected + unit;
            default -> expected + unit;
        };
        return result(description, passed, shownExpected, actual.toPlainString() + unit);
    }

    private static CheckResult json(String description, Operator operator, String expected, String path,
                                    ResponseJson json) {
        JsonPath jsonPath = JsonPath.compile(path);
        JsonNode body = json.body();
        if (body == null) {
            return CheckResult.fail(description, expectedShown(operator, expected), json.problem());
        }
        List<JsonNode> nodes = jsonPath.select(body);
        JsonNode value = jsonPath.isMulti() ? JsonNodeFactory.instance.arrayNode().addAll(nodes)
                : nodes.isEmpty() ? null : nodes.get(0);
        boolean found = jsonPath.isMulti() ? !nodes.isEmpty() : value != null;
        String actual = value == null ? MISSING : value.toString();
        boolean passed = switch (operator) {
            case EXISTS -> found;
            case NOT_EXISTS -> !found;
            case EQUALS -> value != null && sameJson(value, expected);
            case NOT_EQUALS -> value == null || !sameJson(value, expected);
            case CONTAINS -> value != null && contains(value, expected);
            case MATCHES -> value != null && pattern(expected).matcher(value.isValueNode() ? value.asText() : value.toString()).find();
            case TYPE -> value != null && typeOf(value).equals(expected == null ? "" : expected.strip().toLowerCase(Locale.ROOT))
                    || value != null && "integer".equalsIgnoreCase(expected) && value.isIntegralNumber();
            case LESS_THAN, GREATER_THAN -> value != null && value.isNumber()
                    && number(description, operator, expected, value.decimalValue(), "").passed();
        };
        if (operator == Operator.TYPE) {
            actual = value == null ? MISSING : typeOf(value);
        }
        return result(description, passed, expectedShown(operator, expected), actual);
    }

    /** A JSON value equals an expected text written as JSON ({@code 42}, {@code true}, {@code "a"}) or plainly ({@code a}). */
    static boolean sameJson(JsonNode value, String expected) {
        if (expected == null) {
            return value.isNull();
        }
        JsonNode parsed = parseOrNull(expected);
        if (parsed != null && value.isNumber() && parsed.isNumber()) {
            return value.decimalValue().compareTo(parsed.decimalValue()) == 0;
        }
        if (parsed != null && parsed.equals(value)) {
            return true;
        }
        return value.isTextual() && value.asText().equals(expected);
    }

    private static boolean contains(JsonNode value, String expected) {
        if (value.isArray()) {
            for (JsonNode item : value) {
                if (sameJson(item, expected)) {
                    return true;
                }
            }
            return false;
        }
        if (value.isObject()) {
            return value.has(expected);
        }
        return expected != null && value.asText().contains(expected);
    }

    static String typeOf(JsonNode value) {
        return switch (value.getNodeType()) {
            case STRING -> "string";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            case OBJECT, POJO -> "object";
            case ARRAY -> "array";
            case NULL, MISSING -> "null";
            case BINARY -> "string";
        };
    }

    private static JsonNode parseOrNull(String text) {
        try {
            return JsonFiles.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static BigDecimal decimal(String text) {
        try {
            return new BigDecimal(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a number");
        }
    }

    private static Pattern pattern(String regex) {
        try {
            return Pattern.compile(regex == null ? "" : regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("invalid regular expression: " + e.getDescription());
        }
    }

    private static String expectedShown(Operator operator, String expected) {
        return switch (operator) {
            case EXISTS -> "present";
            case NOT_EXISTS -> MISSING;
            case NOT_EQUALS -> "not " + expected;
            case CONTAINS -> "containing " + expected;
            case MATCHES -> "matching /" + expected + "/";
            case LESS_THAN -> "< " + expected;
            case GREATER_THAN -> "> " + expected;
            default -> expected;
        };
    }

    private static String quote(String text) {
        String shown = text.length() > 200 ? text.substring(0, 200) + "…" : text;
        return "\"" + shown + "\"";
    }

    private static CheckResult result(String description, boolean passed, String expected, String actual) {
        return new CheckResult(description, passed, expected, actual);
    }
}
