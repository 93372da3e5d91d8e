package dev.dynagate.shell;

import dev.dynagate.connections.Connection;
import dev.dynagate.connections.ConnectionRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The window's state: the connections to pick from, the active one (with its read-only switch and colour), the
 * theme, and notices about configuration that was ignored. Loading and saving run in the background.
 */
public final class ShellPresenter {
    private final ConnectionSource connectionSource;
    private final SettingsStore settingsStore;
    private final Consumer<Connection> activeChanged;
    private final Executor background;
    private final Executor ui;

    private final ObservableList<Connection> connections = FXCollections.observableArrayList(Connection.sandbox());
    private final ObjectProperty<Connection> active = new SimpleObjectProperty<>(Connection.sandbox());
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
    private final ObservableList<String> notices = FXCollections.observableArrayList();
    private final BooleanBinding readOnly = Bindings.createBooleanBinding(
            () -> active.get() != null && active.get().readOnly(), active);
    private ShellSettings settings = ShellSettings.defaults();

    public ShellPresenter(ConnectionSource connectionSource, SettingsStore settingsStore,
                          Consumer<Connection> activeChanged, Executor background, Executor ui) {
        this.connectionSource = connectionSource;
        this.settingsStore = settingsStore;
        this.activeChanged = activeChanged;
        this.background = background;
        this.ui = ui;
    }

    public ObservableList<Connection> connections() {
        return connections;
    }

    public ObjectProperty<Connection> active() {
        return active;
    }

    public BooleanBinding readOnly() {
        return readOnly;
    }

    public ObjectProperty<Theme> theme() {
        return theme;
    }

    public ObservableList<String> notices() {
        return notices;
    }

    public ShellSettings settings() {
        return settings;
    }

    /** Loads settings and connections in the background; the window shows the sandbox until they arrive. */
    public CompletableFuture<Void> start() {
        return CompletableFuture.supplyAsync(() -> new Startup(settingsStore.load(), connectionSource.load()), background)
                .thenAcceptAsync(this::apply, ui);
    }

    private record Startup(dev.dynagate.config.JsonFile.Loaded<ShellSettings> settings,
                           ConnectionRepository.Listing connections) {
    }

    private void apply(Startup startup) {
        settings = startup.settings().value();
        theme.set(settings.theme == null ? Theme.LIGHT : settings.theme);
        notices.setAll(startup.settings().problems());
        notices.addAll(startup.connections().problems());
        connections.setAll(startup.connections().connections());
        Connection chosen = startup.connections().active();
        if (!chosen.equals(active.get())) {
            active.set(chosen);
        }
        activeChanged.accept(active.get());
    }

    public void select(Connection connection) {
        if (connection == null || connection.equals(active.get())) {
            return;
        }
        active.set(connection);
        activeChanged.accept(connection);
        saveConnections();
    }

    public void setReadOnly(boolean value) {
        Connection current = active.get();
        if (current != null && current.readOnly() != value) {
            replace(current, current.withReadOnly(value));
        }
    }

    /** Adds a connection or replaces the one with the same id, and makes it active. */
    public void save(Connection connection) {
        Connection existing = connections.stream().filter(c -> c.id().equals(connection.id())).findFirst().orElse(null);
        if (existing == null) {
            connections.add(connection);
            select(connection);
        } else {
            replace(existing, connection);
        }
    }

    public void remove(Connection connection) {
        if (connection.kind() != Connection.Kind.ENDPOINT) {
            return; // the sandbox and discovered profiles cannot be removed here
        }
        connections.remove(connection);
        if (connection.equals(active.get())) {
            select(connections.get(0));
        } else {
            saveConnections();
        }
    }

    private void replace(Connection old, Connection updated) {
        int index = connections.indexOf(old);
        connections.set(index, updated);
        if (old.equals(active.get())) {
            active.set(updated);
            activeChanged.accept(updated);
        }
        saveConnections();
    }

    public void toggleTheme() {
        theme.set(theme.get().other());
        settings.theme = theme.get();
        saveSettings();
    }

    /** Called by the view when the window closes or moves, so the next run opens where this one was. */
    public void rememberWindow(double x, double y, double width, double height, boolean maximized) {
        settings.x = x;
        settings.y = y;
        settings.width = width;
        settings.height = height;
        settings.maximized = maximized;
        saveSettings();
    }

    private void saveConnections() {
        List<Connection> snapshot = new ArrayList<>(connections);
        Connection current = active.get();
        background.execute(() -> {
            try {
                connectionSource.save(snapshot, current);
            } catch (Exception e) {
                ui.execute(() -> notices.add("Connections could not be saved: " + e.getMessage()));
            }
        });
    }

    private void saveSettings() {
        ShellSettings snapshot = settings;
        background.execute(() -> {
            try {
                settingsStore.save(snapshot);
            } catch (Exception e) {
                ui.execute(() -> notices.add("Settings could not be saved: " + e.getMessage()));
            }
        });
    }
}
