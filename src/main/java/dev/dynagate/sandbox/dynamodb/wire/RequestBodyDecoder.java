package dev.dynagate.sandbox.dynamodb.wire;

import dev.dynagate.sandbox.dynamodb.DynamoDbError;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * Request bodies sent with {@code Content-Encoding: gzip} or {@code deflate} (zlib), which DynamoDB accepts. A body
 * that claims an encoding it does not have, or one this does not know, is refused rather than read as plain JSON.
 */
final class RequestBodyDecoder {
    /** The same cap as for a plain body: a small compressed body must not expand without bound. */
    static final int MAX_DECODED_BYTES = 16 * 1024 * 1024;

    private RequestBodyDecoder() {
    }

    static byte[] decode(String contentEncoding, byte[] body) {
        String encoding = contentEncoding == null ? "" : contentEncoding.strip().toLowerCase(Locale.ROOT);
        if (encoding.isEmpty() || encoding.equals("identity")) {
            return body;
        }
        if (!encoding.equals("gzip") && !encoding.equals("deflate")) {
            throw new DynamoDbError("SerializationException", "Content-Encoding '" + contentEncoding
                    + "' is not supported: send the body uncompressed, or with gzip or deflate");
        }
        if (body.length == 0) {
            throw new DynamoDbError("SerializationException", "The request body is empty but says it is "
                    + encoding + "-compressed");
        }
        try (InputStream in = encoding.equals("gzip") ? new GZIPInputStream(new ByteArrayInputStream(body))
                : new InflaterInputStream(new ByteArrayInputStream(body))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(256, body.length * 4));
            byte[] chunk = new byte[8192];
            int n;
            while ((n = in.read(chunk)) > 0) {
                if (out.size() + n > MAX_DECODED_BYTES) {
                    throw new DynamoDbError("ValidationException", "The request body is larger than "
                            + MAX_DECODED_BYTES + " bytes once decompressed", 413);
                }
                out.write(chunk, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new DynamoDbError("SerializationException", "The request body is not valid " + encoding
                    + " data: " + e.getMessage());
        }
    }
}
