package dev.dynagate.aws;

import dev.dynagate.connections.Connection;
import dev.dynagate.requests.RequestSigner;
import dev.dynagate.requests.SigningDetails;
import dev.dynagate.requests.model.Auth;
import dev.dynagate.requests.model.KeyValue;
import dev.dynagate.requests.model.RequestFailure;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.internal.signer.V4CanonicalRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * SigV4 with the SDK's own signer ({@link AwsV4HttpSigner}) and credential providers: nothing cryptographic is
 * done here. The inspector's canonical request is produced by the SDK's canonicaliser over the signed request.
 */
public final class SdkSigV4Signer implements RequestSigner {
    static final String DEFAULT_SERVICE = "execute-api";
    private static final Pattern REGION_LABEL = Pattern.compile("^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\\d$");
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "Credential=([^/]+)/([^,]+), ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]+)");

    /** Where credentials and the fallback region come from. */
    public interface CredentialsSource {
        /** The provider for a named profile, or for the active connection when {@code profile} is null. */
        AwsCredentialsProvider credentials(String profile);

        String defaultRegion();

        /** Who the credentials belong to, for messages ("profile 'dev'", "the connection 'Sandbox'"). */
        default String describe(String profile) {
            return profile == null ? "the active connection" : "profile '" + profile + "'";
        }
    }

    private final CredentialsSource source;
    private final Clock clock;
    /** Created on first signature, not at start-up: loading the SDK's signer is slow and most sessions never sign. */
    private AwsV4HttpSigner signer;

    public SdkSigV4Signer(CredentialsSource source, Clock clock) {
        this.source = source;
        this.clock = clock;
    }

    /** Signs with the active connection's credentials, or a named profile's through the same factory. */
    private synchronized AwsV4HttpSigner signer() {
        if (signer == null) {
            signer = AwsV4HttpSigner.create();
        }
        return signer;
    }

    public static SdkSigV4Signer forConnections(AwsClientFactory clients, Supplier<Connection> active) {
        return new SdkSigV4Signer(new CredentialsSource() {
            @Override
            public AwsCredentialsProvider credentials(String profile) {
                Connection connection = active.get();
                if (profile != null && !profile.isBlank()) {
                    String region = connection == null ? null : connection.region();
                    return clients.credentials(Connection.profile(profile, region));
                }
                if (connection == null) {
                    throw new IllegalStateException("No connection is active.");
                }
                return clients.credentials(connection);
            }

            @Override
            public String defaultRegion() {
                Connection connection = active.get();
                return connection == null ? AwsClientFactory.DEFAULT_REGION : clients.region(connection).id();
            }

            @Override
            public String describe(String profile) {
                Connection connection = active.get();
                return profile != null ? "profile '" + profile + "'"
                        : connection == null ? "the active connection" : "the connection '" + connection.name() + "'";
            }
        }, Clock.systemUTC());
    }

    @Override
    public Signed sign(Unsigned request, Auth.SigV4 auth) {
        String profile = auth.profile() == null || auth.profile().isBlank() ? null : auth.profile().strip();
        String service = auth.service() == null || auth.service().isBlank() ? DEFAULT_SERVICE : auth.service().strip();
        String region = auth.region() != null && !auth.region().isBlank() ? auth.region().strip()
                : regionInHost(request.uri().getHost(), source.defaultRegion());
        AwsCredentials credentials = credentials(profile);
        SdkHttpRequest.Builder unsigned = SdkHttpRequest.builder().uri(request.uri())
                .method(SdkHttpMethod.fromValue(request.method()));
        request.headers().forEach(h -> unsigned.appendHeader(h.key(), h.value()));
        byte[] body = request.body();
        SignedRequest signed = signer().sign(r -> r.identity(credentials).request(unsigned.build())
                .payload(() -> new ByteArrayInputStream(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(HttpSigner.SIGNING_CLOCK, clock));
        SdkHttpRequest out = signed.request();
        List<KeyValue> headers = new ArrayList<>();
        out.forEachHeader((name, values) -> values.forEach(v -> headers.add(KeyValue.of(name, v))));
        return new Signed(out.getUri(), List.copyOf(headers), details(out, body, region, service));
    }

    private AwsCredentials credentials(String profile) {
        AwsCredentials credentials;
        try {
            credentials = source.credentials(profile).resolveCredentials();
        } catch (RuntimeException e) {
            throw new RequestFailure(RequestFailure.Kind.CREDENTIALS, credentialsProblem(profile, e), e);
        }
        Instant expiry = credentials.expirationTime().orElse(null);
        if (expiry != null && !expiry.isAfter(clock.instant())) {
            throw new RequestFailure(RequestFailure.Kind.CREDENTIALS, "The AWS credentials of " + source.describe(profile)
                    + " expired at " + expiry + ". Refresh them" + (profile == null ? "" : " (aws sso login --profile "
                    + profile + ")") + "; the request was not sent.", null);
        }
        return credentials;
    }

    private String credentialsProblem(String profile, RuntimeException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip().split("\\R")[0];
        String lower = message.toLowerCase(Locale.ROOT);
        String who = source.describe(profile);
        if (lower.contains("sso") && (lower.contains("expired") || lower.contains("sso login"))) {
            return "The SSO session of " + who + " has expired. Run: aws sso login"
                    + (profile == null ? "" : " --profile " + profile) + " — the request was not sent.";
        }
        return "No AWS credentials for " + who + ": " + message + " The request was not sent (it would be unsigned).";
    }

    /** Execute-api and Lambda URLs carry their region; anything else (local emulators) takes the fallback. */
    static String regionInHost(String host, String fallback) {
        if (host != null) {
            for (String label : host.toLowerCase(Locale.ROOT).split("\\.")) {
                if (REGION_LABEL.matcher(label).matches()) {
                    return label;
                }
            }
        }
        return fallback;
    }

    private static SigningDetails details(SdkHttpRequest signed, byte[] body, String region, String service) {
        String authorization = signed.firstMatchingHeader("Authorization").orElse("");
        Matcher parts = AUTHORIZATION.matcher(authorization);
        if (!parts.find()) {
            return new SigningDetails("", "", "", "", "", region, service);
        }
        String contentHash = signed.firstMatchingHeader("x-amz-content-sha256").orElseGet(() -> sha256Hex(body));
        SdkHttpRequest withoutSignature = signed.toBuilder().removeHeader("Authorization").build();
        String canonical = new V4CanonicalRequest(withoutSignature, contentHash,
                new V4CanonicalRequest.Options(true, true)).getCanonicalRequestString();
        String amzDate = signed.firstMatchingHeader("X-Amz-Date").orElse("");
        String scope = parts.group(2);
        String stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n"
                + sha256Hex(canonical.getBytes(StandardCharsets.UTF_8));
        return new SigningDetails(canonical, stringToSign, parts.group(3), scope, parts.group(1), region, service);
    }

    private static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
