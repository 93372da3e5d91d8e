package dev.dynagate.requests;

import dev.dynagate.requests.model.Auth;
import dev.dynagate.requests.model.Body;
import dev.dynagate.requests.model.KeyValue;
import dev.dynagate.requests.model.RequestSpec;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code {{name}}} in a request's URL, headers, body and auth with values, Postman-style. Dynamic
 * variables start with {@code $}: {@code {{$guid}}}, {@code {{$timestamp}}} (epoch seconds),
 * {@code {{$isoTimestamp}}}, {@code {{$randomInt}}} (0–1000). A name with no value is an error naming it — a
 * literal "{{token}}" sent to a server helps nobody.
 */
public final class Variables {
    private static final Pattern REFERENCE = Pattern.compile("\\{\\{\\s*([^{}]+?)\\s*}}");

    private final Map<String, String> values;
    private final Clock clock;
    private final Random random;

    public Variables(Map<String, String> values, Clock clock, Random random) {
        this.values = Map.copyOf(withoutNulls(values));
        this.clock = clock;
        this.random = random;
    }

    public static Variables of(Map<String, String> values) {
        return new Variables(values, Clock.systemUTC(), new Random());
    }

    public static Variables none() {
        return of(Map.of());
    }

    /** Every name referenced in the text, in order of appearance (dynamic ones included). */
    public static List<String> referencedIn(String text) {
        if (text == null) {
            return List.of();
        }
        return REFERENCE.matcher(text).results().map(m -> m.group(1)).distinct().toList();
    }

    public RequestSpec resolve(RequestSpec spec) {
        return spec.withUrl(resolve(spec.url(), "URL"))
                .withHeaders(resolve(spec.headers(), "header"))
                .withBody(resolve(spec.body()))
                .withAuth(resolve(spec.auth()));
    }

    /** Replaces every reference in {@code text}; {@code where} names the place in the error message. */
    public String resolve(String text, String where) {
        if (text == null || !text.contains("{{")) {
            return text;
        }
        Matcher matcher = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(valueOf(matcher.group(1), where)));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private String valueOf(String name, String where) {
        if (name.startsWith("$")) {
            return dynamic(name, where);
        }
        String value = values.get(name);
        if (value == null) {
            throw new UnresolvedVariableException(name, where);
        }
        return value;
    }

    private String dynamic(String name, String where) {
        return switch (name) {
            case "$guid", "$randomUUID" -> UUID.randomUUID().toString();
            case "$timestamp" -> String.valueOf(clock.instant().getEpochSecond());
            case "$isoTimestamp" -> DateTimeFormatter.ISO_INSTANT.format(clock.instant());
            case "$randomInt" -> String.valueOf(random.nextInt(1001));
            default -> throw new UnresolvedVariableException(name, where);
        };
    }

    private List<KeyValue> resolve(List<KeyValue> pairs, String kind) {
        return pairs.stream().map(p -> !p.enabled() ? p : new KeyValue(resolve(p.key(), kind + " name"),
                resolve(p.value(), kind + " " + p.key()), true)).toList();
    }

    private Body resolve(Body body) {
        return new Body(body.mode(), resolve(body.text(), "body"), resolve(body.fields(), "form field"),
                resolve(body.file(), "body file"));
    }

    private Auth resolve(Auth auth) {
        Function<String, String> in = text -> resolve(text, "auth");
        if (auth instanceof Auth.ApiKey key) {
            return new Auth.ApiKey(in.apply(key.name()), in.apply(key.value()), key.placement());
        }
        if (auth instanceof Auth.Bearer bearer) {
            return new Auth.Bearer(in.apply(bearer.token()));
        }
        if (auth instanceof Auth.Basic basic) {
            return new Auth.Basic(in.apply(basic.username()), in.apply(basic.password()));
        }
        if (auth instanceof Auth.SigV4 sigV4) {
            return new Auth.SigV4(in.apply(sigV4.service()), in.apply(sigV4.region()), in.apply(sigV4.profile()));
        }
        return auth;
    }

    private static Map<String, String> withoutNulls(Map<String, String> values) {
        Map<String, String> copy = new HashMap<>();
        values.forEach((k, v) -> {
            if (k != null && v != null) {
                copy.put(k, v);
            }
        });
        return copy;
    }
}
