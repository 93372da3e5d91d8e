package dev.dynagate.requests.collections;

import dev.dynagate.requests.model.Assertion;
import dev.dynagate.requests.model.Assertion.Operator;
import dev.dynagate.requests.model.Assertion.Target;
import dev.dynagate.requests.model.Capture;
import java.util.Locale;
import java.util.Optional;

/**
 * Bruno's declarative checks and post-response variables in our terms: {@code res.status: eq 200},
 * {@code res.body.id: isDefined}, {@code res.headers.content-type: contains json}, {@code res.responseTime: lt 500};
 * {@code id: res.body.id}. What has no equivalent is empty, for the import notes.
 */
final class BrunoAssertions {
    private BrunoAssertions() {
    }

    static Optional<Assertion> assertion(String subject, String check, boolean enabled) {
        String lhs = subject.strip();
        String rhs = check == null ? "" : check.strip();
        int space = rhs.indexOf(' ');
        String op = space < 0 ? rhs : rhs.substring(0, space);
        String value = space < 0 ? null : unquoteForText(rhs.substring(space + 1).strip());
        Target target;
        String path = null;
        if (lhs.equals("res.status")) {
            target = Target.STATUS;
        } else if (lhs.equals("res.responseTime")) {
            target = Target.RESPONSE_TIME;
        } else if (lhs.startsWith("res.headers.") || lhs.startsWith("res.headers[")) {
            target = Target.HEADER;
            path = lhs.substring("res.headers".length()).replaceAll("^\\.|^\\[['\"]|['\"]]$", "");
        } else if (lhs.equals("res.body")) {
            target = Target.BODY;
        } else if (lhs.startsWith("res.body")) {
            target = Target.JSON_PATH;
            path = "$" + lhs.substring("res.body".length());
            value = space < 0 ? null : rhs.substring(space + 1).strip();
        } else {
            return Optional.empty();
        }
        Operator operator;
        switch (op) {
            case "eq" -> operator = Operator.EQUALS;
            case "neq" -> operator = Operator.NOT_EQUALS;
            case "gt" -> operator = Operator.GREATER_THAN;
            case "lt" -> operator = Operator.LESS_THAN;
            case "contains" -> operator = Operator.CONTAINS;
            case "matches" -> operator = Operator.MATCHES;
            case "isDefined" -> operator = Operator.EXISTS;
            case "isUndefined" -> operator = Operator.NOT_EXISTS;
            case "isNumber", "isString", "isBoolean", "isArray", "isNull" -> {
                operator = Operator.TYPE;
                value = op.substring(2).toLowerCase(Locale.ROOT);
            }
            default -> {
                return Optional.empty();
            }
        }
        if (target == Target.BODY && operator == Operator.EXISTS) {
            return Optional.empty();
        }
        if (operator == Operator.TYPE && target != Target.JSON_PATH) {
            return Optional.empty();
        }
        if (target == Target.JSON_PATH && operator == Operator.MATCHES) {
            value = unquoteForText(value);
        }
        return Optional.of(new Assertion(target, path, operator, value, enabled));
    }

    /** {@code res.body.id} → a JSONPath capture, {@code res.headers.location} → a header capture. */
    static Optional<Capture> capture(String variable, String expression) {
        String text = expression == null ? "" : expression.strip();
        if (text.startsWith("res.body")) {
            return Optional.of(new Capture(variable, Capture.Source.JSON_PATH, "$" + text.substring("res.body".length())));
        }
        if (text.startsWith("res.headers.")) {
            return Optional.of(new Capture(variable, Capture.Source.HEADER, text.substring("res.headers.".length())));
        }
        java.util.regex.Matcher call = java.util.regex.Pattern.compile("^res\\(['\"](.+)['\"]\\)$").matcher(text);
        if (call.matches()) {
            return Optional.of(new Capture(variable, Capture.Source.JSON_PATH, "$." + call.group(1)));
        }
        return Optional.empty();
    }

    private static String unquoteForText(String value) {
        if (value != null && value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
