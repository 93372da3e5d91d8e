package dev.dynagate.sandbox.apigateway;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Matches a request path against an API Gateway path template ({@code /items/{id}}, {@code /files/{proxy+}}) and
 * ranks matches the way API Gateway picks the most specific one: literal segments beat {@code {param}} segments,
 * which beat a greedy {@code {name+}} tail.
 */
final class PathTemplate {
    static final int LITERAL = 0;
    static final int PARAMETER = 1;
    static final int GREEDY = 2;

    /** The result of a match: decoded path parameters and one rank per template segment (lower is more specific). */
    record Match(Map<String, String> parameters, List<Integer> ranks) implements Comparable<Match> {
        @Override
        public int compareTo(Match other) {
            for (int i = 0; i < Math.min(ranks.size(), other.ranks.size()); i++) {
                int c = Integer.compare(ranks.get(i), other.ranks.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(other.ranks.size(), ranks.size());
        }
    }

    private PathTemplate() {
    }

    static List<String> segments(String path) {
        List<String> segments = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                segments.add(s);
            }
        }
        return segments;
    }

    /** Matches a raw (percent-encoded) request path; null when it does not match. */
    static Match match(String template, String rawPath) {
        List<String> pattern = segments(template);
        List<String> actual = segments(rawPath);
        Map<String, String> parameters = new LinkedHashMap<>();
        List<Integer> ranks = new ArrayList<>();
        for (int i = 0; i < pattern.size(); i++) {
            String part = pattern.get(i);
            if (part.startsWith("{") && part.endsWith("+}")) {
                if (i != pattern.size() - 1 || actual.size() <= i) {
                    return null;
                }
                String rest = String.join("/", actual.subList(i, actual.size()));
                parameters.put(part.substring(1, part.length() - 2), InboundRequest.decode(rest));
                ranks.add(GREEDY);
                return new Match(parameters, ranks);
            }
            if (i >= actual.size()) {
                return null;
            }
            if (part.startsWith("{") && part.endsWith("}")) {
                parameters.put(part.substring(1, part.length() - 1), InboundRequest.decode(actual.get(i)));
                ranks.add(PARAMETER);
            } else if (part.equals(InboundRequest.decode(actual.get(i)))) {
                ranks.add(LITERAL);
            } else {
                return null;
            }
        }
        return pattern.size() == actual.size() ? new Match(parameters, ranks) : null;
    }
}
