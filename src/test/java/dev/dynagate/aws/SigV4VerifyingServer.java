package dev.dynagate.aws;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * A loopback server that accepts a request only when its SigV4 signature is what the SDK's signer computes for
 * the request as received, with the secret it knows for the access key: 200 and "signature ok", or 403 and the
 * reason. Independent of the code under test except for the SDK.
 */
final class SigV4VerifyingServer implements AutoCloseable {
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request, ?SignedHeaders=([^,]+), ?Signature=[0-9a-f]{64}");
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private final HttpServer server;
    private final Map<String, AwsCredentialsIdentity> known;
    final List<String> verdicts = new CopyOnWriteArrayList<>();

    SigV4VerifyingServer(Map<String, AwsCredentialsIdentity> known) throws IOException {
        this.known = known;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String verdict = verify(exchange, body);
        verdicts.add(verdict);
        byte[] answer = verdict.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(verdict.equals("signature ok") ? 200 : 403, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    private String verify(HttpExchange exchange, byte[] body) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null) {
            return "unsigned";
        }
        Matcher parts = AUTHORIZATION.matcher(authorization);
        if (!parts.matches()) {
            return "malformed Authorization: " + authorization;
        }
        AwsCredentialsIdentity credentials = known.get(parts.group(1));
        if (credentials == null) {
            return "unknown access key " + parts.group(1);
        }
        String token = exchange.getRequestHeaders().getFirst("X-Amz-Security-Token");
        if (credentials instanceof AwsSessionCredentialsIdentity session && !session.sessionToken().equals(token)) {
            return "missing or wrong session token";
        }
        String amzDate = exchange.getRequestHeaders().getFirst("X-Amz-Date");
        Instant signedAt = LocalDateTime.parse(amzDate, AMZ_DATE).toInstant(ZoneOffset.UTC);
        String host = exchange.getRequestHeaders().getFirst("Host");
        SdkHttpRequest.Builder received = SdkHttpRequest.builder()
                .uri(URI.create("http://" + host + exchange.getRequestURI().toString()))
                .method(SdkHttpMethod.fromValue(exchange.getRequestMethod()));
        for (String name : parts.group(5).split(";")) {
            List<String> values = exchange.getRequestHeaders().get(name);
            if (values == null) {
                return "signed header " + name + " missing";
            }
            values.forEach(v -> received.appendHeader(name, v));
        }
        String expected = AwsV4HttpSigner.create().sign(r -> r.identity(credentials).request(received.build())
                        .payload(() -> new ByteArrayInputStream(body))
                        .putProperty(AwsV4HttpSigner.REGION_NAME, parts.group(3))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, parts.group(4))
                        .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(signedAt, ZoneOffset.UTC)))
                .request().firstMatchingHeader("Authorization").orElse("");
        return expected.equals(authorization) ? "signature ok"
                : "signature mismatch for " + exchange.getRequestMethod().toUpperCase(Locale.ROOT) + " "
                + exchange.getRequestURI();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
