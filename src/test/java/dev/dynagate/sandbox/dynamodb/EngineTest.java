package dev.dynagate.sandbox.dynamodb;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** An engine test's sandbox: a fresh one for each test, in a folder of its own, closed after it. */
abstract class EngineTest {
    @TempDir
    Path dir;
    EngineFixture engine;

    @BeforeEach
    void startEngine() throws Exception {
        engine = EngineFixture.start(dir);
    }

    @AfterEach
    void stopEngine() {
        engine.close();
    }
}
