package dev.dynagate.sandbox.apigateway;

import dev.dynagate.sandbox.http.SandboxResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** HTTP_PROXY integrations: the request forwarded to the integration URI, the response passed back. */
final class HttpProxy {
    /** Headers the JDK client sets itself or refuses, and hop-by-hop headers that must not be forwarded. */
    private static final Set<String> SKIPPED = Set.of("host", "content-length", "connection", "expect", "upgrade",
            "transfer-encoding", "keep-alive", "te", "trailer", "proxy-connection", "http2-settings");

    private volatile HttpClient client;

    SandboxResponse forward(String uriTemplate, String integrationMethod, InboundRequest request,
                            Map<String, String> parameters, int timeoutMillis, Supplier<SandboxResponse> timedOut,
                            Supplier<SandboxResponse> failed) {
        String uri = uriTemplate;
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            uri = uri.replace("{" + p.getKey() + "+}", p.getValue()).replace("{" + p.getKey() + "}", p.getValue());
        }
        if (request.rawQuery() != null && !request.rawQuery().isEmpty()) {
            uri += (uri.contains("?") ? "&" : "?") + request.rawQuery();
        }
        String method = integrationMethod.equals("ANY") ? request.method() : integrationMethod;
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(uri))
                    .timeout(Duration.ofMillis(timeoutMillis))
                    .method(method, request.body().length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(request.body()));
            for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
                if (!SKIPPED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                    header.getValue().forEach(v -> builder.header(header.getKey(), v));
                }
            }
            HttpResponse<byte[]> response = client().send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            SandboxResponse answer = new SandboxResponse(response.statusCode(), new LinkedHashMap<>(), response.body());
            response.headers().map().forEach((name, values) -> {
                if (!SKIPPED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    values.forEach(v -> answer.with(name, v));
                }
            });
            return answer;
        } catch (HttpTimeoutException e) {
            return timedOut.get();
        } catch (IOException | IllegalArgumentException e) {
            return failed.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed.get();
        }
    }

    private HttpClient client() {
        if (client == null) {
            synchronized (this) {
                if (client == null) {
                    client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                            .connectTimeout(Duration.ofSeconds(10)).build();
                }
            }
        }
        return client;
    }
}
