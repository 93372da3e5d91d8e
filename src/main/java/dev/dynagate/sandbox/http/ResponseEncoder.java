package dev.dynagate.sandbox.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes a {@link SandboxResponse} as one HTTP/1.1 message: status line, headers and body in a single buffer. */
final class ResponseEncoder {
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private record CachedDate(long epochSecond, String text) {
    }

    private static volatile CachedDate date = new CachedDate(-1, "");

    private ResponseEncoder() {
    }

    static ByteBuffer encode(SandboxResponse response, boolean headRequest, boolean keepAlive, boolean http10) {
        int status = response.status();
        boolean bodyless = status == 204 || status == 304 || status < 200;
        byte[] body = response.body();
        StringBuilder head = new StringBuilder(256).append("HTTP/1.1 ").append(status).append(' ')
                .append(reason(status)).append("\r\n");
        boolean hasDate = false;
        for (Map.Entry<String, List<String>> header : response.headers().entrySet()) {
            String name = header.getKey();
            if (isFramingHeader(name) || !validName(name)) {
                continue; // the server owns framing and connection handling
            }
            hasDate |= name.equalsIgnoreCase("Date");
            for (String value : header.getValue()) {
                head.append(name).append(": ").append(safeValue(value)).append("\r\n");
            }
        }
        if (!hasDate) {
            head.append("Date: ").append(now()).append("\r\n");
        }
        if (!bodyless) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        if (!keepAlive) {
            head.append("Connection: close\r\n");
        } else if (http10) {
            head.append("Connection: keep-alive\r\n");
        }
        head.append("\r\n");
        int bodyBytes = bodyless || headRequest ? 0 : body.length;
        byte[] message = latin1(head, bodyBytes);
        System.arraycopy(body, 0, message, message.length - bodyBytes, bodyBytes);
        return ByteBuffer.wrap(message);
    }

    /**
     * The head in ISO-8859-1 followed by room for the body. A head of Latin-1 characters only (nearly every one) is
     * copied as it is; otherwise the charset encoder replaces what it cannot map, as HTTP heads always did here.
     */
    private static byte[] latin1(CharSequence head, int room) {
        byte[] encoded = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] message = new byte[encoded.length + room];
        System.arraycopy(encoded, 0, message, 0, encoded.length);
        return message;
    }

    /** The answer to a request refused before dispatch; the connection closes after it. */
    static ByteBuffer refusal(HttpProtocolException refusal) {
        String message = refusal.getMessage() == null ? "" : refusal.getMessage().replace("\"", "'");
        return encode(SandboxResponse.json(refusal.status(), "{\"message\":\"" + message + "\"}"), false, false, false);
    }

    static ByteBuffer continueInterim() {
        return ByteBuffer.wrap("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    }

    static String now() {
        long second = System.currentTimeMillis() / 1000;
        CachedDate cached = date;
        if (cached.epochSecond() != second) {
            cached = new CachedDate(second, HTTP_DATE.format(Instant.ofEpochSecond(second)));
            date = cached;
        }
        return cached.text();
    }

    private static boolean isFramingHeader(String name) {
        return name.equalsIgnoreCase("Content-Length") || name.equalsIgnoreCase("Transfer-Encoding")
                || name.equalsIgnoreCase("Connection") || name.equalsIgnoreCase("Keep-Alive");
    }

    private static boolean validName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= ' ' || c >= 0x7f || c == ':') {
                return false;
            }
        }
        return true;
    }

    /** Line breaks in a value would end the header early and let a value forge headers or a second response. */
    private static String safeValue(String value) {
        if (value == null) {
            return "";
        }
        return value.indexOf('\r') < 0 && value.indexOf('\n') < 0 ? value : value.replace('\r', ' ').replace('\n', ' ');
    }

    static String reason(int status) {
        return switch (status) {
            case 100 -> "Continue";
            case 200 -> "OK";
            case 201 -> "Created";
            case 202 -> "Accepted";
            case 204 -> "No Content";
            case 301 -> "Moved Permanently";
            case 302 -> "Found";
            case 304 -> "Not Modified";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 429 -> "Too Many Requests";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            case 505 -> "HTTP Version Not Supported";
            default -> "Status";
        };
    }
}
