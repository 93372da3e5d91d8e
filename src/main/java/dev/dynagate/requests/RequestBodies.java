package dev.dynagate.requests;

import dev.dynagate.requests.model.Body;
import dev.dynagate.requests.model.KeyValue;
import dev.dynagate.requests.model.RequestFailure;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Collectors;

/** Turns a {@link Body} into the bytes on the wire and the Content-Type they go with. */
public final class RequestBodies {

    /** @param contentType null when the body implies none */
    public record Encoded(byte[] bytes, String contentType) {
        static final Encoded EMPTY = new Encoded(new byte[0], null);
    }

    private RequestBodies() {
    }

    public static Encoded encode(Body body) {
        return switch (body.mode()) {
            case NONE -> Encoded.EMPTY;
            case JSON, TEXT, XML -> new Encoded(utf8(body.text()), body.defaultContentType());
            case FORM_URLENCODED -> new Encoded(utf8(formEncode(body)), body.defaultContentType());
            case MULTIPART_FORM -> multipart(body);
            case FILE -> new Encoded(readFile(body.file()), "application/octet-stream");
        };
    }

    private static String formEncode(Body body) {
        return body.fields().stream().filter(KeyValue::enabled)
                .map(f -> encode(f.key()) + "=" + encode(f.value()))
                .collect(Collectors.joining("&"));
    }

    /** Fields whose value starts with {@code @} attach that file, as curl's {@code -F name=@file} does. */
    private static Encoded multipart(Body body) {
        String boundary = "dynagate-" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (KeyValue field : body.fields()) {
            if (!field.enabled()) {
                continue;
            }
            String value = field.value() == null ? "" : field.value();
            out.writeBytes(utf8("--" + boundary + "\r\n"));
            if (value.startsWith("@")) {
                Path file = Path.of(value.substring(1));
                out.writeBytes(utf8("Content-Disposition: form-data; name=\"" + field.key() + "\"; filename=\""
                        + file.getFileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n"));
                out.writeBytes(readFile(file.toString()));
            } else {
                out.writeBytes(utf8("Content-Disposition: form-data; name=\"" + field.key() + "\"\r\n\r\n" + value));
            }
            out.writeBytes(utf8("\r\n"));
        }
        out.writeBytes(utf8("--" + boundary + "--\r\n"));
        return new Encoded(out.toByteArray(), "multipart/form-data; boundary=" + boundary);
    }

    private static byte[] readFile(String file) {
        if (file == null || file.isBlank()) {
            throw new RequestFailure(RequestFailure.Kind.IO, "The body is a file, but no file is chosen.", null);
        }
        try {
            return Files.readAllBytes(Path.of(file));
        } catch (IOException | RuntimeException e) {
            throw new RequestFailure(RequestFailure.Kind.IO, "Cannot read the body file " + file + ": "
                    + e.getMessage(), e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text == null ? "" : text, StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String text) {
        return text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
    }
}
