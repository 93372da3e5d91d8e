package dev.dynagate.requests.collections;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynagate.requests.model.ResponseRecord;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

class ReportsTest {
    @TempDir
    Path dir;

    static RunReport sample() {
        ResponseRecord ok = AssertionEvaluatorTest.response(201, "{\"id\":\"e-1\"}", 12);
        RequestResult created = new RequestResult(1, "Experiments / Create", "Create", "POST", "http://127.0.0.1/x",
                ok, null, false, List.of(CheckResult.pass("status equals 201", "201", "201"),
                CheckResult.fail("$.name equals <a & \"b\">", "<a & \"b\">", "\"c\"\u0001")), Duration.ofMillis(15));
        RequestResult refused = new RequestResult(1, "Health", "Health", "GET", "http://127.0.0.1:9/health", null,
                "Connection refused by 127.0.0.1:9", false, List.of(), Duration.ofMillis(3));
        return new RunReport("Experiments API", "dev", 1, Instant.parse("2026-11-26T21:00:00.123Z"), Duration.ofMillis(20),
                List.of(created, refused), false);
    }

    static void validate(String xml) throws Exception {
        var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(ReportsTest.class.getResource("junit-strict.xsd"));
        schema.newValidator().validate(new StreamSource(new StringReader(xml)));
    }

    @Test
    void junitReportValidatesAndCountsFailuresAndErrors() throws Exception {
        StringWriter out = new StringWriter();
        JunitReport.write(sample(), out);
        String xml = out.toString();

        validate(xml);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        Element root = doc.getDocumentElement();
        assertThat(root.getAttribute("tests")).isEqualTo("3");
        assertThat(root.getAttribute("failures")).isEqualTo("1");
        assertThat(root.getAttribute("errors")).isEqualTo("1");
        Element first = (Element) root.getElementsByTagName("testsuite").item(0);
        assertThat(first.getAttribute("name")).isEqualTo("Experiments / Create");
        assertThat(first.getAttribute("timestamp")).isEqualTo("2026-11-26T21:00:00");
        Element failure = (Element) doc.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message"))
                .isEqualTo("\"Create\" › $.name equals <a & \"b\">: expected <a & \"b\">, actual \"c\"");
        Element testcase = (Element) failure.getParentNode();
        assertThat(testcase.getAttribute("classname")).isEqualTo("Experiments API.Experiments");
        Element error = (Element) doc.getElementsByTagName("error").item(0);
        assertThat(error.getAttribute("message")).isEqualTo("Connection refused by 127.0.0.1:9");
    }

    @Test
    void jsonReportCarriesTotalsAndMessages() {
        JsonReport.write(sample(), dir.resolve("report.json"));
        JsonNode json = JsonFiles.read(dir.resolve("report.json"));

        assertThat(json.path("passed").asBoolean(true)).isFalse();
        assertThat(json.path("totals").toString()).isEqualTo("{\"requests\":2,\"failedRequests\":2,\"checks\":2,\"failedChecks\":1}");
        assertThat(json.path("requests").get(0).path("status").asInt()).isEqualTo(201);
        assertThat(json.path("requests").get(0).path("checks").get(1).path("message").asText()).startsWith("\"Create\" › $.name");
        assertThat(json.path("requests").get(1).path("error").asText()).isEqualTo("Connection refused by 127.0.0.1:9");
    }

    @Test
    void dataFilesFromCsvAndJson() throws Exception {
        Path csv = dir.resolve("rows.csv");
        java.nio.file.Files.writeString(csv, "name,notes\r\nalpha,\"one, two\"\n\"be\"\"ta\",\"multi\nline\"\n\n");
        assertThat(DataFile.read(csv)).containsExactly(java.util.Map.of("name", "alpha", "notes", "one, two"),
                java.util.Map.of("name", "be\"ta", "notes", "multi\nline"));
        Path json = dir.resolve("rows.json");
        java.nio.file.Files.writeString(json, "[{\"name\":\"a\",\"n\":1},{\"name\":\"b\",\"tags\":[1]}]");
        assertThat(DataFile.read(json)).containsExactly(java.util.Map.of("name", "a", "n", "1"),
                java.util.Map.of("name", "b", "tags", "[1]"));
        Path broken = dir.resolve("broken.csv");
        java.nio.file.Files.writeString(broken, "name\nok\n\"never closed\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DataFile.read(broken))
                .isInstanceOf(CollectionFormatException.class).hasMessageEndingWith("broken.csv:3: a quoted value is never closed");
    }
}
