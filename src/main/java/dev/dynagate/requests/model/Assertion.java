package dev.dynagate.requests.model;

/**
 * A declarative check on a response, saved with the request.
 *
 * @param target   what is checked: STATUS, HEADER (name in {@code path}), JSON_PATH (expression in {@code path}),
 *                 BODY, RESPONSE_TIME (milliseconds)
 * @param operator EQUALS, NOT_EQUALS, CONTAINS, EXISTS, NOT_EXISTS, MATCHES (regex), TYPE (string, number,
 *                 boolean, object, array, null), LESS_THAN, GREATER_THAN
 * @param expected the expected value as text (may contain {@code {{variables}}}); unused for EXISTS/NOT_EXISTS
 */
public record Assertion(Target target, String path, Operator operator, String expected, boolean enabled) {

    public enum Target { STATUS, HEADER, JSON_PATH, BODY, RESPONSE_TIME }

    public enum Operator { EQUALS, NOT_EQUALS, CONTAINS, EXISTS, NOT_EXISTS, MATCHES, TYPE, LESS_THAN, GREATER_THAN }
}
