package dev.dynagate.sandbox.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns the bytes of one connection into requests, one at a time. Fed incrementally: the caller reads into
 * {@link #readSpace()}, reports the count with {@link #filled(int)}, and calls {@link #next()} until it returns null.
 * Bytes after a complete request stay buffered for the next one, so pipelined requests are answered in order.
 */
final class RequestParser {
    private static final int MAX_CHUNK_LINE = 4096;

    private enum Phase { HEAD, FIXED_BODY, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILERS }

    private final HttpLimits limits;
    private byte[] buf = new byte[8192];
    private int start;
    private int end;
    private int scanned;
    private Phase phase = Phase.HEAD;

    private String method;
    private String path;
    private String rawQuery;
    private HeaderMap headers;
    private boolean keepAlive;
    private boolean http10;
    private byte[] fixedBody;
    private int fixedFilled;
    private ByteArrayOutputStream chunked;
    private long chunkRemaining;
    private int trailerBytes;
    private boolean continueWanted;

    RequestParser(HttpLimits limits) {
        this.limits = limits;
    }

    /** Free space after the buffered bytes, compacting or growing the buffer as needed. */
    ByteBuffer readSpace() {
        if (start == end) {
            start = end = scanned = 0;
        } else if (buf.length - end < 1024) {
            if (start > 0) {
                System.arraycopy(buf, start, buf, 0, end - start);
                end -= start;
                scanned -= start;
                start = 0;
            }
            if (buf.length - end < 1024) {
                buf = java.util.Arrays.copyOf(buf, buf.length * 2);
            }
        }
        return ByteBuffer.wrap(buf, end, buf.length - end);
    }

    void filled(int count) {
        end += count;
    }

    boolean hasBufferedBytes() {
        return end > start;
    }

    /** True once after a request head that asked to be told to send its body ({@code Expect: 100-continue}). */
    boolean takeContinue() {
        boolean wanted = continueWanted;
        continueWanted = false;
        return wanted;
    }

    /** The next complete request, or null when more bytes are needed. */
    ParsedRequest next() throws HttpProtocolException {
        while (true) {
            switch (phase) {
                case HEAD -> {
                    if (!parseHead()) {
                        return null;
                    }
                    if (phase == Phase.HEAD) {
                        return complete(new byte[0]);
                    }
                }
                case FIXED_BODY -> {
                    int take = Math.min(end - start, fixedBody.length - fixedFilled);
                    System.arraycopy(buf, start, fixedBody, fixedFilled, take);
                    start += take;
                    fixedFilled += take;
                    if (fixedFilled < fixedBody.length) {
                        return null;
                    }
                    phase = Phase.HEAD;
                    return complete(fixedBody);
                }
                case CHUNK_SIZE -> {
                    String line = line(MAX_CHUNK_LINE, "chunk size line too long");
                    if (line == null) {
                        return null;
                    }
                    chunkRemaining = chunkSize(line);
                    if (chunked.size() + chunkRemaining > limits.maxBodyBytes()) {
                        throw new HttpProtocolException(413, "request body larger than " + limits.maxBodyBytes() + " bytes");
                    }
                    phase = chunkRemaining == 0 ? Phase.TRAILERS : Phase.CHUNK_DATA;
                }
                case CHUNK_DATA -> {
                    int take = (int) Math.min(end - start, chunkRemaining);
                    chunked.write(buf, start, take);
                    start += take;
                    chunkRemaining -= take;
                    if (chunkRemaining > 0) {
                        return null;
                    }
                    phase = Phase.CHUNK_END;
                }
                case CHUNK_END -> {
                    String line = line(MAX_CHUNK_LINE, "chunk not followed by CRLF");
                    if (line == null) {
                        return null;
                    }
                    if (!line.isEmpty()) {
                        throw new HttpProtocolException(400, "chunk not followed by CRLF");
                    }
                    phase = Phase.CHUNK_SIZE;
                }
                case TRAILERS -> {
                    // trailers carry nothing the sandbox uses; they are read past and dropped
                    int before = start;
                    String line = line(limits.maxHeadBytes() - trailerBytes, "trailers too large");
                    if (line == null) {
                        return null;
                    }
                    trailerBytes += start - before;
                    if (line.isEmpty()) {
                        phase = Phase.HEAD;
                        return complete(chunked.toByteArray());
                    }
                }
            }
        }
    }

    private ParsedRequest complete(byte[] body) {
        ParsedRequest request = new ParsedRequest(method, path, rawQuery, headers, body, keepAlive, http10);
        headers = null;
        fixedBody = null;
        chunked = null;
        return request;
    }

    /** One line (without its CR LF) from the buffer, or null when it has not fully arrived. */
    private String line(int maxLength, String tooLong) throws HttpProtocolException {
        for (int i = start; i < end; i++) {
            if (buf[i] == '\n') {
                int stop = i > start && buf[i - 1] == '\r' ? i - 1 : i;
                String line = new String(buf, start, stop - start, StandardCharsets.ISO_8859_1);
                start = i + 1;
                return line;
            }
        }
        if (end - start > maxLength) {
            throw new HttpProtocolException(maxLength == MAX_CHUNK_LINE ? 400 : 431, tooLong);
        }
        return null;
    }

    private static long chunkSize(String line) throws HttpProtocolException {
        int semicolon = line.indexOf(';');
        String hex = (semicolon < 0 ? line : line.substring(0, semicolon)).trim();
        if (hex.isEmpty() || hex.length() > 8) {
            throw new HttpProtocolException(400, "bad chunk size");
        }
        long size = 0;
        for (int i = 0; i < hex.length(); i++) {
            int digit = Character.digit(hex.charAt(i), 16);
            if (digit < 0) {
                throw new HttpProtocolException(400, "bad chunk size");
            }
            size = size * 16 + digit;
        }
        return size;
    }

    /** Parses the head once it has fully arrived and decides how the body is framed. */
    private boolean parseHead() throws HttpProtocolException {
        while (start < end && (buf[start] == '\r' || buf[start] == '\n')) {
            start++; // stray line breaks between requests are allowed
        }
        scanned = Math.max(scanned, start);
        int headEnd = -1;
        for (int i = ByteScan.indexOf(buf, (byte) '\n', scanned, end); i >= 0;
                i = ByteScan.indexOf(buf, (byte) '\n', i + 1, end)) {
            if (i + 1 < end && buf[i + 1] == '\n') {
                headEnd = i + 2;
                break;
            }
            if (i + 2 < end && buf[i + 1] == '\r' && buf[i + 2] == '\n') {
                headEnd = i + 3;
                break;
            }
        }
        if (headEnd < 0) {
            scanned = Math.max(start, end - 2);
            if (end - start > limits.maxHeadBytes()) {
                throw new HttpProtocolException(431, "request head larger than " + limits.maxHeadBytes() + " bytes");
            }
            return false;
        }
        if (headEnd - start > limits.maxHeadBytes()) {
            throw new HttpProtocolException(431, "request head larger than " + limits.maxHeadBytes() + " bytes");
        }
        int from = start;
        start = headEnd;
        scanned = start;
        headers = new HeaderMap();
        boolean first = true;
        while (from < headEnd) {
            int newline = ByteScan.indexOf(buf, (byte) '\n', from, headEnd);
            int stop = newline > from && buf[newline - 1] == '\r' ? newline - 1 : newline;
            if (first) {
                requestLine(new String(buf, from, stop - from, StandardCharsets.ISO_8859_1));
                first = false;
            } else {
                header(from, stop);
            }
            from = newline + 1;
        }
        frameBody();
        return true;
    }

    private void requestLine(String line) throws HttpProtocolException {
        int first = line.indexOf(' ');
        int second = first < 0 ? -1 : line.indexOf(' ', first + 1);
        if (first <= 0 || second <= first + 1 || line.indexOf(' ', second + 1) >= 0) {
            throw new HttpProtocolException(400, "malformed request line");
        }
        method = line.substring(0, first);
        String target = line.substring(first + 1, second);
        String version = line.substring(second + 1);
        if (!isToken(method)) {
            throw new HttpProtocolException(400, "malformed method");
        }
        if (!version.startsWith("HTTP/")) {
            throw new HttpProtocolException(400, "malformed HTTP version");
        }
        if (version.length() != 8 || !version.startsWith("HTTP/1.") || !Character.isDigit(version.charAt(7))) {
            throw new HttpProtocolException(505, "HTTP version not supported");
        }
        http10 = version.equals("HTTP/1.0");
        target(target);
    }

    private void target(String target) throws HttpProtocolException {
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c <= ' ' || c >= 0x7f) {
                throw new HttpProtocolException(400, "malformed request target");
            }
        }
        String pathAndQuery;
        if (target.startsWith("/") || target.equals("*")) {
            pathAndQuery = target;
        } else {
            int scheme = target.indexOf("://");
            if (scheme <= 0) {
                throw new HttpProtocolException(400, "malformed request target");
            }
            int slash = target.indexOf('/', scheme + 3);
            pathAndQuery = slash < 0 ? "/" : target.substring(slash);
        }
        int hash = pathAndQuery.indexOf('#');
        if (hash >= 0) {
            pathAndQuery = pathAndQuery.substring(0, hash);
        }
        int question = pathAndQuery.indexOf('?');
        path = question < 0 ? pathAndQuery : pathAndQuery.substring(0, question);
        rawQuery = question < 0 ? null : pathAndQuery.substring(question + 1);
    }

    /** One header line, buf[from, stop), read straight from the buffer: a name and a value string, nothing else. */
    private void header(int from, int stop) throws HttpProtocolException {
        if (from == stop) {
            return;
        }
        if (buf[from] == ' ' || buf[from] == '\t') {
            throw new HttpProtocolException(400, "folded header lines are not allowed");
        }
        int colon = from;
        while (colon < stop && buf[colon] != ':') {
            if (!isTokenChar(buf[colon])) {
                throw new HttpProtocolException(400, "malformed header line");
            }
            colon++;
        }
        if (colon == from || colon == stop) {
            throw new HttpProtocolException(400, "malformed header line");
        }
        int valueFrom = colon + 1;
        int valueTo = stop;
        while (valueFrom < valueTo && isBlank(buf[valueFrom])) {
            valueFrom++;
        }
        while (valueTo > valueFrom && isBlank(buf[valueTo - 1])) {
            valueTo--;
        }
        String name = new String(buf, from, colon - from, StandardCharsets.ISO_8859_1);
        String value = new String(buf, valueFrom, valueTo - valueFrom, StandardCharsets.ISO_8859_1);
        headers.add(name, value);
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t';
    }

    private void frameBody() throws HttpProtocolException {
        List<String> connection = tokens("Connection");
        keepAlive = http10 ? connection.contains("keep-alive") : !connection.contains("close");
        List<String> transferEncoding = tokens("Transfer-Encoding");
        List<String> contentLength = tokens("Content-Length");
        boolean expectsContinue = !http10 && tokens("Expect").contains("100-continue");
        if (!transferEncoding.isEmpty()) {
            if (!transferEncoding.equals(List.of("chunked"))) {
                throw new HttpProtocolException(501, "unsupported transfer encoding " + transferEncoding);
            }
            // a length next to chunked framing is a smuggling pattern: honour chunked, then close
            keepAlive &= contentLength.isEmpty();
            chunked = new ByteArrayOutputStream();
            trailerBytes = 0;
            phase = Phase.CHUNK_SIZE;
            continueWanted = expectsContinue && start == end;
            return;
        }
        if (contentLength.isEmpty()) {
            return;
        }
        String length = contentLength.get(0);
        for (String other : contentLength) {
            if (!other.equals(length)) {
                throw new HttpProtocolException(400, "conflicting Content-Length values");
            }
        }
        if (length.isEmpty() || length.length() > 12 || !allDigits(length)) {
            throw new HttpProtocolException(400, "malformed Content-Length");
        }
        long bytes = Long.parseLong(length);
        if (bytes > limits.maxBodyBytes()) {
            throw new HttpProtocolException(413, "request body larger than " + limits.maxBodyBytes() + " bytes");
        }
        if (bytes > 0) {
            fixedBody = new byte[(int) bytes];
            fixedFilled = 0;
            phase = Phase.FIXED_BODY;
            continueWanted = expectsContinue && start == end;
        }
    }

    private static boolean allDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** The comma-separated, lower-cased tokens of every value of a header. */
    private List<String> tokens(String name) {
        List<String> values = headers.get(name);
        if (values == null) {
            return List.of();
        }
        if (values.size() == 1 && values.get(0).indexOf(',') < 0) {
            // one value with one token, as nearly every request has: no splitting
            String trimmed = values.get(0).strip();
            return List.of(trimmed.toLowerCase(Locale.ROOT));
        }
        List<String> tokens = new ArrayList<>(2);
        for (String value : values) {
            for (String token : value.split(",")) {
                String trimmed = token.strip();
                if (!trimmed.isEmpty() || value.isBlank()) {
                    tokens.add(trimmed.toLowerCase(Locale.ROOT));
                }
            }
        }
        return tokens;
    }

    private static boolean isToken(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x7f || !isTokenChar((byte) c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isTokenChar(byte b) {
        return b > ' ' && b < 0x7f && TOKEN_CHARS[b];
    }

    /** RFC 9110's tchar, as a table: every header name byte of every request is checked against it. */
    private static final boolean[] TOKEN_CHARS = new boolean[0x80];

    static {
        for (int c = '!'; c < 0x7f; c++) {
            TOKEN_CHARS[c] = "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
        }
    }
}
