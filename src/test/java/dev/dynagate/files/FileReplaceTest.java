package dev.dynagate.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileReplaceTest {
    @TempDir
    Path dir;

    @Test
    void theFileIsReplacedWholeAndNothingIsLeftBeside() throws IOException {
        Path file = dir.resolve("state").resolve("definitions.json");
        FileReplace.write(file, out -> out.write("{\"v\":1}".getBytes(StandardCharsets.UTF_8)));
        FileReplace.write(file, out -> out.write("{\"v\":2}".getBytes(StandardCharsets.UTF_8)));

        assertThat(Files.readString(file)).isEqualTo("{\"v\":2}");
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void aWriteThatFailsHalfwayLeavesTheOldFileAsItWas() throws IOException {
        Path file = Files.writeString(dir.resolve("definitions.json"), "{\"v\":1}");

        assertThatThrownBy(() -> FileReplace.write(file, out -> {
            out.write("{\"v\":".getBytes(StandardCharsets.UTF_8));
            throw new IOException("No space left on device");
        })).hasMessage("No space left on device");

        assertThat(Files.readString(file)).isEqualTo("{\"v\":1}");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void threadsReplacingTheSameFileEachLeaveAWholeFile() throws Exception {
        Path file = dir.resolve("config.json");
        List<String> versions = new ArrayList<>();
        for (int writer = 0; writer < 4; writer++) {
            versions.add(String.valueOf((char) ('a' + writer)).repeat(200_000));
        }
        ExecutorService threads = Executors.newFixedThreadPool(versions.size());
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (String version : versions) {
                writes.add(threads.submit(() -> {
                    for (int round = 0; round < 10; round++) {
                        FileReplace.writeString(file, version);
                        assertThat(versions).contains(Files.readString(file));
                    }
                    return null;
                }));
            }
            for (Future<?> write : writes) {
                write.get();
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(versions).contains(Files.readString(file));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }
}
