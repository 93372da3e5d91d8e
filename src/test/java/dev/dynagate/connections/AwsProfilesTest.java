package dev.dynagate.connections;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AwsProfilesTest {
    @TempDir
    Path home;

    private static final String CONFIG = """
            # company config, written by hand over the years
            [default]
            region = eu-west-1
            output = json

            [sso-session acme]
            sso_start_url = https://acme.example/start
            sso_region = eu-central-1
            sso_registration_scopes = sso:account:access

            [profile dev-sso]
            sso_session = acme
            sso_account_id = 111122223333
            sso_role_name = Developer
            region = eu-west-1

            [profile legacy-sso]
            sso_start_url = https://acme.example/start
            sso_region = eu-central-1
            sso_account_id = 111122223333
            sso_role_name = ReadOnly

            [profile   prod-admin  ]
            role_arn = arn:aws:iam::444455556666:role/Admin   # assumed from the base keys
            source_profile = base
            mfa_serial = arn:aws:iam::111122223333:mfa/alice
            region=us-east-1

            ; a process that prints credentials
            [profile vault]
            credential_process = /usr/local/bin/vault-creds --account dev ; not a comment without a space?
            s3 =
              addressing_style = path
              max_concurrent_requests = 20

            [profile ci]
            role_arn = arn:aws:iam::111122223333:role/ci
            web_identity_token_file = /var/run/token

            [orphan]
            region = us-west-2
            """;

    private static final String CREDENTIALS = """
            [base]
            aws_access_key_id = AKIAEXAMPLEBASE
            aws_secret_access_key = secret-base

            [default]
            aws_access_key_id=AKIAEXAMPLEDEFAULT
            aws_secret_access_key=secret-default
            aws_session_token = token-default
            """;

    private AwsProfiles.Discovery discover(Map<String, String> env) throws Exception {
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/config"), CONFIG);
        Files.writeString(home.resolve(".aws/credentials"), CREDENTIALS);
        return AwsProfiles.discover(env, home);
    }

    @Test
    void classifiesEveryKindOfProfile() throws Exception {
        AwsProfiles.Discovery found = discover(Map.of());

        assertThat(found.profiles()).extracting(AwsProfile::name)
                .containsExactly("default", "base", "ci", "dev-sso", "legacy-sso", "prod-admin", "vault");
        assertThat(found.profile("default").kind()).isEqualTo(AwsProfile.Kind.STATIC_KEYS);
        assertThat(found.profile("default").region()).isEqualTo("eu-west-1");
        assertThat(found.profile("base").kind()).isEqualTo(AwsProfile.Kind.STATIC_KEYS);
        assertThat(found.profile("dev-sso").kind()).isEqualTo(AwsProfile.Kind.SSO);
        assertThat(found.profile("legacy-sso").kind()).isEqualTo(AwsProfile.Kind.SSO);
        assertThat(found.profile("prod-admin").kind()).isEqualTo(AwsProfile.Kind.ASSUME_ROLE);
        assertThat(found.profile("vault").kind()).isEqualTo(AwsProfile.Kind.CREDENTIAL_PROCESS);
        assertThat(found.profile("ci").kind()).isEqualTo(AwsProfile.Kind.WEB_IDENTITY);
    }

    @Test
    void resolvesSsoSessionsAndKeepsNoSecrets() throws Exception {
        AwsProfiles.Discovery found = discover(Map.of());

        AwsProfile sso = found.profile("dev-sso");
        assertThat(sso.setting("sso_start_url")).isEqualTo("https://acme.example/start");
        assertThat(sso.setting("sso_region")).isEqualTo("eu-central-1");
        assertThat(sso.summary()).isEqualTo("IAM Identity Center (SSO) · 111122223333 / Developer");
        AwsProfile keys = found.profile("default");
        assertThat(keys.settings()).containsEntry("aws_access_key_id", "AKIAEXAMPLEDEFAULT")
                .doesNotContainKeys("aws_secret_access_key", "aws_session_token");
    }

    @Test
    void handlesOddWhitespaceCommentsAndSubProperties() throws Exception {
        AwsProfiles.Discovery found = discover(Map.of());

        AwsProfile role = found.profile("prod-admin");
        assertThat(role.setting("role_arn")).isEqualTo("arn:aws:iam::444455556666:role/Admin");
        assertThat(role.region()).isEqualTo("us-east-1");
        assertThat(role.summary()).isEqualTo("assume role · arn:aws:iam::444455556666:role/Admin via base");
        AwsProfile vault = found.profile("vault");
        assertThat(vault.setting("credential_process")).isEqualTo("/usr/local/bin/vault-creds --account dev");
        assertThat(vault.setting("s3.addressing_style")).isEqualTo("path");
        assertThat(vault.setting("s3.max_concurrent_requests")).isEqualTo("20");
    }

    @Test
    void reportsSectionsTheConfigFileDoesNotUse() throws Exception {
        AwsProfiles.Discovery found = discover(Map.of());

        assertThat(found.profile("orphan")).isNull();
        assertThat(found.problems()).anySatisfy(p -> assertThat(p).contains("[orphan]").contains("[profile orphan]"));
    }

    @Test
    void honoursTheEnvironment() throws Exception {
        Path elsewhere = Files.createDirectories(home.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("cfg"), "[profile only-here]\nregion = ap-southeast-2\ncredential_process = x\n");
        Files.writeString(elsewhere.resolve("creds"), "[keys-here]\naws_access_key_id = A\naws_secret_access_key = B\n");

        AwsProfiles.Discovery found = AwsProfiles.discover(Map.of(
                "AWS_CONFIG_FILE", elsewhere.resolve("cfg").toString(),
                "AWS_SHARED_CREDENTIALS_FILE", elsewhere.resolve("creds").toString(),
                "AWS_PROFILE", "only-here",
                "AWS_REGION", "ca-central-1"), home);

        assertThat(found.profiles()).extracting(AwsProfile::name).containsExactly("keys-here", "only-here");
        assertThat(found.defaultProfile()).isEqualTo("only-here");
        assertThat(found.defaultRegion()).isEqualTo("ca-central-1");
        assertThat(found.configFile()).isEqualTo(elsewhere.resolve("cfg"));
    }

    @Test
    void missingFilesGiveNoProfilesAndNoProblems() {
        AwsProfiles.Discovery found = AwsProfiles.discover(Map.of(), home);

        assertThat(found.profiles()).isEmpty();
        assertThat(found.problems()).isEmpty();
        assertThat(found.defaultProfile()).isEqualTo("default");
    }

    @Test
    void undefinedSsoSessionIsReported() throws Exception {
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/config"), "[profile broken]\nsso_session = nowhere\nsso_account_id = 1\n");

        AwsProfiles.Discovery found = AwsProfiles.discover(Map.of(), home);

        assertThat(found.profile("broken").kind()).isEqualTo(AwsProfile.Kind.SSO);
        assertThat(found.problems()).containsExactly(
                "profile broken refers to [sso-session nowhere], which is not defined");
    }

    @Test
    void brokenLinesAreSkippedAndReported() {
        IniFile ini = IniFile.parse("""
                region = orphan
                [profile x
                [profile ok]
                this line has no equals sign
                region = us-west-1
                """, "cfg");

        assertThat(ini.sections()).containsOnlyKeys("profile ok");
        assertThat(ini.sections().get("profile ok")).containsEntry("region", "us-west-1");
        assertThat(ini.problems()).hasSize(3);
    }
}
