package dev.dynagate.requests.collections;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.dynagate.requests.model.Assertion;
import dev.dynagate.requests.model.Assertion.Operator;
import dev.dynagate.requests.model.Capture;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Assertions and captures as Postman test scripts, both ways. Each exported check is a marker comment holding the
 * check as our JSON, then one line of {@code pm.*} JavaScript doing it, so Postman and newman run the same checks
 * and importing the file back gives the exact assertions. From other scripts only plain one-liners are recognised
 * ({@code pm.response.to.have.status(200)}); the rest is left for the import notes.
 */
final class PostmanScripts {
    static final String MARKER = "// dynagate ";
    private static final Pattern STATUS = Pattern.compile(
            "^\\s*(?:pm\\.test\\([^,]+,\\s*(?:function\\s*\\(\\)|\\(\\)\\s*=>)\\s*\\{\\s*)?pm\\.response\\.to\\.have\\.status\\((\\d{3})\\);?\\s*(?:}\\s*\\);?)?\\s*$");
    private static final Pattern SET_FROM_JSON = Pattern.compile(
            "^\\s*pm\\.(?:environment|collectionVariables|variables|globals)\\.set\\(\\s*[\"']([^\"']+)[\"']\\s*,\\s*"
                    + "pm\\.response\\.json\\(\\)((?:\\.[A-Za-z_$][A-Za-z0-9_$]*|\\[\\d+]|\\[\"[^\"]*\"]|\\['[^']*'])*)\\s*\\);?\\s*$");
    private static final Pattern SET_FROM_HEADER = Pattern.compile(
            "^\\s*pm\\.(?:environment|collectionVariables|variables|globals)\\.set\\(\\s*[\"']([^\"']+)[\"']\\s*,\\s*"
                    + "pm\\.response\\.headers\\.get\\(\\s*[\"']([^\"']+)[\"']\\s*\\)\\s*\\);?\\s*$");
    private static final Pattern TEST_WRAPPER = Pattern.compile(
            "^\\s*(?:pm\\.test\\(.*(?:function\\s*\\(\\)|\\(\\)\\s*=>)\\s*\\{|}\\s*\\)\\s*;?)\\s*$");
    private static final Pattern SIMPLE_PATH = Pattern.compile("^\\$((?:\\.[A-Za-z_$][A-Za-z0-9_$]*|\\[-?\\d+]|\\['[^']*']|\\[\"[^\"]*\"])*)$");

    private PostmanScripts() {
    }

    /** Adds what it recognises to the lists; returns the lines it did not (blank lines dropped). */
    static List<String> recognise(List<String> lines, List<Assertion> assertions, List<Capture> captures) {
        List<String> left = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith(MARKER)) {
                JsonNode node = JsonFiles.MAPPER.createObjectNode();
                try {
                    node = JsonFiles.MAPPER.readTree(line.substring(MARKER.length()));
                } catch (java.io.IOException e) {
                    left.add(lines.get(i));
                    continue;
                }
                if (node.has("variable")) {
                    captures.addAll(SpecJson.readCaptures(JsonFiles.MAPPER.createArrayNode().add(node)));
                } else {
                    assertions.addAll(SpecJson.readAssertions(JsonFiles.MAPPER.createArrayNode().add(node)));
                }
                i++;
                continue;
            }
            Matcher status = STATUS.matcher(line);
            Matcher json = SET_FROM_JSON.matcher(line);
            Matcher header = SET_FROM_HEADER.matcher(line);
            if (status.matches()) {
                assertions.add(new Assertion(Assertion.Target.STATUS, null, Operator.EQUALS, status.group(1), true));
            } else if (json.matches()) {
                captures.add(new Capture(json.group(1), Capture.Source.JSON_PATH, "$" + json.group(2)));
            } else if (header.matches()) {
                captures.add(new Capture(header.group(1), Capture.Source.HEADER, header.group(2)));
            } else if (!line.isBlank()) {
                left.add(lines.get(i));
            }
        }
        // pm.test(...) { … }); wrappers do nothing themselves: only the lines inside them count as not run
        return left.stream().filter(l -> !TEST_WRAPPER.matcher(l).matches()).toList();
    }

    static List<String> write(List<Assertion> assertions, List<Capture> captures) {
        List<String> out = new ArrayList<>();
        for (Assertion assertion : assertions) {
            if (!assertion.enabled()) {
                continue;
            }
            out.add(MARKER + SpecJson.assertion(assertion));
            String description = AssertionEvaluator.describe(assertion.target(), assertion.path(), assertion.operator(),
                    assertion.expected());
            out.add("pm.test(" + new TextNode(description).toString() + ", function () { " + check(assertion) + "; });");
        }
        for (Capture capture : captures) {
            out.add(MARKER + SpecJson.capture(capture));
            String value = capture.source() == Capture.Source.HEADER ? "pm.response.headers.get(" + literal(capture.path()) + ")"
                    : accessor(capture.path());
            out.add("(function (v) { pm.environment.set(" + literal(capture.variable())
                    + ", typeof v === \"string\" ? v : JSON.stringify(v)); })(" + (value == null ? "undefined" : value) + ");");
        }
        return out;
    }

    private static String check(Assertion a) {
        String value = switch (a.target()) {
            case STATUS -> "pm.response.code";
            case HEADER -> "pm.response.headers.get(" + literal(a.path()) + ")";
            case BODY -> "pm.response.text()";
            case RESPONSE_TIME -> "pm.response.responseTime";
            case JSON_PATH -> accessor(a.path());
        };
        if (value == null) {
            return "/* " + a.path().replace("*/", "* /") + " is beyond what this export can write as JavaScript */";
        }
        boolean json = a.target() == Assertion.Target.JSON_PATH;
        String expected = json ? jsonLiteral(a.expected()) : a.target() == Assertion.Target.STATUS
                || a.target() == Assertion.Target.RESPONSE_TIME ? numberOr(a.expected()) : literal(a.expected());
        return switch (a.operator()) {
            case EQUALS -> "pm.expect(" + value + ").to.eql(" + expected + ")";
            case NOT_EQUALS -> "pm.expect(" + value + ").to.not.eql(" + expected + ")";
            case CONTAINS -> "pm.expect(" + value + ").to.include(" + expected + ")";
            case EXISTS -> "pm.expect(" + value + ").to.not.be.undefined";
            case NOT_EXISTS -> "pm.expect(" + value + ").to.be.undefined";
            case MATCHES -> "pm.expect(String(" + value + ")).to.match(new RegExp(" + literal(a.expected()) + "))";
            case TYPE -> "pm.expect(" + value + ").to.be.a(" + literal(a.expected()) + ")";
            case LESS_THAN -> "pm.expect(Number(" + value + ")).to.be.below(" + numberOr(a.expected()) + ")";
            case GREATER_THAN -> "pm.expect(Number(" + value + ")).to.be.above(" + numberOr(a.expected()) + ")";
        };
    }

    /** {@code $.a.b[0]} → {@code pm.response.json().a.b[0]}; null for paths JavaScript property access cannot say. */
    static String accessor(String path) {
        String normal = path == null ? "" : path.strip();
        if (!normal.startsWith("$")) {
            normal = "$." + normal;
        }
        Matcher matcher = SIMPLE_PATH.matcher(normal);
        if (!matcher.matches()) {
            return null;
        }
        String rest = matcher.group(1).replaceAll("\\['([^']*)']", "[\"$1\"]").replaceAll("\\[(-\\d+)]", ".at($1)");
        return "pm.response.json()" + rest;
    }

    private static String jsonLiteral(String expected) {
        if (expected == null) {
            return "null";
        }
        if (expected.contains("{{")) {
            return literal(expected);
        }
        try {
            JsonNode parsed = JsonFiles.MAPPER.readTree(expected);
            return parsed == null ? literal(expected) : parsed.toString();
        } catch (java.io.IOException e) {
            return literal(expected);
        }
    }

    private static String numberOr(String expected) {
        return expected != null && expected.strip().matches("-?\\d+(\\.\\d+)?") ? expected.strip() : literal(expected);
    }

    /** A JavaScript string; one with {{variables}} is resolved by Postman at run time. */
    static String literal(String text) {
        String quoted = new TextNode(text == null ? "" : text).toString();
        return text != null && text.contains("{{") ? "pm.variables.replaceIn(" + quoted + ")" : quoted;
    }
}
