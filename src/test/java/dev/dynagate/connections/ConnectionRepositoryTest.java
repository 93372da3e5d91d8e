package dev.dynagate.connections;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionRepositoryTest {
    @TempDir
    Path dir;

    private AwsProfiles.Discovery profiles() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home/.aws")).getParent();
        Files.writeString(home.resolve(".aws/config"), "[profile dev]\nregion = eu-west-1\n[profile team-prod]\nregion = us-east-1\n");
        return AwsProfiles.discover(Map.of(), home);
    }

    @Test
    void firstRunOffersSandboxProfilesAndEndpointPresets() throws Exception {
        ConnectionRepository repository = new ConnectionRepository(dir.resolve("config"));

        ConnectionRepository.Listing listing = repository.load(profiles());

        assertThat(listing.connections()).extracting(Connection::name)
                .containsExactly("Sandbox", "dev", "team-prod", "LocalStack", "Local DynamoDB emulator");
        assertThat(listing.active().kind()).isEqualTo(Connection.Kind.SANDBOX);
        assertThat(listing.connections().get(3).endpoint()).isEqualTo(URI.create("http://localhost:4566"));
        assertThat(listing.connections().get(4).endpoint()).isEqualTo(URI.create("http://localhost:8000"));
        assertThat(listing.problems()).isEmpty();
    }

    @Test
    void productionLookingProfilesStartRedAndReadOnly() throws Exception {
        ConnectionRepository.Listing listing = new ConnectionRepository(dir).load(profiles());

        Connection prod = listing.connections().get(2);
        assertThat(prod.colour()).isEqualTo(EnvironmentColour.RED);
        assertThat(prod.readOnly()).isTrue();
    }

    @Test
    void savedChoicesSurviveARestart() throws Exception {
        ConnectionRepository repository = new ConnectionRepository(dir);
        ConnectionRepository.Listing first = repository.load(profiles());
        Connection dev = first.connections().get(1).withReadOnly(true).withColour(EnvironmentColour.PURPLE).withRegion("eu-north-1");
        Connection custom = Connection.endpoint("My proxy", URI.create("https://proxy.internal:9443"), "eu-west-2")
                .withAccessKeyId("AKIAPROXY");
        repository.save(List.of(first.connections().get(0), dev, custom), dev);

        ConnectionRepository.Listing second = new ConnectionRepository(dir).load(profiles());

        assertThat(second.active().id()).isEqualTo("profile:dev");
        assertThat(second.active().readOnly()).isTrue();
        assertThat(second.active().colour()).isEqualTo(EnvironmentColour.PURPLE);
        assertThat(second.active().region()).isEqualTo("eu-north-1");
        assertThat(second.connections()).extracting(Connection::name).contains("My proxy");
        assertThat(Files.readString(dir.resolve("connections.json"))).contains("AKIAPROXY").doesNotContainIgnoringCase("secret");
    }

    @Test
    void corruptFileStartsWithDefaultsAndSaysSo() throws Exception {
        Files.writeString(dir.resolve("connections.json"), "{ this is not json");

        ConnectionRepository.Listing listing = new ConnectionRepository(dir).load(profiles());

        assertThat(listing.active().kind()).isEqualTo(Connection.Kind.SANDBOX);
        assertThat(listing.connections()).hasSize(5);
        assertThat(listing.problems()).singleElement().asString()
                .contains("connections.json could not be read").contains("using defaults").contains(".corrupt");
        assertThat(dir.resolve("connections.json.corrupt")).exists();
    }

    @Test
    void emptyFileStartsWithDefaultsAndSaysSo() throws Exception {
        Files.writeString(dir.resolve("connections.json"), "   \n");

        ConnectionRepository.Listing listing = new ConnectionRepository(dir).load(profiles());

        assertThat(listing.problems()).singleElement().asString().contains("was empty");
        assertThat(listing.active().kind()).isEqualTo(Connection.Kind.SANDBOX);
    }

    @Test
    void removedProfileIsDroppedAndIncompleteEntriesReported() throws Exception {
        Files.writeString(dir.resolve("connections.json"), """
                {"active":"profile:gone","connections":[
                  {"id":"profile:gone","name":"gone","kind":"PROFILE","profile":"gone","colour":"RED","readOnly":true},
                  {"name":"no id"}
                ]}""");

        ConnectionRepository.Listing listing = new ConnectionRepository(dir).load(profiles());

        assertThat(listing.connections()).extracting(Connection::name).doesNotContain("gone");
        assertThat(listing.active().kind()).isEqualTo(Connection.Kind.SANDBOX);
        assertThat(listing.problems()).singleElement().asString().contains("incomplete connection entry");
    }

    @Test
    void keysInTheEnvironmentAreOfferedAfterTheSandboxWhileTheyAreSet() throws Exception {
        Path home = profiles().configFile().getParent().getParent();
        Map<String, String> env = Map.of("AWS_ACCESS_KEY_ID", "AKIAENV", "AWS_SECRET_ACCESS_KEY", "secret",
                "AWS_PROFILE", "dev");
        ConnectionRepository repository = new ConnectionRepository(dir);

        ConnectionRepository.Listing listing = repository.load(AwsProfiles.discover(env, home));

        Connection keys = listing.connections().get(1);
        assertThat(listing.connections()).extracting(Connection::name)
                .startsWith("Sandbox", "Environment keys", "dev", "team-prod");
        assertThat(keys.usesEnvironmentKeys()).isTrue();
        assertThat(keys.region()).as("the region of AWS_PROFILE, as the AWS CLI").isEqualTo("eu-west-1");
        assertThat(keys.detail()).isEqualTo("AWS_ACCESS_KEY_ID · eu-west-1");

        Connection red = keys.withColour(EnvironmentColour.RED);
        repository.save(List.of(listing.connections().get(0), red), red);
        assertThat(new ConnectionRepository(dir).load(AwsProfiles.discover(env, home)).active())
                .satisfies(active -> {
                    assertThat(active.id()).isEqualTo(Connection.ENVIRONMENT_KEYS_ID);
                    assertThat(active.colour()).isEqualTo(EnvironmentColour.RED);
                });
        ConnectionRepository.Listing without = new ConnectionRepository(dir).load(AwsProfiles.discover(Map.of(), home));
        assertThat(without.connections()).noneMatch(Connection::usesEnvironmentKeys);
        assertThat(without.active().kind()).isEqualTo(Connection.Kind.SANDBOX);
    }
}
