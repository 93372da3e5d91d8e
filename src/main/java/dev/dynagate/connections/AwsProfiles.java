package dev.dynagate.connections;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Discovers AWS profiles the way the AWS CLI and SDKs do: the config file ({@code AWS_CONFIG_FILE}, default
 * {@code ~/.aws/config}) with {@code [default]}, {@code [profile NAME]} and {@code [sso-session NAME]} sections, and
 * the credentials file ({@code AWS_SHARED_CREDENTIALS_FILE}, default {@code ~/.aws/credentials}) with {@code [NAME]}.
 */
public final class AwsProfiles {
    private AwsProfiles() {
    }

    /**
     * What was found, plus the environment's choices and anything that was skipped.
     *
     * @param environmentKeys the keys in AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or null when they are not set
     */
    public record Discovery(List<AwsProfile> profiles, String defaultProfile, String defaultRegion,
                            Path configFile, Path credentialsFile, List<String> problems,
                            EnvironmentKeys environmentKeys) {

        public AwsProfile profile(String name) {
            return profiles.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
        }

        /** The region a connection without a profile of its own starts with: the environment's, else the default
         * profile's, else none. */
        public String regionWithoutProfile() {
            if (defaultRegion != null) {
                return defaultRegion;
            }
            AwsProfile fallback = profile(defaultProfile);
            return fallback == null ? null : fallback.region();
        }
    }

    public static Discovery discover(Map<String, String> env, Path home) {
        Path config = pathFrom(env.get("AWS_CONFIG_FILE"), home.resolve(".aws").resolve("config"));
        Path credentials = pathFrom(env.get("AWS_SHARED_CREDENTIALS_FILE"), home.resolve(".aws").resolve("credentials"));
        List<String> problems = new ArrayList<>();
        IniFile configIni = read(config, problems);
        IniFile credentialsIni = read(credentials, problems);
        List<AwsProfile> profiles = merge(configIni, credentialsIni, config, credentials, problems);
        String defaultProfile = firstNonBlank(env.get("AWS_PROFILE"), env.get("AWS_DEFAULT_PROFILE"), "default");
        String region = firstNonBlank(env.get("AWS_REGION"), env.get("AWS_DEFAULT_REGION"), null);
        return new Discovery(profiles, defaultProfile, region, config, credentials, problems,
                EnvironmentKeys.from(env).orElse(null));
    }

    static List<AwsProfile> merge(IniFile config, IniFile credentials, Path configPath, Path credentialsPath,
                                  List<String> problems) {
        Map<String, Map<String, String>> settings = new LinkedHashMap<>();
        Map<String, List<String>> sources = new LinkedHashMap<>();
        Map<String, Map<String, String>> ssoSessions = new LinkedHashMap<>();
        for (var section : config.sections().entrySet()) {
            String header = section.getKey();
            if (header.equals("default") || header.startsWith("profile ")) {
                String name = header.equals("default") ? "default" : header.substring("profile ".length()).strip();
                settings.computeIfAbsent(name, k -> new LinkedHashMap<>()).putAll(section.getValue());
                sources.computeIfAbsent(name, k -> new ArrayList<>()).add(configPath.toString());
            } else if (header.startsWith("sso-session ")) {
                ssoSessions.put(header.substring("sso-session ".length()).strip(), section.getValue());
            } else if (!header.startsWith("services ") && !header.startsWith("plugins")) {
                problems.add(configPath + ": section [" + header + "] ignored (the config file names profiles "
                        + "[profile " + header + "])");
            }
        }
        for (var section : credentials.sections().entrySet()) {
            String name = section.getKey();
            Map<String, String> target = settings.computeIfAbsent(name, k -> new LinkedHashMap<>());
            section.getValue().forEach(target::putIfAbsent);
            section.getValue().forEach((k, v) -> {
                if (k.startsWith("aws_")) {
                    target.put(k, v); // the credentials file wins for keys, as in the SDKs
                }
            });
            sources.computeIfAbsent(name, k -> new ArrayList<>()).add(credentialsPath.toString());
        }
        List<AwsProfile> profiles = new ArrayList<>();
        settings.forEach((name, values) -> {
            Map<String, String> visible = withoutSecrets(values);
            String session = values.get("sso_session");
            if (session != null) {
                Map<String, String> sessionValues = ssoSessions.get(session);
                if (sessionValues == null) {
                    problems.add("profile " + name + " refers to [sso-session " + session + "], which is not defined");
                } else {
                    sessionValues.forEach((k, v) -> visible.putIfAbsent(k, v));
                }
            }
            profiles.add(new AwsProfile(name, classify(values), values.get("region"), visible,
                    List.copyOf(sources.get(name))));
        });
        profiles.sort((a, b) -> a.name().equals("default") ? -1 : b.name().equals("default") ? 1
                : a.name().compareToIgnoreCase(b.name()));
        return profiles;
    }

    static AwsProfile.Kind classify(Map<String, String> values) {
        if (values.containsKey("role_arn") && (values.containsKey("source_profile")
                || values.containsKey("credential_source"))) {
            return AwsProfile.Kind.ASSUME_ROLE;
        }
        if (values.containsKey("role_arn") && values.containsKey("web_identity_token_file")) {
            return AwsProfile.Kind.WEB_IDENTITY;
        }
        if (values.containsKey("sso_session") || values.containsKey("sso_start_url")) {
            return AwsProfile.Kind.SSO;
        }
        if (values.containsKey("credential_process")) {
            return AwsProfile.Kind.CREDENTIAL_PROCESS;
        }
        if (values.containsKey("aws_access_key_id")) {
            return AwsProfile.Kind.STATIC_KEYS;
        }
        return AwsProfile.Kind.INCOMPLETE;
    }

    private static Map<String, String> withoutSecrets(Map<String, String> values) {
        Map<String, String> visible = new LinkedHashMap<>(values);
        visible.remove("aws_secret_access_key");
        visible.remove("aws_session_token");
        visible.remove("aws_security_token");
        return visible;
    }

    private static IniFile read(Path file, List<String> problems) {
        if (!Files.isRegularFile(file)) {
            return IniFile.parse("", file.toString());
        }
        try {
            IniFile ini = IniFile.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
            problems.addAll(ini.problems());
            return ini;
        } catch (IOException | java.io.UncheckedIOException e) {
            problems.add(file + " could not be read (" + e.getMessage() + "); its profiles are not listed");
            return IniFile.parse("", file.toString());
        }
    }

    private static Path pathFrom(String value, Path fallback) {
        return value == null || value.isBlank() ? fallback : Path.of(value.strip());
    }

    private static String firstNonBlank(String a, String b, String fallback) {
        if (a != null && !a.isBlank()) {
            return a.strip();
        }
        if (b != null && !b.isBlank()) {
            return b.strip();
        }
        return fallback;
    }
}
