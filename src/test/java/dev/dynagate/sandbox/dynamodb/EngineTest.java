package dev.dynagate.sandbox.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

    /** Sends a body as written and answers the error it must get, as "Code: message". */
    String error(String operation, String body) throws Exception {
        JsonNode answer = new ObjectMapper().readTree(engine.raw(operation, body));
        assertThat(answer.has("__type")).as("%s %s answered %s", operation, body, answer).isTrue();
        String type = answer.get("__type").asText();
        return type.substring(type.indexOf('#') + 1) + ": " + answer.get("message").asText();
    }
}
