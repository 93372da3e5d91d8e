package dev.dynagate.connections;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The fields of the connection dialog and their rules, kept apart from the dialog so they can be tested: a custom
 * endpoint needs a name and an http(s) URL; every connection needs a plausible region.
 */
public record ConnectionForm(Connection.Kind kind, String name, String endpoint, String region, String profile,
                             String accessKeyId, EnvironmentColour colour, boolean readOnly) {

    public static ConnectionForm of(Connection c) {
        return new ConnectionForm(c.kind(), c.name(), c.endpoint() == null ? "" : c.endpoint().toString(),
                c.region(), c.profile(), c.accessKeyId(), c.colour(), c.readOnly());
    }

    public static ConnectionForm newEndpoint() {
        return new ConnectionForm(Connection.Kind.ENDPOINT, "", "http://localhost:4566", "us-east-1", null, null,
                EnvironmentColour.BLUE, false);
    }

    /** Every problem with the form, worded for the person filling it in; empty when it can be saved. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (kind == Connection.Kind.ENDPOINT) {
            if (name == null || name.isBlank()) {
                problems.add("Give the connection a name.");
            }
            String url = endpoint == null ? "" : endpoint.strip();
            try {
                URI uri = new URI(url);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                    problems.add("The endpoint must be an http:// or https:// URL with a host, such as http://localhost:4566.");
                }
            } catch (URISyntaxException e) {
                problems.add("The endpoint is not a valid URL: " + e.getReason() + ".");
            }
        }
        if (region != null && !region.isBlank() && !Regions.looksValid(region.strip())) {
            problems.add("'" + region.strip() + "' is not a region code; use one such as us-east-1.");
        }
        if (kind == Connection.Kind.PROFILE && (region == null || region.isBlank())) {
            problems.add("Pick a region: the profile does not set one.");
        }
        return problems;
    }

    /** Applies the form to the connection being edited (or creates a new endpoint connection). */
    public Connection apply(Connection original) {
        String cleanRegion = region == null || region.isBlank() ? null : region.strip();
        Connection base = original != null ? original
                : Connection.endpoint(name.strip(), URI.create(endpoint.strip()), cleanRegion);
        if (kind == Connection.Kind.ENDPOINT) {
            base = new Connection(base.id(), name.strip(), kind, blankToNull(profile), cleanRegion,
                    URI.create(endpoint.strip()), blankToNull(accessKeyId), colour, readOnly);
            return base;
        }
        return base.withRegion(cleanRegion).withColour(colour).withReadOnly(readOnly);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
