package dev.dynagate.connections;

import dev.dynagate.config.JsonFile;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the list of connections the user can pick: the sandbox first, then the keys in the process's environment
 * (when AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are set), then discovered AWS profiles, then saved
 * custom endpoints (with the LocalStack and local-emulator presets offered on first run), each with the user's
 * saved colour, read-only switch and region.
 */
public final class ConnectionRepository {
    public static final URI LOCALSTACK = URI.create("http://localhost:4566");
    public static final URI LOCAL_DYNAMODB = URI.create("http://localhost:8000");

    private final JsonFile<SavedConnections> file;
    private final List<String> problems = new ArrayList<>();
    private SavedConnections saved;

    public ConnectionRepository(Path configFolder) {
        this.file = new JsonFile<>(configFolder.resolve("connections.json"), SavedConnections.class,
                ConnectionRepository::presets);
    }

    /** Loaded state: every connection plus what was ignored along the way. */
    public record Listing(List<Connection> connections, Connection active, List<String> problems) {
    }

    public Listing load(AwsProfiles.Discovery discovery) {
        JsonFile.Loaded<SavedConnections> loaded = file.load();
        saved = loaded.value();
        problems.clear();
        problems.addAll(loaded.problems());
        problems.addAll(discovery.problems());
        Map<String, Connection> byId = new LinkedHashMap<>();
        byId.put(Connection.SANDBOX_ID, Connection.sandbox());
        if (discovery.environmentKeys() != null) {
            // started through a credentials helper (or with keys exported in the shell): offer what it handed over
            Connection keys = Connection.environmentKeys(discovery.regionWithoutProfile());
            byId.put(keys.id(), keys);
        }
        for (AwsProfile profile : discovery.profiles()) {
            String region = profile.region() != null ? profile.region() : discovery.defaultRegion();
            Connection connection = Connection.profile(profile.name(), region);
            if (profile.name().toLowerCase(java.util.Locale.ROOT).contains("prod")) {
                connection = connection.withColour(EnvironmentColour.RED).withReadOnly(true);
            }
            byId.put(connection.id(), connection);
        }
        for (Connection stored : saved.connections == null ? List.<Connection>of() : saved.connections) {
            if (stored == null || stored.id() == null || stored.kind() == null) {
                problems.add(file.path() + ": an incomplete connection entry was ignored");
                continue;
            }
            if (stored.kind() == Connection.Kind.PROFILE && !byId.containsKey(stored.id())) {
                continue; // the profile was removed from the AWS files
            }
            byId.put(stored.id(), merge(byId.get(stored.id()), stored));
        }
        List<Connection> all = List.copyOf(byId.values());
        Connection active = pickActive(all, discovery);
        return new Listing(all, active, List.copyOf(problems));
    }

    private static Connection merge(Connection discovered, Connection stored) {
        if (discovered == null) {
            return stored;
        }
        Connection merged = discovered.withColour(stored.colour() == null ? discovered.colour() : stored.colour())
                .withReadOnly(stored.readOnly());
        return stored.region() == null ? merged : merged.withRegion(stored.region());
    }

    private Connection pickActive(List<Connection> all, AwsProfiles.Discovery discovery) {
        String wanted = saved.active != null ? saved.active : Connection.SANDBOX_ID;
        return all.stream().filter(c -> c.id().equals(wanted)).findFirst().orElse(all.get(0));
    }

    /** Remembers a connection's settings (and the active choice); the sandbox's live endpoint is not stored. */
    public void save(List<Connection> connections, Connection active) throws IOException {
        SavedConnections out = new SavedConnections();
        out.active = active == null ? null : active.id();
        for (Connection c : connections) {
            out.connections.add(c.kind() == Connection.Kind.SANDBOX ? c.withEndpoint(null) : c);
        }
        file.save(out);
        saved = out;
    }

    static SavedConnections presets() {
        SavedConnections presets = new SavedConnections();
        presets.connections.add(Connection.endpoint("LocalStack", LOCALSTACK, "us-east-1"));
        presets.connections.add(Connection.endpoint("Local DynamoDB emulator", LOCAL_DYNAMODB, "us-east-1"));
        return presets;
    }
}
