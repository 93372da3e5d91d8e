package dev.dynagate.tables;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/** The facts of a table in a few compact lines: keys, indexes, capacity, TTL, stream, size, ARN, creation. */
final class TableFactsView extends VBox {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    TableFactsView(TableDescription table) {
        getStyleClass().add("table-facts");
        setId("table-facts");
        setSpacing(2);
        setPadding(new Insets(0));
        FlowPane line = new FlowPane(16, 2);
        line.getChildren().addAll(
                fact("Partition key", key(table.keys().partition())),
                fact("Sort key", table.keys().sort() == null ? "none" : key(table.keys().sort())),
                fact("Items", table.itemCount() < 0 ? "unknown" : "~" + Cells.number(table.itemCount())),
                fact("Size", table.sizeBytes() < 0 ? "unknown" : Cells.bytes(table.sizeBytes())),
                fact("Billing", billing(table)),
                fact("TTL", table.ttlAttribute() == null ? "off" : table.ttlAttribute()),
                fact("Stream", table.stream() == null ? "off" : table.stream()),
                fact("Created", table.created() == null ? "unknown" : WHEN.format(table.created())),
                fact("Status", table.status()));
        getChildren().add(line);
        for (TableDescription.Index index : table.indexes()) {
            Label label = new Label(index.kind() + " " + index.name() + ": " + keys(index.keys()) + " · projects "
                    + index.projection() + (index.nonKeyAttributes().isEmpty() ? ""
                    : " (" + index.nonKeyAttributes().stream().collect(Collectors.joining(", ")) + ")")
                    + (index.readCapacity() == null ? "" : " · " + index.readCapacity() + " RCU / "
                    + index.writeCapacity() + " WCU")
                    + (index.pending() == null ? "" : " · " + index.pending() + ": it cannot be read yet"));
            label.getStyleClass().add("fact-index");
            if (index.pending() != null) {
                label.getStyleClass().add("fact-pending");
            }
            getChildren().add(label);
        }
        Label arn = new Label(table.arn());
        arn.getStyleClass().add("fact-arn");
        getChildren().add(arn);
    }

    /** "pk (S) + sk (N)"; a multi-attribute key names its parts: "partition a (S), b (S) + sort c (N), d (S)". */
    static String keys(TableDescription.KeySchema keys) {
        if (!keys.multiAttribute()) {
            return key(keys.partition()) + (keys.sort() == null ? "" : " + " + key(keys.sort()));
        }
        String partition = "partition " + keys.partitions().stream().map(TableFactsView::key)
                .collect(Collectors.joining(", "));
        return keys.sorts().isEmpty() ? partition : partition + " + sort " + keys.sorts().stream()
                .map(TableFactsView::key).collect(Collectors.joining(", "));
    }

    private static String key(TableDescription.Key key) {
        return key.name() + " (" + key.type() + ")";
    }

    private static String billing(TableDescription table) {
        if ("PAY_PER_REQUEST".equals(table.billingMode())) {
            return "on demand";
        }
        return "provisioned " + (table.readCapacity() == null ? "?" : table.readCapacity()) + " RCU / "
                + (table.writeCapacity() == null ? "?" : table.writeCapacity()) + " WCU";
    }

    private static Label fact(String name, String value) {
        Label label = new Label(name + ": " + value);
        label.getStyleClass().add("fact");
        return label;
    }
}
