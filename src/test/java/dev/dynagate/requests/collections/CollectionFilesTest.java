package dev.dynagate.requests.collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynagate.requests.model.Assertion;
import dev.dynagate.requests.model.Auth;
import dev.dynagate.requests.model.Body;
import dev.dynagate.requests.model.Capture;
import dev.dynagate.requests.model.KeyValue;
import dev.dynagate.requests.model.RequestSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollectionFilesTest {
    @TempDir
    Path dir;

    static RequestSpec create() {
        return new RequestSpec("Create experiment", "POST", "{{baseUrl}}/experiments",
                List.of(KeyValue.of("Content-Type", "application/json"), new KeyValue("X-Debug", "1", false)),
                Body.json("{\n  \"name\": \"{{name}}\"\n}"), Auth.INHERIT,
                List.of(new Assertion(Assertion.Target.STATUS, null, Assertion.Operator.EQUALS, "201", true),
                        new Assertion(Assertion.Target.JSON_PATH, "$.id", Assertion.Operator.EXISTS, null, true)),
                List.of(new Capture("experimentId", Capture.Source.JSON_PATH, "$.id")), "Creates one");
    }

    static Collection sample() {
        RequestSpec health = RequestSpec.of("GET", "{{baseUrl}}/health").withName("Health").withAuth(Auth.NONE);
        Folder experiments = new Folder("Experiments", 0, null, new Auth.Bearer("{{token}}"),
                List.of(KeyValue.of("name", "trial")), List.of(KeyValue.of("X-Team", "qa")), null,
                List.of(SavedRequest.of(create()),
                        SavedRequest.of(RequestSpec.of("GET", "{{baseUrl}}/experiments/{{experimentId}}")
                                .withName("Read experiment").withAuth(Auth.INHERIT))));
        return new Collection(null, "Experiments API", null, new Auth.ApiKey("x-api-key", "{{apiKey}}",
                Auth.ApiKey.Placement.HEADER), List.of(KeyValue.of("baseUrl", "http://127.0.0.1:8000")), List.of(),
                null, List.of(experiments, SavedRequest.of(health)));
    }

    @Test
    void writesOneFilePerRequestAndReadsBackTheSameTree() {
        Collection loaded = CollectionFiles.create(sample(), dir);

        assertThat(loaded.id()).isNotBlank();
        assertThat(loaded.name()).isEqualTo("Experiments API");
        assertThat(loaded.items()).extracting(CollectionItem::name).containsExactly("Experiments", "Health");
        Folder folder = (Folder) loaded.items().get(0);
        assertThat(folder.path()).isEqualTo(dir.resolve("experiments"));
        assertThat(folder.auth()).isEqualTo(new Auth.Bearer("{{token}}"));
        assertThat(folder.variables()).containsExactly(KeyValue.of("name", "trial"));
        assertThat(folder.headers()).containsExactly(KeyValue.of("X-Team", "qa"));
        assertThat(folder.items()).extracting(CollectionItem::name).containsExactly("Create experiment", "Read experiment");
        assertThat(((SavedRequest) folder.items().get(0)).spec()).isEqualTo(create());
        assertThat(Files.exists(dir.resolve("experiments/create-experiment.request.json"))).isTrue();
        assertThat(Files.exists(dir.resolve("health.request.json"))).isTrue();
        assertThat(loaded.auth()).isEqualTo(new Auth.ApiKey("x-api-key", "{{apiKey}}", Auth.ApiKey.Placement.HEADER));
    }

    @Test
    void requestFileIsStableReadableJsonWithBodyLinesAndFixedKeyOrder() throws Exception {
        CollectionFiles.create(sample(), dir);

        String text = Files.readString(dir.resolve("experiments/create-experiment.request.json"));
        assertThat(text).isEqualTo("""
                {
                  "name": "Create experiment",
                  "seq": 1,
                  "method": "POST",
                  "url": "{{baseUrl}}/experiments",
                  "headers": [
                    {
                      "key": "Content-Type",
                      "value": "application/json"
                    },
                    {
                      "key": "X-Debug",
                      "value": "1",
                      "enabled": false
                    }
                  ],
                  "body": {
                    "mode": "json",
                    "text": [
                      "{",
                      "  \\"name\\": \\"{{name}}\\"",
                      "}"
                    ]
                  },
                  "assertions": [
                    {
                      "check": "status",
                      "op": "equals",
                      "expected": "201"
                    },
                    {
                      "check": "jsonPath",
                      "path": "$.id",
                      "op": "exists"
                    }
                  ],
                  "captures": [
                    {
                      "variable": "experimentId",
                      "from": "jsonPath",
                      "path": "$.id"
                    }
                  ],
                  "description": "Creates one"
                }
                """);
    }

    @Test
    void orderComesFromSeqNotFromFileNames() throws Exception {
        CollectionFiles.create(sample(), dir);
        // a hand edit: Health first
        Path health = dir.resolve("health.request.json");
        Files.writeString(health, Files.readString(health).replace("\"seq\": 2", "\"seq\": 0"));

        assertThat(CollectionFiles.load(dir).items()).extracting(CollectionItem::name)
                .containsExactly("Health", "Experiments");
    }

    @Test
    void brokenFileIsReportedWithFileAndLine() throws Exception {
        CollectionFiles.create(sample(), dir);
        Path file = dir.resolve("health.request.json");
        Files.writeString(file, "{\n  \"name\": \"Health\",\n  \"seq\": ,\n}\n");

        assertThatThrownBy(() -> CollectionFiles.load(dir)).isInstanceOf(CollectionFormatException.class)
                .satisfies(e -> {
                    CollectionFormatException problem = (CollectionFormatException) e;
                    assertThat(problem.file()).isEqualTo(file);
                    assertThat(problem.line()).isEqualTo(3);
                });
    }

    @Test
    void folderWithoutCollectionFileIsRefused() {
        assertThatThrownBy(() -> CollectionFiles.load(dir)).isInstanceOf(CollectionFormatException.class)
                .hasMessageContaining("no collection.json");
    }
}
