package dev.dynagate.requests.collections;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * The run as JUnit XML, the format CI servers read: one {@code <testsuite>} per request and iteration, one
 * {@code <testcase>} per assertion or capture (a request that got no response is one test case with an
 * {@code <error>}). Every attribute the strict Ant/Jenkins schema requires is written, in the order it requires.
 */
public final class JunitReport {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private JunitReport() {
    }

    public static void write(RunReport report, Path file) {
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                write(report, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(RunReport report, Writer out) throws IOException {
        long tests = report.results().stream().mapToLong(r -> testCount(r)).sum();
        long errors = report.results().stream().filter(r -> r.error() != null).count();
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.write("<testsuites name=\"" + attr(report.name()) + "\" tests=\"" + tests + "\" failures=\""
                + report.failedChecks() + "\" errors=\"" + errors + "\" time=\"" + seconds(report.elapsed().toNanos()) + "\">\n");
        String host = hostname();
        String timestamp = TIMESTAMP.format(LocalDateTime.ofInstant(report.startedAt().truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC));
        int id = 0;
        for (RequestResult result : report.results()) {
            writeSuite(out, report, result, id++, host, timestamp);
        }
        out.write("</testsuites>\n");
    }

    private static void writeSuite(Writer out, RunReport report, RequestResult result, int id, String host,
                                   String timestamp) throws IOException {
        String suiteName = result.path() + (report.iterations() > 1 ? " [iteration " + result.iteration() + "]" : "");
        String className = classNameOf(report.name(), result.path());
        int errors = result.error() != null ? 1 : 0;
        out.write("  <testsuite package=\"" + attr(packageOf(report.name())) + "\" id=\"" + id + "\" name=\""
                + attr(suiteName) + "\" timestamp=\"" + timestamp + "\" hostname=\"" + attr(host) + "\" tests=\""
                + testCount(result) + "\" failures=\"" + result.failedChecks().size() + "\" errors=\"" + errors
                + "\" time=\"" + seconds(result.elapsed().toNanos()) + "\">\n");
        out.write("    <properties>\n");
        property(out, "method", result.method());
        property(out, "url", result.url());
        if (result.response() != null) {
            property(out, "status", Integer.toString(result.response().status()));
        }
        if (report.environment() != null) {
            property(out, "environment", report.environment());
        }
        out.write("    </properties>\n");
        String perCase = seconds(result.elapsed().toNanos() / Math.max(1, testCount(result)));
        if (result.error() != null) {
            out.write("    <testcase name=\"" + attr(result.method() + " " + result.url()) + "\" classname=\""
                    + attr(className) + "\" time=\"" + perCase + "\">\n");
            out.write("      <error message=\"" + attr(result.error()) + "\" type=\""
                    + (result.skipped() ? "NotSent" : "RequestFailed") + "\">" + text(result.failureMessages().get(0))
                    + "</error>\n");
            out.write("    </testcase>\n");
        }
        for (CheckResult check : result.checks()) {
            out.write("    <testcase name=\"" + attr(check.description()) + "\" classname=\"" + attr(className)
                    + "\" time=\"" + perCase + "\"");
            if (check.passed()) {
                out.write("/>\n");
            } else {
                String message = check.message(result.name());
                out.write(">\n      <failure message=\"" + attr(message) + "\" type=\"AssertionFailed\">"
                        + text(message) + "</failure>\n    </testcase>\n");
            }
        }
        out.write("    <system-out>" + text(systemOut(result)) + "</system-out>\n");
        out.write("    <system-err/>\n");
        out.write("  </testsuite>\n");
    }

    private static long testCount(RequestResult result) {
        return result.checks().size() + (result.error() != null ? 1 : 0);
    }

    private static String systemOut(RequestResult result) {
        if (result.response() == null) {
            return result.method() + " " + result.url();
        }
        return result.method() + " " + result.url() + " → " + result.response().status() + " in "
                + result.response().elapsed().toMillis() + " ms";
    }

    private static void property(Writer out, String name, String value) throws IOException {
        out.write("      <property name=\"" + attr(name) + "\" value=\"" + attr(value) + "\"/>\n");
    }

    private static String classNameOf(String collection, String path) {
        List<String> parts = List.of(path.split(" / "));
        String folders = String.join(".", parts.subList(0, parts.size() - 1));
        return folders.isEmpty() ? packageOf(collection) : packageOf(collection) + "." + folders;
    }

    private static String packageOf(String collection) {
        return collection == null || collection.isBlank() ? "collection" : collection;
    }

    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e9);
    }

    /** From the environment: asking the resolver can stall for seconds on a CI machine with odd DNS. */
    private static String hostname() {
        for (String variable : new String[] {"HOSTNAME", "COMPUTERNAME"}) {
            String name = System.getenv(variable);
            if (name != null && !name.isBlank()) {
                return name.strip();
            }
        }
        return "localhost";
    }

    static String attr(String value) {
        return text(value).replace("\"", "&quot;").replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;");
    }

    static String text(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> {
                    // characters XML 1.0 cannot carry at all are dropped rather than breaking the report
                    if (cp == 0x9 || cp == 0xA || cp == 0xD || cp >= 0x20 && cp <= 0xD7FF || cp >= 0xE000 && cp <= 0xFFFD
                            || cp >= 0x10000 && cp <= 0x10FFFF) {
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
        return out.toString();
    }
}
