package dev.dynagate.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynagate.connections.AwsProfiles;
import dev.dynagate.connections.Connection;
import dev.dynagate.connections.SessionSecrets;
import dev.dynagate.requests.Exchange;
import dev.dynagate.requests.HttpRequestSender;
import dev.dynagate.requests.SigningDetails;
import dev.dynagate.requests.model.Auth;
import dev.dynagate.requests.model.Body;
import dev.dynagate.requests.model.KeyValue;
import dev.dynagate.requests.model.RequestFailure;
import dev.dynagate.requests.model.RequestSpec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

class SdkSigV4SignerTest {
    private static final AwsBasicCredentials KEYS = AwsBasicCredentials.create("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG");
    private static final AwsSessionCredentials SESSION = AwsSessionCredentials.create("ASIATEMP", "temp-secret", "token-123");
    private static final Auth.SigV4 EXECUTE_API = new Auth.SigV4(null, "eu-west-1", null);

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private SigV4VerifyingServer server;

    @BeforeEach
    void start() throws Exception {
        server = new SigV4VerifyingServer(Map.of(
                KEYS.accessKeyId(), AwsCredentialsIdentity.create(KEYS.accessKeyId(), KEYS.secretAccessKey()),
                SESSION.accessKeyId(), AwsSessionCredentialsIdentity.create(SESSION.accessKeyId(),
                        SESSION.secretAccessKey(), SESSION.sessionToken())));
    }

    @AfterEach
    void stop() {
        server.close();
        executor.shutdownNow();
    }

    private HttpRequestSender sender(AwsCredentialsProvider provider) {
        return new HttpRequestSender(new SdkSigV4Signer(source(provider), Clock.systemUTC()), executor);
    }

    private static SdkSigV4Signer.CredentialsSource source(AwsCredentialsProvider provider) {
        return new SdkSigV4Signer.CredentialsSource() {
            @Override
            public AwsCredentialsProvider credentials(String profile) {
                return provider;
            }

            @Override
            public String defaultRegion() {
                return "us-east-1";
            }
        };
    }

    private Exchange send(HttpRequestSender sender, RequestSpec spec) throws Exception {
        return sender.exchange(spec).get(10, TimeUnit.SECONDS);
    }

    @Test
    void aSignedGetWithAwkwardPathAndQueryVerifies() throws Exception {
        RequestSpec spec = RequestSpec.of("GET", server.uri("").toString()
                        + "/prod/items/a%20b/caf%C3%A9?q=hello world&b=2&a=1&empty=&plus=1+1")
                .withHeaders(List.of(KeyValue.of("X-Custom", "  spaced   value ")))
                .withAuth(EXECUTE_API);

        Exchange exchange = send(sender(StaticCredentialsProvider.create(KEYS)), spec);

        assertThat(exchange.response().bodyText()).isEqualTo("signature ok");
        assertThat(exchange.response().status()).isEqualTo(200);
    }

    @Test
    void aSignedPostWithJsonBodyAndSessionTokenVerifies() throws Exception {
        RequestSpec spec = RequestSpec.of("POST", server.uri("/prod/items").toString())
                .withBody(Body.json("{\"id\":\"é-1\",\"n\":3}"))
                .withAuth(EXECUTE_API);

        Exchange exchange = send(sender(StaticCredentialsProvider.create(SESSION)), spec);

        assertThat(exchange.response().bodyText()).isEqualTo("signature ok");
        assertThat(exchange.request().headers()).extracting(KeyValue::key).contains("X-Amz-Security-Token");
    }

    @Test
    void aConnectionOnTheEnvironmentsKeysSignsWithThem() throws Exception {
        Map<String, String> env = Map.of("AWS_ACCESS_KEY_ID", SESSION.accessKeyId(),
                "AWS_SECRET_ACCESS_KEY", SESSION.secretAccessKey(), "AWS_SESSION_TOKEN", SESSION.sessionToken());
        java.nio.file.Path home = java.nio.file.Files.createTempDirectory("no-aws-files");
        try (AwsClientFactory clients = new AwsClientFactory(() -> AwsProfiles.discover(env, home), () -> null,
                new SessionSecrets())) {
            SdkSigV4Signer signer = SdkSigV4Signer.forConnections(clients,
                    () -> Connection.environmentKeys("eu-west-1"));
            RequestSpec spec = RequestSpec.of("POST", server.uri("/prod/items").toString())
                    .withBody(Body.json("{\"id\":1}")).withAuth(new Auth.SigV4(null, null, null));

            Exchange exchange = send(new HttpRequestSender(signer, executor), spec);

            assertThat(exchange.response().bodyText()).isEqualTo("signature ok");
            assertThat(server.verdicts).singleElement().isEqualTo("signature ok");
        }
    }

    @Test
    void theVerifierRejectsASignatureMadeWithTheWrongSecret() throws Exception {
        AwsBasicCredentials wrong = AwsBasicCredentials.create(KEYS.accessKeyId(), "not-the-secret");
        RequestSpec spec = RequestSpec.of("GET", server.uri("/prod/items").toString()).withAuth(EXECUTE_API);

        Exchange exchange = send(sender(StaticCredentialsProvider.create(wrong)), spec);

        assertThat(exchange.response().status()).isEqualTo(403);
        assertThat(exchange.response().bodyText()).startsWith("signature mismatch");
    }

    @Test
    void theVerifierRejectsABodyChangedAfterSigning() throws Exception {
        SdkSigV4Signer signer = new SdkSigV4Signer(source(StaticCredentialsProvider.create(KEYS)), Clock.systemUTC());
        // sign one body, send another: same headers, different payload
        var signedForOtherBody = signer.sign(new dev.dynagate.requests.RequestSigner.Unsigned("POST",
                server.uri("/prod/items"), List.of(KeyValue.of("Content-Type", "application/json")),
                "{\"a\":1}".getBytes(StandardCharsets.UTF_8)), EXECUTE_API);
        RequestSpec spec = RequestSpec.of("POST", server.uri("/prod/items").toString())
                .withHeaders(signedForOtherBody.headers().stream().filter(h -> !h.key().equalsIgnoreCase("host")).toList())
                .withBody(new Body(Body.Mode.TEXT, "{\"a\":2}", List.of(), null))
                .withAuth(Auth.NONE);

        Exchange exchange = send(sender(StaticCredentialsProvider.create(KEYS)), spec);

        assertThat(exchange.response().status()).isEqualTo(403);
    }

    @Test
    void missingCredentialsStopTheRequestBeforeItLeaves() {
        AwsCredentialsProvider none = () -> {
            throw SdkClientException.create("Profile file contained no credentials for profile 'ghost'");
        };
        RequestSpec spec = RequestSpec.of("GET", server.uri("/prod/items").toString())
                .withAuth(new Auth.SigV4(null, null, "ghost"));

        assertThatThrownBy(() -> sender(none).send(spec).get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(RequestFailure.class)
                .hasMessageContaining("profile 'ghost'").hasMessageContaining("not sent")
                .satisfies(e -> assertThat(((RequestFailure) e).kind()).isEqualTo(RequestFailure.Kind.CREDENTIALS));
        assertThat(server.verdicts).isEmpty();
    }

    @Test
    void expiredCredentialsStopTheRequestBeforeItLeaves() {
        AwsSessionCredentials expired = AwsSessionCredentials.builder().accessKeyId("ASIAOLD").secretAccessKey("s")
                .sessionToken("t").expirationTime(Instant.now().minusSeconds(60)).build();
        RequestSpec spec = RequestSpec.of("GET", server.uri("/prod/items").toString()).withAuth(EXECUTE_API);

        assertThatThrownBy(() -> sender(StaticCredentialsProvider.create(expired)).send(spec).get(10, TimeUnit.SECONDS))
                .cause().isInstanceOf(RequestFailure.class).hasMessageContaining("expired");
        assertThat(server.verdicts).isEmpty();
    }

    @Test
    void theInspectorShowsWhatTheSignatureCovers() throws Exception {
        Instant now = Instant.parse("2026-11-26T21:30:00Z");
        SdkSigV4Signer signer = new SdkSigV4Signer(source(StaticCredentialsProvider.create(KEYS)),
                Clock.fixed(now, ZoneOffset.UTC));
        var signed = signer.sign(new dev.dynagate.requests.RequestSigner.Unsigned("GET",
                java.net.URI.create("https://abc123.execute-api.eu-central-1.amazonaws.com/prod/items?b=2&a=1"),
                List.of(), new byte[0]), new Auth.SigV4(null, null, null));
        SigningDetails details = signed.details();

        assertThat(details.region()).isEqualTo("eu-central-1");
        assertThat(details.service()).isEqualTo("execute-api");
        assertThat(details.credentialScope()).isEqualTo("20261126/eu-central-1/execute-api/aws4_request");
        assertThat(details.canonicalRequest()).startsWith("GET\n/prod/items\na=1&b=2\nhost:abc123.execute-api");
        assertThat(details.stringToSign()).startsWith("AWS4-HMAC-SHA256\n20261126T213000Z\n" + details.credentialScope());
        String authorization = signed.headers().stream().filter(h -> h.key().equals("Authorization")).findFirst()
                .orElseThrow().value();
        // the string to sign shown is the one signed: its HMAC under the derived key is the signature sent
        assertThat(authorization).endsWith("Signature=" + hmacSignature(details.stringToSign(), "20261126",
                "eu-central-1", "execute-api"));
    }

    @Test
    void theRegionComesFromExecuteApiHostsAndOtherwiseTheConnection() {
        assertThat(SdkSigV4Signer.regionInHost("x1.execute-api.ap-southeast-2.amazonaws.com", "us-east-1"))
                .isEqualTo("ap-southeast-2");
        assertThat(SdkSigV4Signer.regionInHost("127.0.0.1", "eu-west-3")).isEqualTo("eu-west-3");
    }

    /** Test oracle only: the documented key derivation, to check the inspector against the real signature. */
    private static String hmacSignature(String stringToSign, String date, String region, String service) throws Exception {
        byte[] key = hmac(("AWS4" + KEYS.secretAccessKey()).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, region);
        key = hmac(key, service);
        key = hmac(key, "aws4_request");
        return HexFormat.of().formatHex(hmac(key, stringToSign));
    }

    private static byte[] hmac(byte[] key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }
}
