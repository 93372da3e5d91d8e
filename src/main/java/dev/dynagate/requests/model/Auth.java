package dev.dynagate.requests.model;

/**
 * How a request authenticates. {@link Inherit} takes the folder's or collection's auth (Postman and Bruno
 * semantics: absent means inherit). Values may contain {@code {{variables}}}. SigV4 credentials are never stored
 * here: they come from an AWS profile or the active connection through the SDK's credential chain.
 */
public sealed interface Auth {

    record None() implements Auth {
    }

    record Inherit() implements Auth {
    }

    /** An API key sent as a header (for example {@code x-api-key}) or a query parameter. */
    record ApiKey(String name, String value, Placement placement) implements Auth {
        public enum Placement { HEADER, QUERY }
    }

    record Bearer(String token) implements Auth {
    }

    record Basic(String username, String password) implements Auth {
    }

    /**
     * AWS Signature Version 4. {@code profile} null means the active connection's credentials; {@code region} null
     * means the region in the URL or the connection's; {@code service} defaults to {@code execute-api}.
     */
    record SigV4(String service, String region, String profile) implements Auth {
    }

    Auth NONE = new None();
    Auth INHERIT = new Inherit();
}
