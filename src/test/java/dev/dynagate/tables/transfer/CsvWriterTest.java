package dev.dynagate.tables.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynagate.tables.Attr;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvWriterTest {
    @TempDir
    Path dir;

    private static Map<String, Attr> item(Object... nameValues) {
        Map<String, Attr> item = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            item.put((String) nameValues[i], (Attr) nameValues[i + 1]);
        }
        return item;
    }

    @Test
    void theHeaderNamesTheKeysFirstThenEveryOtherAttributeOfAnyItemInAlphabeticalOrder() throws IOException {
        StringWriter out = new StringWriter();
        try (CsvWriter csv = new CsvWriter(out, List.of("pk", "sk"), dir)) {
            csv.write(item("zeta", new Attr.S("z"), "sk", new Attr.N("1"), "pk", new Attr.S("a")));
            csv.write(item("pk", new Attr.S("b"), "sk", new Attr.N("2"), "alpha", new Attr.Bool(true)));
            csv.finish();
        }

        assertThat(out.toString()).isEqualTo("pk,sk,alpha,zeta\r\na,1,,z\r\nb,2,true,\r\n");
    }

    @Test
    void cellsKeepNumbersExactAndQuoteWhatCsvNeedsQuoted() throws IOException {
        StringWriter out = new StringWriter();
        Set<String> tags = new LinkedHashSet<>(List.of("red", "blue"));
        try (CsvWriter csv = new CsvWriter(out, List.of("id"), dir)) {
            csv.write(item("id", new Attr.S("a,b"),
                    "big", new Attr.N("12345678901234567890123456789012345678"),
                    "quote", new Attr.S("say \"hi\""),
                    "lines", new Attr.S("one\ntwo"),
                    "padded", new Attr.S(" x"),
                    "none", new Attr.Null(),
                    "bytes", new Attr.B(new byte[] {1, 2, 3}),
                    "tags", new Attr.SS(tags),
                    "nested", new Attr.M(item("n", new Attr.N("1.50"), "l", new Attr.L(List.of(new Attr.S("x")))))));
            csv.finish();
        }

        String[] lines = out.toString().split("\r\n", -1);
        assertThat(lines[0]).isEqualTo("id,big,bytes,lines,nested,none,padded,quote,tags");
        assertThat(out.toString()).contains("\"a,b\",12345678901234567890123456789012345678,AQID,\"one\ntwo\","
                + "\"{\"\"n\"\":1.50,\"\"l\"\":[\"\"x\"\"]}\",,\" x\",\"say \"\"hi\"\"\",\"[\"\"red\"\",\"\"blue\"\"]\"\r\n");
    }

    @Test
    void theSpoolBesideTheOutputIsGoneOnceClosedEvenUnfinished() throws IOException {
        try (CsvWriter csv = new CsvWriter(new StringWriter(), List.of("id"), dir)) {
            csv.write(item("id", new Attr.S("x")));
            try (Stream<Path> files = Files.list(dir)) {
                assertThat(files).hasSize(1);
            }
        }

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aNonAsciiStringIsWrittenAsItIs() throws IOException {
        StringWriter out = new StringWriter();
        try (CsvWriter csv = new CsvWriter(out, List.of("id"), dir)) {
            csv.write(item("id", new Attr.S("Łódź 東京 🚀")));
            csv.finish();
        }

        assertThat(out.toString().getBytes(StandardCharsets.UTF_8)).isEqualTo(
                "id\r\nŁódź 東京 🚀\r\n".getBytes(StandardCharsets.UTF_8));
    }
}
