package dev.dynagate.requests.model;

import java.util.List;

/**
 * A request as the user wrote it: everything a collection file stores, before {@code {{variables}}} are resolved.
 * The URL carries the query string; {@code query} mirrors it for editing (the request panel keeps them in sync).
 */
public record RequestSpec(String name, String method, String url, List<KeyValue> headers, Body body, Auth auth,
                          List<Assertion> assertions, List<Capture> captures, String description) {

    public RequestSpec {
        headers = headers == null ? List.of() : List.copyOf(headers);
        body = body == null ? Body.NONE : body;
        auth = auth == null ? Auth.INHERIT : auth;
        assertions = assertions == null ? List.of() : List.copyOf(assertions);
        captures = captures == null ? List.of() : List.copyOf(captures);
    }

    public static RequestSpec of(String method, String url) {
        return new RequestSpec(null, method, url, List.of(), Body.NONE, Auth.NONE, List.of(), List.of(), null);
    }

    public RequestSpec withName(String value) {
        return new RequestSpec(value, method, url, headers, body, auth, assertions, captures, description);
    }

    public RequestSpec withUrl(String value) {
        return new RequestSpec(name, method, value, headers, body, auth, assertions, captures, description);
    }

    public RequestSpec withMethod(String value) {
        return new RequestSpec(name, value, url, headers, body, auth, assertions, captures, description);
    }

    public RequestSpec withHeaders(List<KeyValue> value) {
        return new RequestSpec(name, method, url, value, body, auth, assertions, captures, description);
    }

    public RequestSpec withBody(Body value) {
        return new RequestSpec(name, method, url, headers, value, auth, assertions, captures, description);
    }

    public RequestSpec withAuth(Auth value) {
        return new RequestSpec(name, method, url, headers, body, value, assertions, captures, description);
    }

    public RequestSpec withAssertions(List<Assertion> value) {
        return new RequestSpec(name, method, url, headers, body, auth, value, captures, description);
    }

    public RequestSpec withCaptures(List<Capture> value) {
        return new RequestSpec(name, method, url, headers, body, auth, assertions, value, description);
    }
}
