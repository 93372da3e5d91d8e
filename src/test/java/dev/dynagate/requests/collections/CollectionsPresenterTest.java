package dev.dynagate.requests.collections;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynagate.ui.Operations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollectionsPresenterTest {
    @TempDir
    Path dir;
    private final Executor direct = Runnable::run;
    private final Operations operations = new Operations(direct, direct, Clock.systemUTC());

    @Test
    void editsOurCollectionAndKeepsTheChosenEnvironment() throws Exception {
        Path root = dir.resolve("api");
        Collection created = CollectionFiles.create(CollectionFilesTest.sample(), root);
        new Environments(created, new SecretStore(dir.resolve("secrets"))).save(Environment.of("dev", java.util.Map.of("a", "b")));
        CollectionsPresenter presenter = new CollectionsPresenter(operations, new SecretStore(dir.resolve("secrets")));

        presenter.open(root).join();
        presenter.environment().set(presenter.environments().get(0));
        assertThat(presenter.editable().get()).isTrue();
        Folder folder = (Folder) presenter.collection().items().get(0);
        presenter.rename(folder.items().get(1), "Fetch experiment").join();
        presenter.shift(((Folder) presenter.collection().items().get(0)).items().get(1), -1).join();

        assertThat(((Folder) presenter.collection().items().get(0)).items()).extracting(CollectionItem::name)
                .containsExactly("Fetch experiment", "Create experiment");
        assertThat(presenter.environment().get().name()).isEqualTo("dev");

        presenter.saveEnvironment(new Environment("ci", false, java.util.List.of(dev.dynagate.requests.model.KeyValue.of("t", "x")),
                java.util.Set.of("t"))).join();
        assertThat(presenter.environments()).extracting(Environment::name).containsExactly("ci", "dev");
        assertThat(presenter.environment().get().values()).containsEntry("t", "x");
        assertThat(Files.readString(root.resolve("environments/ci.json"))).doesNotContain("\"x\"");
        presenter.environment().set(presenter.environments().get(1));

        presenter.markProduction(true).join();
        assertThat(presenter.environment().get().production()).isTrue();
        assertThat(new Environments(presenter.collection(), new SecretStore(dir.resolve("secrets"))).find("dev")
                .orElseThrow().production()).isTrue();
    }

    @Test
    void requestsFromTheRequestPanelAreSavedNewOrOverTheOpenedOne() {
        Path root = dir.resolve("api");
        CollectionFiles.create(CollectionFilesTest.sample(), root);
        CollectionsPresenter presenter = new CollectionsPresenter(operations, new SecretStore(dir.resolve("secrets")));
        presenter.open(root).join();

        presenter.saveRequest(dev.dynagate.requests.model.RequestSpec.of("GET", "{{baseUrl}}/version").withName("Version"),
                null, null).join();
        SavedRequest health = (SavedRequest) presenter.collection().items().get(1);
        presenter.saveRequest(health.spec().withUrl("{{baseUrl}}/healthz"), health, null).join();

        assertThat(presenter.collection().items()).extracting(CollectionItem::name).containsExactly("Experiments", "Health", "Version");
        assertThat(((SavedRequest) presenter.collection().items().get(1)).spec().url()).isEqualTo("{{baseUrl}}/healthz");
    }

    @Test
    void importedCollectionIsReadOnlyUntilSavedAsOurs() {
        CollectionsPresenter presenter = new CollectionsPresenter(operations, new SecretStore(dir.resolve("secrets")));
        presenter.open(PostmanImporterTest.resource("postman/experiments.postman_collection.json")).join();

        assertThat(presenter.editable().get()).isFalse();
        assertThat(presenter.message().get()).startsWith("Imported with 4 note(s): prerequest script");
        presenter.duplicate(presenter.collection().items().get(0)).join();
        assertThat(presenter.message().get()).contains("save it as a Dynagate collection");

        presenter.saveAs(dir.resolve("saved")).join();
        assertThat(presenter.editable().get()).isTrue();
        assertThat(Files.exists(dir.resolve("saved/experiments/samples/add-sample.request.json"))).isTrue();
        assertThat(presenter.collection().requests()).hasSize(6);
    }

    @Test
    void unreadableCollectionShowsWhereTheProblemIs() throws Exception {
        Path root = dir.resolve("broken");
        CollectionFiles.create(CollectionFilesTest.sample(), root);
        Files.writeString(root.resolve("collection.json"), "{ \"name\": ");
        CollectionsPresenter presenter = new CollectionsPresenter(operations, new SecretStore(dir.resolve("secrets")));

        presenter.open(root).exceptionally(e -> null).join();
        assertThat(presenter.message().get()).startsWith(root.resolve("collection.json") + ":1:");
        assertThat(presenter.opened().get()).isNull();
    }
}
