package dev.dynagate;

import dev.dynagate.apis.ApisFeature;
import dev.dynagate.aws.AwsClientFactory;
import dev.dynagate.aws.AwsServices;
import dev.dynagate.aws.SdkSigV4Signer;
import dev.dynagate.connections.AwsProfiles;
import dev.dynagate.connections.Connection;
import dev.dynagate.connections.ConnectionRepository;
import dev.dynagate.connections.SessionSecrets;
import dev.dynagate.partitions.PartitionsFeature;
import dev.dynagate.requests.HttpRequestSender;
import dev.dynagate.requests.collections.CollectionsFeature;
import dev.dynagate.requests.collections.SecretStore;
import dev.dynagate.requests.history.HistoryStore;
import dev.dynagate.sandbox.EmbeddedSandbox;
import dev.dynagate.sandboxpanel.EmbeddedLocalCloud;
import dev.dynagate.sandboxpanel.SandboxPanelPresenter;
import dev.dynagate.sandboxpanel.SandboxPanelView;
import dev.dynagate.sandboxpanel.SandboxSettings;
import dev.dynagate.shell.ConnectionBarView;
import dev.dynagate.shell.ConnectionDialog;
import dev.dynagate.shell.ConnectionSource;
import dev.dynagate.shell.MainWindow;
import dev.dynagate.shell.NavigatorPresenter;
import dev.dynagate.shell.NavigatorView;
import dev.dynagate.shell.SettingsStore;
import dev.dynagate.shell.ShellPresenter;
import dev.dynagate.shell.ShellSettings;
import dev.dynagate.shell.Theme;
import dev.dynagate.shell.ThemeSwitcher;
import dev.dynagate.tables.TablePreferences;
import dev.dynagate.tables.TablesFeature;
import dev.dynagate.ui.BackgroundExecutor;
import dev.dynagate.ui.FilePicker;
import dev.dynagate.ui.FxDialogs;
import dev.dynagate.ui.FxExecutor;
import dev.dynagate.ui.FxFilePicker;
import dev.dynagate.ui.Operations;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The composition root: builds every service, presenter and view with plain constructors, and tears them down
 * when the window closes. Nothing here blocks the JavaFX thread: profile discovery, settings and the sandbox all
 * load in the background after the window is shown.
 */
public final class App {
    private final AppDirs dirs;
    private final Map<String, String> env;
    private final Path home;
    private final ExecutorService background = BackgroundExecutor.create("dynagate-worker");
    private final Operations operations = new Operations(background, new FxExecutor(), Clock.systemDefaultZone());
    private final AtomicReference<AwsProfiles.Discovery> profiles = new AtomicReference<>();
    private final SessionSecrets secrets = new SessionSecrets();
    private final EmbeddedSandbox sandbox;
    private final EmbeddedLocalCloud localCloud;
    private final AwsClientFactory clients;
    private final AwsServices services;

    private final StartupProbe probe;
    private final ConnectionRepository repository;
    private final AtomicReference<CompletableFuture<ConnectionRepository.Listing>> earlyListing =
            new AtomicReference<>();

    public App(AppDirs dirs, Map<String, String> env, Path home, StartupProbe probe) {
        this.probe = probe;
        this.dirs = dirs;
        this.env = env;
        this.home = home;
        SandboxSettings sandboxSettings = new SandboxSettings(dirs.config());
        this.sandbox = new EmbeddedSandbox(dirs.sandboxData(), sandboxSettings::storage);
        this.localCloud = new EmbeddedLocalCloud(sandbox, sandboxSettings);
        this.clients = new AwsClientFactory(this::discovery, sandbox, secrets);
        this.services = new AwsServices(clients);
        this.repository = new ConnectionRepository(dirs.config());
    }

    /**
     * Starts in the background what the first screen waits for, so it overlaps with building the window: the saved
     * connections and the active connection's client (which starts the sandbox when that is the connection). The
     * shell's own loading picks up the listing; a failure here is left for the navigator to report.
     */
    private void prepare() {
        CompletableFuture<ConnectionRepository.Listing> listing =
                CompletableFuture.supplyAsync(() -> repository.load(discovery()), background);
        earlyListing.set(listing);
        listing.thenAcceptAsync(loaded -> {
            try {
                clients.dynamoDb(loaded.active());
            } catch (RuntimeException e) {
                // reported by the first real call on this connection
            }
        }, background);
    }

    private ConnectionRepository.Listing loadConnections() {
        CompletableFuture<ConnectionRepository.Listing> early = earlyListing.getAndSet(null);
        return early != null ? early.join() : repository.load(discovery());
    }

    private AwsProfiles.Discovery discovery() {
        return profiles.updateAndGet(current -> current != null ? current : AwsProfiles.discover(env, home));
    }

    /** Builds the main window into the stage's scene, which shows a placeholder until then. */
    public void start(Stage stage, Theme theme) {
        prepare();
        ConnectionSource source = new ConnectionSource() {
            @Override
            public ConnectionRepository.Listing load() {
                return loadConnections();
            }

            @Override
            public void save(List<Connection> connections, Connection active) throws IOException {
                repository.save(connections, active);
            }
        };
        NavigatorPresenter navigator = new NavigatorPresenter(services::tables, services::errors, operations);
        AtomicReference<Connection> active = new AtomicReference<>();
        // one sender for the request tabs and the runner: both sign with the active connection's credentials
        HttpRequestSender sender = new HttpRequestSender(SdkSigV4Signer.forConnections(clients, active::get), background);
        FilePicker files = new FxFilePicker(() -> stage);
        CollectionsFeature collections = new CollectionsFeature(operations, new FxDialogs(stage), sender,
                new SecretStore(dirs.data().resolve("secrets")), files);
        ApisFeature apis = apisFeature(sender, () -> {
            var environment = collections.collections().environment().get();
            return environment == null ? Map.of() : environment.values();
        });
        navigator.state().addListener((obs, old, state) -> {
            if (state != NavigatorPresenter.State.LOADING && state != NavigatorPresenter.State.IDLE) {
                probe.tablesShown();
            }
        });
        ShellPresenter shell = new ShellPresenter(source, new SettingsStore(dirs.config()), connection -> {
            active.set(connection);
            background.execute(() -> clients.releaseAllExcept(connection));
            navigator.show(connection);
            apis.show(connection);
        }, background, operations.ui());

        SandboxPanelPresenter sandboxPanel = new SandboxPanelPresenter(localCloud, operations);
        sandbox.addStartListener(endpoint -> operations.ui().execute(() -> sandboxPanel.started(endpoint)));
        AtomicReference<MainWindow> windowRef = new AtomicReference<>();
        ConnectionBarView bar = new ConnectionBarView(shell, () -> editConnection(stage, shell, shell.active().get()),
                () -> editConnection(stage, shell, null), () -> windowRef.get().openTab("sandbox-panel", "Sandbox",
                        () -> new SandboxPanelView(sandboxPanel)));
        TablesFeature tables = new TablesFeature(services.tablesFeature(), operations, new FxDialogs(stage),
                files, new TablePreferences(dirs.config(), background), shell.active());
        Consumer<String> openTable = table -> windowRef.get().openTab(tables.tabId(table), table,
                () -> tables.openTable(table));
        NavigatorView navigatorView = new NavigatorView(navigator, openTable, apis.navigatorContent(),
                () -> tables.newTable(stage, created -> {
                    navigator.refresh();
                    openTable.accept(created);
                }));
        tables.decorate(navigatorView.tableList());
        tables.addTimeToLiveAction(navigatorView.tableList());
        tables.addCapacityAction(navigatorView.tableList());
        tables.addIndexActions(navigatorView.tableList());
        tables.addCopyAction(navigatorView.tableList(), () -> List.copyOf(shell.connections()), (target, copy) -> {
            if (shell.active().get() != null && target.id().equals(shell.active().get().id())) {
                navigator.refresh();
            }
        });
        navigator.state().addListener((obs, old, state) -> {
            if (state == NavigatorPresenter.State.LOADING) {
                tables.refresh();
            }
        });
        MainWindow window = new MainWindow(bar, navigatorView, shell, operations);
        apis.onSave(spec -> collections.saveRequest(spec, null));
        collections.onOpenRequest(saved -> apis.openSaved(saved.spec()));
        bar.addTool(collections.openButton(() -> window.openTab("collections", "Collections", collections::view)));
        windowRef.set(window);
        apis.attach(window::openTab);
        PartitionsFeature partitions = new PartitionsFeature(services::partitions, services::errors, operations,
                shell.active());
        PartitionsFeature.addTableAction(navigatorView.tableList(), table -> window.openTab(partitions.tabId(table),
                partitions.tabTitle(table), () -> partitions.open(table)));
        tables.addPartiqlAction(navigatorView.tableList(), table -> window.openTab(tables.partiqlTabId(),
                "PartiQL · " + shell.active().get().name(), () -> tables.openPartiql(table)));
        tables.addStreamAction(navigatorView.tableList(), table -> window.openTab(tables.streamTabId(table),
                "Stream · " + table, () -> tables.openStream(table)));
        tables.addDeleteAction(navigatorView.tableList(), deleted -> {
            navigator.refresh();
            // the tabs of a table that is gone could only fail from now on
            String tableTab = tables.tabId(deleted);
            String partitionsTab = partitions.tabId(deleted);
            window.closeTabs(id -> id.equals(tableTab) || id.startsWith(tableTab + ":") || id.equals(partitionsTab));
        });
        partitions.onDrill(drill -> window.openTab(tables.partitionTabId(drill.table(), drill.index(), drill.keyValue()),
                drill.table() + " · " + drill.keyValue(),
                () -> tables.openPartition(drill.table(), drill.index(), drill.keyValue())));
        Scene scene = stage.getScene();
        shell.theme().set(theme);
        shell.theme().addListener((obs, old, chosen) -> ThemeSwitcher.apply(chosen, scene));
        scene.setRoot(window);
        ThemeSwitcher.apply(theme, scene);
        for (String icon : List.of("dynagate-64.png", "dynagate-256.png")) {
            stage.getIcons().add(new javafx.scene.image.Image(
                    MainWindow.class.getResource(icon).toExternalForm(), true));
        }
        stage.setOnCloseRequest(e -> shell.rememberWindow(stage.getX(), stage.getY(), stage.getWidth(),
                stage.getHeight(), stage.isMaximized()));
        shell.start().thenRun(() -> placeWindow(stage, shell.settings()));
    }

    /** The route explorer and request tabs; {{variables}} come from the Collections tab's active environment. */
    private ApisFeature apisFeature(HttpRequestSender sender, java.util.function.Supplier<Map<String, String>> variables) {
        HistoryStore history = new HistoryStore(dirs.data().resolve("history").resolve("requests.jsonl"),
                HistoryStore.DEFAULT_LIMIT, Clock.systemDefaultZone());
        return new ApisFeature(services::routes, services::errors,
                c -> c.kind() == Connection.Kind.PROFILE ? null : clients.endpoint(c), sender, history, variables, operations);
    }

    private static void placeWindow(Stage stage, ShellSettings settings) {
        if (settings.width > 200 && settings.height > 150) {
            stage.setWidth(settings.width);
            stage.setHeight(settings.height);
        }
        if (settings.x != null && settings.y != null && dev.dynagate.shell.WindowPlacement.isOnScreen(settings.x, settings.y)) {
            stage.setX(settings.x);
            stage.setY(settings.y);
        }
        stage.setMaximized(settings.maximized);
    }

    private void editConnection(Stage stage, ShellPresenter shell, Connection original) {
        List<String> profileNames = profiles.get() == null ? List.of()
                : profiles.get().profiles().stream().map(p -> p.name()).toList();
        ConnectionDialog.edit(stage, original, profileNames).ifPresent(result -> {
            if (result.secret() != null) {
                // the secret is kept for this run only; it is never written to disk
                secrets.put(result.connection().id(), result.secret());
            }
            shell.save(result.connection());
        });
    }

    public void stop() {
        clients.close();
        sandbox.close();
        background.shutdownNow();
    }
}
