package dev.dynagate.shell;

import dev.dynagate.connections.Connection;
import dev.dynagate.connections.ConnectionForm;
import dev.dynagate.connections.EnvironmentColour;
import dev.dynagate.connections.Regions;
import java.util.List;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/**
 * Edits one connection: for custom endpoints the name, URL, region and optional credentials (a profile, or an
 * access key id whose secret is kept in memory only); for every connection the region, colour and read-only switch.
 */
public final class ConnectionDialog extends Dialog<ConnectionDialog.Result> {

    /** The edited connection and, when typed, the secret to keep in memory for this run. */
    public record Result(Connection connection, String secret) {
    }

    private final TextField name = new TextField();
    private final TextField endpoint = new TextField();
    private final ComboBox<String> region = new ComboBox<>(FXCollections.observableArrayList(Regions.KNOWN));
    private final ComboBox<String> profile = new ComboBox<>();
    private final TextField accessKeyId = new TextField();
    private final PasswordField secret = new PasswordField();
    private final ComboBox<EnvironmentColour> colour = new ComboBox<>(FXCollections.observableArrayList(EnvironmentColour.values()));
    private final CheckBox readOnly = new CheckBox("Refuse every write on this connection");
    private final Label problems = new Label();

    public ConnectionDialog(Window owner, Connection original, List<String> profileNames) {
        initOwner(owner);
        ConnectionForm form = original == null ? ConnectionForm.newEndpoint() : ConnectionForm.of(original);
        boolean isEndpoint = form.kind() == Connection.Kind.ENDPOINT;
        setTitle(original == null ? "Add endpoint" : "Connection settings");
        setHeaderText(original == null ? "A custom endpoint: LocalStack, a local DynamoDB emulator, a proxy…"
                : original.name() + " — " + original.detail());
        name.setText(form.name());
        endpoint.setText(form.endpoint());
        region.setEditable(true);
        region.setValue(form.region());
        profile.setItems(FXCollections.observableArrayList(profileNames));
        profile.setEditable(true);
        profile.setValue(form.profile());
        profile.setPromptText("none: use the keys below or local keys");
        accessKeyId.setText(form.accessKeyId());
        accessKeyId.setPromptText("optional");
        secret.setPromptText("kept in memory for this run only");
        colour.setValue(form.colour());
        readOnly.setSelected(form.readOnly());
        problems.getStyleClass().add("form-problems");
        problems.setWrapText(true);

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        int row = 0;
        if (isEndpoint) {
            grid.addRow(row++, new Label("Name"), name);
            grid.addRow(row++, new Label("Endpoint URL"), endpoint);
        }
        grid.addRow(row++, new Label("Region"), region);
        if (isEndpoint) {
            grid.addRow(row++, new Label("AWS profile"), profile);
            grid.addRow(row++, new Label("Access key id"), accessKeyId);
            grid.addRow(row++, new Label("Secret key"), secret);
        }
        grid.addRow(row++, new Label("Colour"), colour);
        grid.addRow(row++, new Label(""), readOnly);
        grid.add(problems, 0, row, 2, 1);
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        getDialogPane().lookupButton(ButtonType.OK).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            List<String> found = form(form.kind()).problems();
            if (!found.isEmpty()) {
                problems.setText(String.join("\n", found));
                e.consume();
            }
        });
        setResultConverter(button -> button == ButtonType.OK
                ? new Result(form(form.kind()).apply(original), secret.getText().isEmpty() ? null : secret.getText())
                : null);
    }

    private ConnectionForm form(Connection.Kind kind) {
        String regionText = region.getEditor().getText() != null && !region.getEditor().getText().isBlank()
                ? region.getEditor().getText() : region.getValue();
        return new ConnectionForm(kind, name.getText(), endpoint.getText(), regionText, profile.getValue(),
                accessKeyId.getText(), colour.getValue(), readOnly.isSelected());
    }

    public static Optional<Result> edit(Window owner, Connection original, List<String> profileNames) {
        return new ConnectionDialog(owner, original, profileNames).showAndWait();
    }
}
