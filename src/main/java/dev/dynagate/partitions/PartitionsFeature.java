package dev.dynagate.partitions;

import dev.dynagate.connections.Connection;
import dev.dynagate.ui.ErrorDescriber;
import dev.dynagate.ui.Operations;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The partitions feature's one entry point for the composition root: builds the Partitions and Schema tabs of a
 * table on the active connection, and adds the "Partitions" action to a list of table names.
 */
public final class PartitionsFeature {
    /** Tables estimated larger than this start in sampling mode. */
    static final long SAMPLE_ABOVE = 200_000;

    private final Function<Connection, KeyScanner> scanners;
    private final Function<Connection, ErrorDescriber> errors;
    private final Operations operations;
    private final ObservableValue<Connection> active;
    private Consumer<PartitionDrill> drill = d -> { };

    public PartitionsFeature(Function<Connection, KeyScanner> scanners, Function<Connection, ErrorDescriber> errors,
                             Operations operations, ObservableValue<Connection> active) {
        this.scanners = scanners;
        this.errors = errors;
        this.operations = operations;
        this.active = active;
    }

    /** Where "open item collection" goes besides the tab's own sort-key list (the item explorer, once wired). */
    public void onDrill(Consumer<PartitionDrill> target) {
        this.drill = target;
    }

    public String tabId(String table) {
        Connection connection = active.getValue();
        return "partitions:" + (connection == null ? "" : connection.id()) + ":" + table;
    }

    public String tabTitle(String table) {
        return "Partitions · " + table;
    }

    /** The tab content for a table: Partitions and Schema & drift; the partitions scan starts at once. */
    public Node open(String table) {
        Connection connection = active.getValue();
        KeyScanner scanner = scanners.apply(connection);
        PartitionsPresenter partitions = new PartitionsPresenter(table, scanner, errors.apply(connection), operations,
                operations.background(), d -> drill.accept(d), Hints.standard());
        partitions.load().thenAcceptAsync(layout -> {
            if (layout.itemCountEstimate() > SAMPLE_ABOVE) {
                partitions.sampling().set(true);
            }
            partitions.start();
        }, operations.ui());
        Tab partitionsTab = new Tab("Partitions", new PartitionsView(partitions));
        partitionsTab.setGraphic(new FontIcon("fth-bar-chart-2"));
        partitionsTab.setClosable(false);
        SchemaPresenter schema = new SchemaPresenter(table, scanner, errors.apply(connection), operations,
                operations.background());
        Tab schemaTab = new Tab("Schema & drift", new SchemaView(schema));
        schemaTab.setId("schema-tab");
        schemaTab.setGraphic(new FontIcon("fth-layers"));
        schemaTab.setClosable(false);
        // read only when first looked at: a second scan at open would halve the first one's speed
        schemaTab.selectedProperty().addListener((obs, was, selected) -> {
            if (selected && schema.phase().get() == SchemaPresenter.Phase.IDLE) {
                schema.start();
            }
        });
        TabPane tabs = new TabPane(partitionsTab, schemaTab);
        tabs.getStyleClass().add("floating");
        return tabs;
    }

    /** Adds "Partitions" to the list's context menu (keeping items others have added). */
    public static void addTableAction(ListView<String> list, Consumer<String> openPartitions) {
        MenuItem item = new MenuItem("Partitions", new FontIcon("fth-bar-chart-2"));
        item.setId("table-partitions-action");
        item.setOnAction(e -> {
            String selected = list.getSelectionModel().getSelectedItem();
            if (selected != null) {
                openPartitions.accept(selected);
            }
        });
        if (list.getContextMenu() == null) {
            list.setContextMenu(new ContextMenu());
        }
        list.getContextMenu().getItems().add(item);
    }
}
