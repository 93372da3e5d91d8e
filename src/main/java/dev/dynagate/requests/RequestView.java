package dev.dynagate.requests;

import dev.dynagate.requests.curl.CurlParser;
import dev.dynagate.requests.curl.CurlWriter;
import dev.dynagate.requests.history.HistoryPresenter;
import dev.dynagate.requests.model.Auth;
import dev.dynagate.requests.model.Body;
import dev.dynagate.requests.model.RequestSpec;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A request tab: method and URL with Send (Ctrl+Enter), the request editor (params, headers, body, auth), the
 * response below, the history on the right.
 */
public final class RequestView extends BorderPane {
    static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");
    private static final KeyCombination SEND = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);

    final ComboBox<String> method = new ComboBox<>();
    final TextField url = new TextField();
    final Button send = new Button("Send", new FontIcon("fth-send"));
    final TextArea bodyText = new TextArea();
    final Label bodyProblem = new Label();
    final ResponseView response;
    final HistoryView history;
    private final RequestPresenter presenter;

    private final java.util.function.Consumer<RequestSpec> saver;

    public RequestView(RequestPresenter presenter, HistoryPresenter historyPresenter, Supplier<String> defaultRegion) {
        this(presenter, historyPresenter, defaultRegion, null);
    }

    /** @param saver saves the request into the open collection, or null when there is nowhere to save */
    public RequestView(RequestPresenter presenter, HistoryPresenter historyPresenter, Supplier<String> defaultRegion,
                       java.util.function.Consumer<RequestSpec> saver) {
        this.saver = saver;
        this.presenter = presenter;
        getStyleClass().add("request-view");
        getStylesheets().add(RequestView.class.getResource("/dev/dynagate/requests/requests.css").toExternalForm());
        method.setId("request-method");
        method.getItems().setAll(METHODS);
        method.setEditable(true);
        method.valueProperty().bindBidirectional(presenter.method());
        method.setPrefWidth(110);
        url.setId("request-url");
        url.setPromptText("https://… or {{base}}/path");
        url.textProperty().bindBidirectional(presenter.url());
        url.textProperty().addListener((obs, old, text) -> {
            // a curl command pasted into the URL field becomes the request, as in other API clients
            if (text != null && text.stripLeading().startsWith("curl ") && (old == null || !old.startsWith("curl"))) {
                javafx.application.Platform.runLater(() -> importCurl(text));
            }
        });
        url.getStyleClass().add("mono");
        HBox.setHgrow(url, Priority.ALWAYS);
        send.setId("send-request");
        send.getStyleClass().add("accent");
        send.textProperty().bind(Bindings.when(presenter.sending()).then("Cancel").otherwise("Send"));
        send.setOnAction(e -> {
            if (presenter.sending().get()) {
                presenter.cancel();
            } else {
                presenter.send();
            }
        });
        MenuButton more = new MenuButton(null, new FontIcon("fth-more-horizontal"));
        more.setId("request-more");
        MenuItem copyCurl = new MenuItem("Copy as cURL", new FontIcon("fth-terminal"));
        copyCurl.setId("copy-curl");
        copyCurl.setOnAction(e -> copy(curlOf(presenter, defaultRegion.get())));
        MenuItem pasteCurl = new MenuItem("Replace with cURL from clipboard", new FontIcon("fth-clipboard"));
        pasteCurl.setId("paste-curl");
        pasteCurl.setOnAction(e -> importCurl(Clipboard.getSystemClipboard().getString()));
        more.getItems().addAll(copyCurl, pasteCurl);
        if (saver != null) {
            MenuItem save = new MenuItem("Save to the open collection", new FontIcon("fth-save"));
            save.setId("save-to-collection");
            save.setOnAction(e -> saver.accept(presenter.spec()));
            more.getItems().add(0, save);
        }
        HBox bar = new HBox(6, method, url, send, more);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6));

        TabPane editor = new TabPane(
                new Tab("Params", scroll(paramsPane())),
                new Tab("Headers", scroll(new ParamRowsEditor(presenter.headers(), "Header", "Value", false,
                        "No headers."))),
                new Tab("Body", bodyPane()),
                new Tab("Auth", scroll(authPane())),
                new Tab("Settings", settingsPane()));
        editor.setId("request-editor");
        editor.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        response = new ResponseView(presenter);
        SplitPane requestAndResponse = new SplitPane(editor, response);
        requestAndResponse.setOrientation(Orientation.VERTICAL);
        requestAndResponse.setDividerPositions(0.4);
        history = new HistoryView(historyPresenter, entry -> presenter.load(entry.request()), presenter::replay);
        SplitPane main = new SplitPane(requestAndResponse, history);
        main.setDividerPositions(0.74);
        SplitPane.setResizableWithParent(history, false);
        setTop(bar);
        setCenter(main);
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (SEND.match(e)) {
                if (!presenter.sending().get()) {
                    presenter.send();
                }
                e.consume();
            }
        });
    }

    private Node paramsPane() {
        Label path = new Label("Path parameters");
        path.getStyleClass().add("text-bold");
        Label query = new Label("Query parameters");
        query.getStyleClass().add("text-bold");
        VBox box = new VBox(6, path, new ParamRowsEditor(presenter.pathParameters(), "Name", "Value", true,
                "No {parameters} in the URL path."), query,
                new ParamRowsEditor(presenter.query(), "Name", "Value", false, "No query parameters."));
        box.setPadding(new Insets(8));
        return box;
    }

    private Node bodyPane() {
        ComboBox<Body.Mode> mode = new ComboBox<>();
        mode.setId("body-mode");
        mode.getItems().setAll(Body.Mode.NONE, Body.Mode.JSON, Body.Mode.TEXT, Body.Mode.XML,
                Body.Mode.FORM_URLENCODED, Body.Mode.MULTIPART_FORM);
        mode.valueProperty().bindBidirectional(presenter.bodyMode());
        Button format = new Button("Format JSON", new FontIcon("fth-align-left"));
        format.setOnAction(e -> presenter.formatBody());
        format.visibleProperty().bind(presenter.bodyMode().isEqualTo(Body.Mode.JSON));
        bodyProblem.setId("body-problem");
        bodyProblem.getStyleClass().add("request-problem");
        bodyProblem.textProperty().bind(Bindings.createStringBinding(() -> presenter.bodyMode().get() == Body.Mode.JSON
                && !presenter.bodyText().get().contains("{{") ? JsonText.problem(presenter.bodyText().get()) : null,
                presenter.bodyMode(), presenter.bodyText()));
        HBox tools = new HBox(8, mode, format, bodyProblem);
        tools.setAlignment(Pos.CENTER_LEFT);
        bodyText.setId("request-body");
        bodyText.getStyleClass().add("mono");
        bodyText.textProperty().bindBidirectional(presenter.bodyText());
        ParamRowsEditor form = new ParamRowsEditor(presenter.formFields(), "Field", "Value (@file for a file)", false,
                "No form fields.");
        Label none = new Label("This request has no body.");
        none.getStyleClass().add("muted");
        bodyText.visibleProperty().bind(Bindings.createBooleanBinding(() -> switch (presenter.bodyMode().get()) {
            case JSON, TEXT, XML -> true;
            default -> false;
        }, presenter.bodyMode()));
        form.visibleProperty().bind(presenter.bodyMode().isEqualTo(Body.Mode.FORM_URLENCODED)
                .or(presenter.bodyMode().isEqualTo(Body.Mode.MULTIPART_FORM)));
        none.visibleProperty().bind(presenter.bodyMode().isEqualTo(Body.Mode.NONE));
        StackPane content = new StackPane(bodyText, scroll(form), none);
        StackPane.setAlignment(none, Pos.TOP_LEFT);
        VBox.setVgrow(content, Priority.ALWAYS);
        VBox box = new VBox(6, tools, content);
        box.setPadding(new Insets(8));
        return box;
    }

    private Node authPane() {
        ComboBox<AuthKind> kind = new ComboBox<>();
        kind.setId("auth-kind");
        kind.getItems().setAll(AuthKind.values());
        kind.valueProperty().bindBidirectional(presenter.auth().kind());

        GridPane apiKey = grid();
        TextField keyName = bound(new TextField(), presenter.auth().apiKeyName());
        ComboBox<String> keyValue = new ComboBox<>(presenter.auth().offeredApiKeys());
        keyValue.setId("api-key-value");
        keyValue.setEditable(true);
        keyValue.valueProperty().bindBidirectional(presenter.auth().apiKeyValue());
        keyValue.setPromptText("the key, or {{apiKey}}");
        keyValue.setMaxWidth(Double.MAX_VALUE);
        ComboBox<Auth.ApiKey.Placement> placement = new ComboBox<>();
        placement.getItems().setAll(Auth.ApiKey.Placement.values());
        placement.valueProperty().bindBidirectional(presenter.auth().apiKeyPlacement());
        apiKey.addRow(0, new Label("Name"), keyName);
        apiKey.addRow(1, new Label("Value"), keyValue);
        apiKey.addRow(2, new Label("Send as"), placement);

        GridPane bearer = grid();
        TextField token = bound(new TextField(), presenter.auth().bearerToken());
        token.setId("bearer-token");
        token.setPromptText("JWT or access token, or {{token}}");
        bearer.addRow(0, new Label("Token"), token);

        GridPane basic = grid();
        PasswordField password = new PasswordField();
        password.textProperty().bindBidirectional(presenter.auth().basicPassword());
        basic.addRow(0, new Label("User"), bound(new TextField(), presenter.auth().basicUser()));
        basic.addRow(1, new Label("Password"), password);

        GridPane sigV4 = grid();
        TextField region = bound(new TextField(), presenter.auth().sigV4Region());
        region.setPromptText("from the URL, else the connection's");
        TextField profile = bound(new TextField(), presenter.auth().sigV4Profile());
        profile.setPromptText("the active connection");
        sigV4.addRow(0, new Label("Service"), bound(new TextField(), presenter.auth().sigV4Service()));
        sigV4.addRow(1, new Label("Region"), region);
        sigV4.addRow(2, new Label("Profile"), profile);
        Label note = new Label("Signed by the AWS SDK's signer with credentials from the connection or profile; "
                + "they are never stored. If they cannot be had, nothing is sent.");
        note.setWrapText(true);
        note.getStyleClass().add("muted");
        sigV4.add(note, 0, 3, 2, 1);

        apiKey.visibleProperty().bind(presenter.auth().kind().isEqualTo(AuthKind.API_KEY));
        bearer.visibleProperty().bind(presenter.auth().kind().isEqualTo(AuthKind.BEARER));
        basic.visibleProperty().bind(presenter.auth().kind().isEqualTo(AuthKind.BASIC));
        sigV4.visibleProperty().bind(presenter.auth().kind().isEqualTo(AuthKind.SIGV4));
        StackPane details = new StackPane(apiKey, bearer, basic, sigV4);
        details.getChildren().forEach(n -> StackPane.setAlignment(n, Pos.TOP_LEFT));
        VBox box = new VBox(8, kind, details);
        box.setPadding(new Insets(8));
        return box;
    }

    private Node settingsPane() {
        javafx.scene.control.Spinner<Integer> timeout = new javafx.scene.control.Spinner<>(1, 900,
                presenter.timeoutSeconds().get());
        timeout.setId("request-timeout");
        timeout.setEditable(true);
        timeout.valueProperty().addListener((obs, old, value) -> presenter.timeoutSeconds().set(value));
        GridPane grid = grid();
        grid.addRow(0, new Label("Timeout (seconds)"), timeout);
        Label note = new Label("Time to wait for the response headers. API Gateway itself gives up after 29 s "
                + "(REST) or 30 s (HTTP APIs).");
        note.setWrapText(true);
        note.getStyleClass().add("muted");
        grid.add(note, 0, 1, 2, 1);
        grid.setPadding(new Insets(8));
        return grid;
    }

    private void importCurl(String text) {
        try {
            presenter.load(CurlParser.parse(text == null ? "" : text));
        } catch (IllegalArgumentException e) {
            presenter.problem().set("Could not read the cURL command: " + e.getMessage());
        }
    }

    /** The request with variables resolved when they all have values, else as written. */
    static String curlOf(RequestPresenter presenter, String defaultRegion) {
        RequestSpec spec = presenter.spec();
        try {
            spec = presenter.resolved(spec);
        } catch (IllegalArgumentException unresolved) {
            // copy it as written; the {{names}} show what is missing
        }
        return CurlWriter.write(spec, defaultRegion);
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.setMaxWidth(560);
        return grid;
    }

    private static TextField bound(TextField field, javafx.beans.property.StringProperty property) {
        field.textProperty().bindBidirectional(property);
        GridPane.setHgrow(field, Priority.ALWAYS);
        return field;
    }

    private static ScrollPane scroll(Node content) {
        ScrollPane pane = new ScrollPane(content);
        pane.setFitToWidth(true);
        return pane;
    }

    private static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    public RequestPresenter presenter() {
        return presenter;
    }

}
