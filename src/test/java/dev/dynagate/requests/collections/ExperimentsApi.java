package dev.dynagate.requests.collections;

import com.sun.net.httpserver.HttpExchange;
import dev.dynagate.requests.LocalServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A tiny experiments API on loopback for runner tests: create (201), read (200/404), delete (204), health. */
final class ExperimentsApi implements AutoCloseable {
    final LocalServer server = new LocalServer();
    final Map<String, String> experiments = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    ExperimentsApi() {
        server.on("/experiments", this::experiments);
        server.on("/health", exchange -> LocalServer.reply(exchange, 200, "application/json", bytes("{\"status\":\"ok\"}")));
    }

    String baseUrl() {
        return server.url("");
    }

    private void experiments(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String id = path.length() > "/experiments/".length() ? path.substring("/experiments/".length()) : null;
        String body = new String(server.seen.get(server.seen.size() - 1).body(), StandardCharsets.UTF_8);
        switch (exchange.getRequestMethod()) {
            case "POST" -> {
                if (!"secret-key".equals(exchange.getRequestHeaders().getFirst("x-api-key"))) {
                    LocalServer.reply(exchange, 403, "application/json", bytes("{\"message\":\"Forbidden\"}"));
                    return;
                }
                String newId = "e-" + ids.incrementAndGet();
                experiments.put(newId, body);
                exchange.getResponseHeaders().add("Location", "/experiments/" + newId);
                LocalServer.reply(exchange, 201, "application/json", bytes("{\"id\":\"" + newId + "\",\"request\":" + body + "}"));
            }
            case "GET" -> {
                String stored = id == null ? null : experiments.get(id);
                if (stored == null) {
                    LocalServer.reply(exchange, 404, "application/json", bytes("{\"message\":\"not found\"}"));
                } else {
                    LocalServer.reply(exchange, 200, "application/json", bytes("{\"id\":\"" + id + "\",\"data\":" + stored + "}"));
                }
            }
            case "DELETE" -> {
                experiments.remove(id);
                LocalServer.reply(exchange, 204, null, new byte[0]);
            }
            default -> LocalServer.reply(exchange, 405, null, new byte[0]);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.close();
    }
}
