package dev.dynagate.sandbox.dynamodb.wire;

import dev.dynagate.sandbox.http.SandboxRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

/**
 * DynamoDB compresses an answer larger than 4 KB when the request's Accept-Encoding asks for gzip or deflate, and
 * computes its CRC32 over the compressed bytes. The negotiation follows what DynamoDB was recorded doing (a public
 * test suite run against it): the highest quality wins, a coding named outright beats {@code *} at the same quality,
 * then the one named first; {@code *} alone means gzip; {@code identity} and unknown codings are ignored; a quality
 * of 0 or less refuses a coding, one above 1 counts as 1, one that is not a number as 1; only the first quality of
 * an entry counts, and a coding named twice counts at its higher one. When the header is sent more than once the
 * last one counts.
 */
final class ResponseEncoding {
    /** Answers of this many bytes or fewer are never compressed. */
    static final int THRESHOLD = 4096;
    private static final List<String> CODINGS = List.of("gzip", "deflate");

    private ResponseEncoding() {
    }

    /** The coding to answer {@code request} in, or null for none. */
    static String accepted(SandboxRequest request) {
        List<String> values = request.headers().get("Accept-Encoding");
        return values == null || values.isEmpty() ? null : choose(values.get(values.size() - 1));
    }

    static String choose(String acceptEncoding) {
        Offer star = null;
        Offer[] named = new Offer[CODINGS.size()];
        String[] tokens = acceptEncoding.split(",");
        for (int position = 0; position < tokens.length; position++) {
            String[] parts = tokens[position].split(";");
            String coding = parts[0].strip().toLowerCase(Locale.ROOT);
            Offer offer = new Offer(quality(parts), position);
            int index = CODINGS.indexOf(coding);
            if (index >= 0) {
                named[index] = better(named[index], offer);
            } else if (coding.equals("*")) {
                star = better(star, offer);
            }
        }
        String best = null;
        double bestQuality = 0;
        int bestRank = Integer.MAX_VALUE;
        for (int i = 0; i < CODINGS.size(); i++) {
            Offer offer = named[i] != null ? named[i] : star;
            if (offer == null || offer.quality() <= 0) {
                continue;
            }
            // at the same quality a coding named outright comes first, then the one named earlier, then gzip
            int rank = (named[i] != null ? 0 : 1 << 20) + offer.position() * CODINGS.size() + i;
            if (offer.quality() > bestQuality || offer.quality() == bestQuality && rank < bestRank) {
                best = CODINGS.get(i);
                bestQuality = offer.quality();
                bestRank = rank;
            }
        }
        return best;
    }

    private record Offer(double quality, int position) {
    }

    /** A coding named twice counts at its higher quality. */
    private static Offer better(Offer earlier, Offer later) {
        return earlier == null || later.quality() > earlier.quality() ? later : earlier;
    }

    private static double quality(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            int equals = parts[i].indexOf('=');
            if (equals > 0 && parts[i].substring(0, equals).strip().equalsIgnoreCase("q")) {
                try {
                    double q = Double.parseDouble(parts[i].substring(equals + 1).strip());
                    return Double.isNaN(q) ? 1 : Math.min(q, 1);
                } catch (NumberFormatException e) {
                    return 1;
                }
            }
        }
        return 1;
    }

    static byte[] encode(String coding, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
        try (OutputStream compressor = coding.equals("gzip") ? new GZIPOutputStream(out)
                : new DeflaterOutputStream(out)) {
            compressor.write(body);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return out.toByteArray();
    }
}
