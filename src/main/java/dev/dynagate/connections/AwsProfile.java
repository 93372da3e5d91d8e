package dev.dynagate.connections;

import java.util.List;
import java.util.Map;

/**
 * One profile from the AWS shared config and credentials files, classified by how it obtains credentials.
 * Only names and settings are kept; secret values are never copied out of the files.
 */
public record AwsProfile(String name, Kind kind, String region, Map<String, String> settings, List<String> sources) {

    public enum Kind {
        STATIC_KEYS("access keys"),
        SSO("IAM Identity Center (SSO)"),
        ASSUME_ROLE("assume role"),
        WEB_IDENTITY("web identity"),
        CREDENTIAL_PROCESS("credential process"),
        INCOMPLETE("no credentials");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public String setting(String key) {
        return settings.get(key);
    }

    /** A short, secret-free description such as {@code SSO · 123456789012 / ReadOnly}. */
    public String summary() {
        return switch (kind) {
            case SSO -> kind.label() + describe(" · ", setting("sso_account_id"), " / ", setting("sso_role_name"));
            case ASSUME_ROLE -> kind.label() + describe(" · ", setting("role_arn"), " via ",
                    setting("source_profile") != null ? setting("source_profile") : setting("credential_source"));
            default -> kind.label();
        };
    }

    private static String describe(String lead, String first, String middle, String second) {
        if (first == null && second == null) {
            return "";
        }
        return lead + (first == null ? "?" : first) + (second == null ? "" : middle + second);
    }
}
