package dev.dynagate.apis;

import java.util.List;

/**
 * An authorizer: REST TOKEN/REQUEST (Lambda) or COGNITO_USER_POOLS; HTTP API JWT or REQUEST (Lambda).
 *
 * @param target   the Lambda authorizer's function, or the JWT issuer, or the user pool ARNs
 * @param audience JWT audiences (HTTP APIs), empty otherwise
 */
public record Authorizer(String id, String name, String type, String identitySource, String target,
                         List<String> audience) {

    public Authorizer {
        audience = audience == null ? List.of() : List.copyOf(audience);
    }

    /** Whether a caller sends a bearer token (JWT or Cognito) rather than something a Lambda reads. */
    public boolean takesBearerToken() {
        return "JWT".equals(type) || "COGNITO_USER_POOLS".equals(type);
    }
}
