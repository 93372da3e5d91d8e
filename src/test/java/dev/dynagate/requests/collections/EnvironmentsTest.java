package dev.dynagate.requests.collections;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynagate.requests.model.KeyValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentsTest {
    @TempDir
    Path dir;
    @TempDir
    Path appData;

    @Test
    void secretValuesAreKeptOutsideTheCollectionFolder() throws Exception {
        Collection collection = CollectionFiles.create(CollectionFilesTest.sample(), dir);
        Environments environments = new Environments(collection, new SecretStore(appData));
        environments.save(new Environment("prod", true, List.of(KeyValue.of("baseUrl", "https://api.example.test"),
                KeyValue.of("token", "s3cr3t-value")), Set.of("token")));

        String file = Files.readString(dir.resolve("environments/prod.json"));
        assertThat(file).contains("\"production\": true").contains("\"secret\": true").doesNotContain("s3cr3t-value");
        try (var all = Files.walk(dir)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(p)).doesNotContain("s3cr3t-value");
            }
        }
        assertThat(Files.readString(appData.resolve(collection.id()).resolve("prod.json"))).contains("s3cr3t-value");

        Environment loaded = environments.find("PROD").orElseThrow();
        assertThat(loaded.production()).isTrue();
        assertThat(loaded.values()).containsEntry("token", "s3cr3t-value").containsEntry("baseUrl", "https://api.example.test");
        assertThat(loaded.isSecret("token")).isTrue();
    }

    @Test
    void secretWithoutStoredValueIsEmptyAndEnvironmentsAreSortedByName() {
        Collection collection = CollectionFiles.create(CollectionFilesTest.sample(), dir);
        Environments environments = new Environments(collection, new SecretStore(appData));
        environments.save(new Environment("stage", false, List.of(KeyValue.of("baseUrl", "s")), Set.of()));
        environments.save(new Environment("dev", false, List.of(KeyValue.of("baseUrl", "d")), Set.of()));
        JsonFiles.write(dir.resolve("environments/ci.json"),
                JsonFiles.parse(null, "{\"name\":\"ci\",\"variables\":[{\"key\":\"token\",\"secret\":true}]}"));

        assertThat(environments.list()).extracting(Environment::name).containsExactly("ci", "dev", "stage");
        assertThat(environments.find("ci").orElseThrow().values()).containsEntry("token", "");
        assertThat(CollectionFiles.load(dir).items()).extracting(CollectionItem::name).doesNotContain("environments");
    }

    @Test
    void secretsLeaveTheStoreWhenNoLongerSecretAndIdLessCollectionsKeepTheirOwn() throws Exception {
        Collection created = CollectionFiles.create(CollectionFilesTest.sample(), dir.resolve("a"));
        Environments environments = new Environments(created, new SecretStore(appData));
        environments.save(new Environment("dev", false, List.of(KeyValue.of("token", "t1")), Set.of("token")));
        Path stored = appData.resolve(created.id()).resolve("dev.json");
        assertThat(stored).exists();
        environments.save(new Environment("dev", false, List.of(KeyValue.of("token", "public")), Set.of()));
        assertThat(stored).doesNotExist();

        Environments first = new Environments(dir.resolve("x"), null, new SecretStore(appData));
        Environments second = new Environments(dir.resolve("y"), null, new SecretStore(appData));
        Files.createDirectories(dir.resolve("x"));
        Files.createDirectories(dir.resolve("y"));
        first.save(new Environment("dev", false, List.of(KeyValue.of("token", "x-secret")), Set.of("token")));
        second.save(new Environment("dev", false, List.of(KeyValue.of("token", "y-secret")), Set.of("token")));
        assertThat(first.find("dev").orElseThrow().values()).containsEntry("token", "x-secret");
        assertThat(second.find("dev").orElseThrow().values()).containsEntry("token", "y-secret");
    }
}
