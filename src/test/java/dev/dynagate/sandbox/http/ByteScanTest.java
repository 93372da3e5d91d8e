package dev.dynagate.sandbox.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ByteScanTest {

    private static int naive(byte[] bytes, byte wanted, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void findsTheFirstMatchAtEveryPositionAndAlignment() {
        for (int length = 0; length < 40; length++) {
            for (int at = 0; at < length; at++) {
                byte[] bytes = new byte[length];
                java.util.Arrays.fill(bytes, (byte) 'a');
                bytes[at] = '\n';
                for (int from = 0; from <= length; from++) {
                    assertEquals(naive(bytes, (byte) '\n', from, length), ByteScan.indexOf(bytes, (byte) '\n', from, length),
                            "length " + length + ", match at " + at + ", from " + from);
                }
            }
        }
    }

    @Test
    void agreesWithAPlainScanOnBytesAroundTheWantedOne() {
        Random random = new Random(42);
        // bytes one above or below the wanted one, and high bytes, are where a word-wide trick could go wrong
        byte[] alphabet = {'\n', '\t', 0x0b, (byte) 0x8a, (byte) 0x80, 0, (byte) 0xff, 'x', 0x01};
        for (int round = 0; round < 20_000; round++) {
            byte[] bytes = new byte[random.nextInt(64)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = alphabet[random.nextInt(alphabet.length)];
            }
            int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length + 1);
            int to = from + random.nextInt(bytes.length - from + 1);
            byte wanted = alphabet[random.nextInt(alphabet.length)];
            assertEquals(naive(bytes, wanted, from, to), ByteScan.indexOf(bytes, wanted, from, to));
        }
    }
}
