package dev.dynagate.aws;

import dev.dynagate.connections.AwsProfiles;
import dev.dynagate.connections.Connection;
import dev.dynagate.connections.EnvironmentKeys;
import dev.dynagate.connections.SandboxHost;
import dev.dynagate.connections.SessionSecrets;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The one place that builds AWS SDK clients. For a connection it resolves credentials (the AWS profile chain, the
 * environment's keys, the sandbox's local keys, or a custom endpoint's keys), region, endpoint override, timeouts
 * and retries, gives every client the same explicitly built HTTP client, caches the clients and closes them when the
 * connection is released or its settings change. Client creation is lazy: nothing is built until a service is first used.
 */
public final class AwsClientFactory implements AutoCloseable {
    static final String DEFAULT_REGION = "us-east-1";
    private static final AwsBasicCredentials LOCAL_KEYS = AwsBasicCredentials.create("dynagate", "dynagate-local");

    private final Supplier<AwsProfiles.Discovery> profiles;
    private final SandboxHost sandbox;
    private final SessionSecrets secrets;
    private final Map<String, ConnectionClients> cache = new ConcurrentHashMap<>();

    public AwsClientFactory(Supplier<AwsProfiles.Discovery> profiles, SandboxHost sandbox, SessionSecrets secrets) {
        this.profiles = profiles;
        this.sandbox = sandbox;
        this.secrets = secrets;
    }

    public DynamoDbClient dynamoDb(Connection connection) {
        return clients(connection).get(DynamoDbClient.class, () -> configure(DynamoDbClient.builder(), connection).build());
    }

    /** DynamoDB Streams on the connection's endpoint (the sandbox serves it on the same port as DynamoDB). */
    public DynamoDbStreamsClient dynamoDbStreams(Connection connection) {
        return clients(connection).get(DynamoDbStreamsClient.class,
                () -> configure(DynamoDbStreamsClient.builder(), connection).build());
    }

    public ApiGatewayClient apiGateway(Connection connection) {
        return clients(connection).get(ApiGatewayClient.class, () -> configure(ApiGatewayClient.builder(), connection).build());
    }

    public ApiGatewayV2Client apiGatewayV2(Connection connection) {
        return clients(connection).get(ApiGatewayV2Client.class, () -> configure(ApiGatewayV2Client.builder(), connection).build());
    }

    public LambdaClient lambda(Connection connection) {
        return clients(connection).get(LambdaClient.class, () -> configure(LambdaClient.builder(), connection).build());
    }

    /** The credentials a connection signs with, for signing requests that do not go through an SDK client. */
    public AwsCredentialsProvider credentials(Connection connection) {
        return clients(connection).get(AwsCredentialsProvider.class, () -> credentialsFor(connection));
    }

    /** The endpoint a connection's calls go to, or null for AWS's own endpoints. Starts the sandbox if needed. */
    public URI endpoint(Connection connection) {
        return switch (connection.kind()) {
            case SANDBOX -> sandboxEndpoint();
            case ENDPOINT -> connection.endpoint();
            case PROFILE -> null;
        };
    }

    public Region region(Connection connection) {
        return Region.of(connection.region() == null || connection.region().isBlank()
                ? DEFAULT_REGION : connection.region());
    }

    /** Closes every client built for this connection. */
    public void release(Connection connection) {
        ConnectionClients clients = cache.remove(connection.id());
        if (clients != null) {
            clients.close();
        }
    }

    /** Closes the clients of every connection but the given one (called when the active connection changes). */
    public void releaseAllExcept(Connection keep) {
        cache.keySet().stream().filter(id -> keep == null || !id.equals(keep.id())).toList()
                .forEach(id -> {
                    ConnectionClients clients = cache.remove(id);
                    if (clients != null) {
                        clients.close();
                    }
                });
    }

    /**
     * Looks up and creates under one lock, so two threads asking at once (the window warming the active connection
     * while the navigator lists its tables) share one set of clients instead of one closing the other's. The
     * replaced set is closed outside the lock: closing waits for a client being built.
     */
    private ConnectionClients clients(Connection connection) {
        ConnectionClients fresh;
        ConnectionClients previous;
        synchronized (cache) {
            ConnectionClients existing = cache.get(connection.id());
            if (existing != null && existing.isFor(connection)) {
                return existing;
            }
            fresh = new ConnectionClients(connection, httpClient(connection));
            previous = cache.put(connection.id(), fresh);
        }
        if (previous != null) {
            previous.close();
        }
        return fresh;
    }

    private <B extends AwsClientBuilder<B, ?>> B configure(B builder, Connection connection) {
        ConnectionClients clients = clients(connection);
        builder.region(region(connection))
                .credentialsProvider(credentials(connection))
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallAttemptTimeout(Duration.ofSeconds(30))
                        .apiCallTimeout(Duration.ofSeconds(90))
                        .retryStrategy(RetryMode.STANDARD)
                        .build());
        URI endpoint = endpoint(connection);
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        // every client of a connection shares its one HTTP client; the SDK clients do not close it
        if (builder instanceof software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<?, ?> sync) {
            sync.httpClient(clients.http());
        }
        return builder;
    }

    private AwsCredentialsProvider credentialsFor(Connection connection) {
        return switch (connection.kind()) {
            case SANDBOX -> StaticCredentialsProvider.create(LOCAL_KEYS);
            case PROFILE -> connection.usesEnvironmentKeys() ? environmentCredentials()
                    : profileCredentials(connection.profile());
            case ENDPOINT -> {
                if (connection.profile() != null && !connection.profile().isBlank()) {
                    yield profileCredentials(connection.profile());
                }
                String secret = secrets.get(connection.id()).orElse(null);
                yield connection.accessKeyId() != null && secret != null
                        ? StaticCredentialsProvider.create(AwsBasicCredentials.create(connection.accessKeyId(), secret))
                        : StaticCredentialsProvider.create(LOCAL_KEYS);
            }
        };
    }

    /** Read when the connection's first client is built: the keys the process was started with. */
    private AwsCredentialsProvider environmentCredentials() {
        EnvironmentKeys keys = profiles.get().environmentKeys();
        if (keys == null) {
            return () -> {
                throw SdkClientException.create("Unable to load credentials: AWS_ACCESS_KEY_ID and "
                        + "AWS_SECRET_ACCESS_KEY are not both set in the environment.");
            };
        }
        return StaticCredentialsProvider.create(keys.sessionToken() == null
                ? AwsBasicCredentials.create(keys.accessKeyId(), keys.secretAccessKey())
                : AwsSessionCredentials.create(keys.accessKeyId(), keys.secretAccessKey(), keys.sessionToken()));
    }

    private AwsCredentialsProvider profileCredentials(String profile) {
        AwsProfiles.Discovery discovery = profiles.get();
        ProfileFile.Aggregator files = ProfileFile.aggregator();
        if (java.nio.file.Files.isRegularFile(discovery.credentialsFile())) {
            files.addFile(ProfileFile.builder().content(discovery.credentialsFile())
                    .type(ProfileFile.Type.CREDENTIALS).build());
        }
        if (java.nio.file.Files.isRegularFile(discovery.configFile())) {
            files.addFile(ProfileFile.builder().content(discovery.configFile())
                    .type(ProfileFile.Type.CONFIGURATION).build());
        }
        ProfileFile merged = files.build();
        return ProfileCredentialsProvider.builder().profileFile(merged).profileName(profile).build();
    }

    private URI sandboxEndpoint() {
        try {
            return sandbox.endpoint();
        } catch (Exception e) {
            throw new IllegalStateException("The built-in sandbox could not start: " + e.getMessage(), e);
        }
    }

    private static SdkHttpClient httpClient(Connection connection) {
        boolean local = connection.kind() != Connection.Kind.PROFILE;
        Apache5HttpClient.Builder builder = Apache5HttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(local ? 3 : 10))
                .socketTimeout(Duration.ofSeconds(60))
                .maxConnections(32);
        if (plainHttp(connection)) {
            // setting up TLS loads the trust store (~100 ms of a cold start) for a connection that never uses it
            builder.tlsSocketStrategy((socket, target, port, attachment, context) -> {
                throw new IOException("The connection " + connection.name()
                        + " speaks plain HTTP; TLS is not set up for it.");
            });
        }
        return builder.build();
    }

    /** The sandbox, or a custom endpoint given as http://: every request of the connection is plain HTTP. */
    static boolean plainHttp(Connection connection) {
        return connection.kind() == Connection.Kind.SANDBOX || connection.kind() == Connection.Kind.ENDPOINT
                && connection.endpoint() != null && "http".equalsIgnoreCase(connection.endpoint().getScheme());
    }

    @Override
    public void close() {
        releaseAllExcept(null);
    }

    /** The clients of one connection, built from one snapshot of its settings. */
    private static final class ConnectionClients {
        private final Connection snapshot;
        private final SdkHttpClient http;
        private final Map<Class<?>, Object> clients = new java.util.HashMap<>();

        ConnectionClients(Connection snapshot, SdkHttpClient http) {
            this.snapshot = snapshot;
            this.http = http;
        }

        boolean isFor(Connection connection) {
            return Objects.equals(snapshot.region(), connection.region())
                    && Objects.equals(snapshot.endpoint(), connection.endpoint())
                    && Objects.equals(snapshot.profile(), connection.profile())
                    && Objects.equals(snapshot.accessKeyId(), connection.accessKeyId());
        }

        SdkHttpClient http() {
            return http;
        }

        /** Synchronized rather than computeIfAbsent: building a client asks for the credentials entry too. */
        synchronized <T> T get(Class<T> type, Supplier<T> create) {
            Object client = clients.get(type);
            if (client == null) {
                client = create.get();
                clients.put(type, client);
            }
            return type.cast(client);
        }

        synchronized void close() {
            clients.values().forEach(client -> {
                if (client instanceof AutoCloseable closeable) {
                    try {
                        closeable.close();
                    } catch (Exception ignored) {
                        // closing is best effort; the HTTP client below is closed regardless
                    }
                }
            });
            http.close();
        }
    }
}
