package dev.dynagate.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import org.junit.jupiter.api.Test;

class ResponseEncoderTest {

    private static String head(ByteBuffer message) {
        String text = new String(message.array(), 0, message.limit(), StandardCharsets.ISO_8859_1);
        return text.substring(0, text.indexOf("\r\n\r\n") + 4);
    }

    private static byte[] body(ByteBuffer message) {
        String text = new String(message.array(), 0, message.limit(), StandardCharsets.ISO_8859_1);
        int start = text.indexOf("\r\n\r\n") + 4;
        byte[] body = new byte[message.limit() - start];
        System.arraycopy(message.array(), start, body, 0, body.length);
        return body;
    }

    @Test
    void headThenBodyWithItsLength() {
        ByteBuffer message = ResponseEncoder.encode(SandboxResponse.json(200, "{\"ok\":\"ü\"}").with("x-id", "abc"),
                false, true, false);
        assertThat(head(message)).startsWith("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nx-id: abc\r\n")
                .contains("\r\nContent-Length: 11\r\n").contains("\r\nDate: ");
        assertThat(new String(body(message), StandardCharsets.UTF_8)).isEqualTo("{\"ok\":\"ü\"}");
    }

    @Test
    void latinOneHeaderValuesAreSentAsTheirByteAndOthersAsAQuestionMark() {
        ByteBuffer message = ResponseEncoder.encode(new SandboxResponse(200, new LinkedHashMap<>(),
                "body".getBytes(StandardCharsets.UTF_8)).with("x-latin", "café").with("x-wide", "Ā😀z"),
                false, true, false);
        String head = head(message);
        assertThat(head).contains("\r\nx-latin: caf\u00e9\r\n").contains("\r\nx-wide: ??z\r\n");
        assertThat(body(message)).isEqualTo("body".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void headRequestGetsTheLengthButNoBody() {
        ByteBuffer message = ResponseEncoder.encode(SandboxResponse.json(200, "{}"), true, true, false);
        assertThat(head(message)).contains("Content-Length: 2\r\n");
        assertThat(body(message)).isEmpty();
    }
}
