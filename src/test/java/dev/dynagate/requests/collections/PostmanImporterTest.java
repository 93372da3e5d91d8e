package dev.dynagate.requests.collections;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynagate.requests.model.Assertion;
import dev.dynagate.requests.model.Auth;
import dev.dynagate.requests.model.Body;
import dev.dynagate.requests.model.Capture;
import dev.dynagate.requests.model.KeyValue;
import dev.dynagate.requests.model.RequestSpec;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PostmanImporterTest {

    static Path resource(String name) {
        try {
            return Path.of(PostmanImporterTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RequestSpec spec(String name, String method, String url, List<KeyValue> headers, Body body, Auth auth,
                                    List<Assertion> assertions, List<Capture> captures) {
        return new RequestSpec(name, method, url, headers, body, auth, assertions, captures, null);
    }

    private static Assertion status(String code) {
        return new Assertion(Assertion.Target.STATUS, null, Assertion.Operator.EQUALS, code, true);
    }

    @Test
    void v21CollectionWithNestedFoldersAuthStylesAndVariablesAtEveryLevel() {
        OpenedCollection opened = PostmanImporter.read(resource("postman/experiments.postman_collection.json"));

        Collection expected = new Collection("7d1f2c3e-1111-4a5b-9c8d-0123456789ab", "Experiments API", null,
                new Auth.ApiKey("x-api-key", "{{apiKey}}", Auth.ApiKey.Placement.HEADER),
                List.of(KeyValue.of("baseUrl", "http://127.0.0.1:8000/_aws/execute-api/abc123/dev"),
                        KeyValue.of("apiKey", "local-key"), new KeyValue("legacy", "off", false)),
                List.of(), "Medical experiments and their samples.", List.of(
                new SavedRequest(spec("Health", "GET", "{{baseUrl}}/health", List.of(), Body.NONE, Auth.NONE,
                        List.of(status("200")), List.of()), 1, null),
                new Folder("Experiments", 2, null, new Auth.Bearer("{{token}}"), List.of(KeyValue.of("experimentName", "Trial A")),
                        List.of(), "CRUD on experiments", List.of(
                        new SavedRequest(spec("Create experiment", "POST", "{{baseUrl}}/experiments?dryRun=false",
                                List.of(KeyValue.of("Content-Type", "application/json"), new KeyValue("X-Trace", "on", false)),
                                Body.json("{\n  \"name\": \"{{experimentName}}\"\n}"), Auth.INHERIT, List.of(status("201")),
                                List.of(new Capture("experimentId", Capture.Source.JSON_PATH, "$.id"))), 1, null),
                        new SavedRequest(spec("Read experiment", "GET",
                                "http://127.0.0.1:8000/experiments/{{experimentId}}?consistent=true", List.of(), Body.NONE,
                                Auth.INHERIT, List.of(), List.of()), 2, null),
                        new Folder("Samples", 3, null, new Auth.SigV4("execute-api", "eu-west-1", null), List.of(), List.of(),
                                null, List.of(
                                new SavedRequest(spec("Add sample", "PUT", "{{baseUrl}}/experiments/{{experimentId}}/samples",
                                        List.of(), Body.form(List.of(KeyValue.of("sampleId", "s-1"), new KeyValue("note", "x", false))),
                                        Auth.INHERIT, List.of(), List.of()), 1, null),
                                new SavedRequest(spec("List samples as admin", "GET",
                                        "{{baseUrl}}/experiments/{{experimentId}}/samples", List.of(), Body.NONE,
                                        new Auth.Basic("admin", "{{adminPassword}}"), List.of(), List.of()), 2, null))))),
                new Folder("Legacy", 3, null, Auth.INHERIT, List.of(), List.of(), null, List.of(
                        new SavedRequest(spec("Digest login", "POST", "{{baseUrl}}/login", List.of(),
                                new Body(Body.Mode.MULTIPART_FORM, null, List.of(KeyValue.of("user", "u"),
                                        KeyValue.of("avatar", "/tmp/avatar.png")), null), Auth.NONE, List.of(), List.of()), 1, null)))));

        assertThat(opened.collection()).isEqualTo(expected);
        assertThat(opened.importNotes()).containsExactly(
                "prerequest script of \"Experiments API\" not run (1 line)",
                "AWS keys in the awsv4 auth of \"Experiments / Samples\" are not imported: requests are signed with the "
                        + "AWS profile or connection's credentials",
                "auth type digest of \"Legacy / Digest login\" is not supported; sent without auth",
                "form field avatar of \"Legacy / Digest login\" is a file; its path is kept as the value");
    }

    @Test
    void v20CollectionWithObjectStyleAuth() {
        OpenedCollection opened = PostmanImporter.read(resource("postman/legacy-v2.0.postman_collection.json"));

        Collection expected = new Collection("0b0e0a0d-2222-4c4c-8d8d-abcdefabcdef", "Legacy v2.0", null,
                new Auth.Bearer("{{token}}"), List.of(), List.of(), null, List.of(
                new SavedRequest(spec("Signed call", "GET", "https://abc123.execute-api.us-east-1.amazonaws.com/prod/items",
                        List.of(), Body.NONE, new Auth.SigV4("execute-api", "us-east-1", null), List.of(), List.of()), 1, null),
                new SavedRequest(spec("Query key", "GET", "{{baseUrl}}/items", List.of(), Body.NONE,
                        new Auth.ApiKey("api_key", "{{apiKey}}", Auth.ApiKey.Placement.QUERY), List.of(), List.of()), 2, null),
                new SavedRequest(spec("Plain", "GET", "{{baseUrl}}/plain", List.of(), Body.NONE, Auth.INHERIT, List.of(),
                        List.of()), 3, null)));
        assertThat(opened.collection()).isEqualTo(expected);
        assertThat(opened.importNotes()).containsExactly("AWS keys in the awsv4 auth of \"Signed call\" are not imported: "
                + "requests are signed with the AWS profile or connection's credentials");
    }

    @Test
    void postmanEnvironmentKeepsSecretsAsSecrets() {
        Environment environment = EnvironmentFiles.read(resource("postman/dev.postman_environment.json"));

        assertThat(environment).isEqualTo(new Environment("dev", false, List.of(KeyValue.of("baseUrl", "http://127.0.0.1:8000"),
                KeyValue.of("token", "dev-token"), new KeyValue("unused", "x", false)), Set.of("token")));
        assertThat(environment.values()).doesNotContainKey("unused");
    }

    @Test
    void literalSecretsAreFlaggedBeforeTheyCanBeSavedIntoFiles(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = dir.resolve("literal.postman_collection.json");
        java.nio.file.Files.writeString(file, """
                {"info": {"name": "Literal"}, "item": [{"name": "Me", "request": {"method": "GET", "url": "http://127.0.0.1/me",
                  "auth": {"type": "bearer", "bearer": [{"key": "token", "value": "eyJhbGciOi.real.token"}]}}}]}
                """);
        OpenedCollection opened = new CollectionOpener(new SecretStore(dir.resolve("secrets"))).open(file);

        assertThat(opened.importNotes()).containsExactly("the auth of \"Me\" holds a secret as plain text: saved, it "
                + "would be written into the collection's files; use a {{variable}} kept as a secret in an environment instead");
    }

    @Test
    void aCollectionFolderCanBeOpenedThroughItsMarkerFile(@org.junit.jupiter.api.io.TempDir Path dir) {
        CollectionFiles.create(CollectionFilesTest.sample(), dir.resolve("api"));
        OpenedCollection opened = new CollectionOpener(new SecretStore(dir.resolve("secrets"))).open(dir.resolve("api/collection.json"));
        assertThat(opened.collection().root()).isEqualTo(dir.resolve("api").toAbsolutePath());
        assertThat(opened.importNotes()).isEmpty();
    }

    @Test
    void openerImportsPostmanFilesOnTheFly() {
        OpenedCollection opened = new CollectionOpener(new SecretStore(Path.of("unused")))
                .open(resource("postman/legacy-v2.0.postman_collection.json"));
        assertThat(opened.collection().requests()).hasSize(3);
    }
}
