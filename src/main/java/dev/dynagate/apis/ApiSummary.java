package dev.dynagate.apis;

/**
 * One API of a connection.
 *
 * @param endpoint the API's own endpoint as AWS reports it (v2 {@code ApiEndpoint}), or null (REST APIs)
 */
public record ApiSummary(String id, String name, ApiKind kind, String endpoint, String description) {

    public String label() {
        return (name == null || name.isBlank() ? id : name) + " · " + kind.label();
    }
}
