package dev.dynagate.requests;

import dev.dynagate.requests.history.HistoryEntry;
import dev.dynagate.requests.history.HistoryPresenter;
import dev.dynagate.requests.history.ResponseDiff;
import dev.dynagate.requests.model.Body;
import dev.dynagate.requests.model.KeyValue;
import dev.dynagate.requests.model.RequestFailure;
import dev.dynagate.requests.model.RequestSpec;
import dev.dynagate.ui.LatestOnly;
import dev.dynagate.ui.Operations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * One request tab: the request being edited (method, URL with its query table kept in sync, path parameters,
 * headers, body, auth), sending it, the response or the failure, and a replay's diff against an earlier response.
 */
public final class RequestPresenter {
    private static final Pattern PATH_PARAMETER = Pattern.compile("(?<!\\{)\\{([A-Za-z0-9_.-]+)(\\+?)}(?!})");

    private final HttpRequestSender sender;
    private final Supplier<Map<String, String>> variables;
    private final HistoryPresenter history;
    private final SendGuard guard;
    private final Operations operations;
    private final LatestOnly latest = new LatestOnly();

    private final StringProperty name = new SimpleStringProperty();
    private final StringProperty method = new SimpleStringProperty("GET");
    private final StringProperty url = new SimpleStringProperty("");
    private final ObservableList<ParamRow> query = ParamRow.observableList();
    private final ObservableList<ParamRow> pathParameters = ParamRow.observableList();
    private final ObservableList<ParamRow> headers = ParamRow.observableList();
    private final ObjectProperty<Body.Mode> bodyMode = new SimpleObjectProperty<>(Body.Mode.NONE);
    private final StringProperty bodyText = new SimpleStringProperty("");
    private final ObservableList<ParamRow> formFields = ParamRow.observableList();
    private final AuthForm auth = new AuthForm();
    private final javafx.beans.property.IntegerProperty timeoutSeconds =
            new javafx.beans.property.SimpleIntegerProperty((int) HttpRequestSender.DEFAULT_TIMEOUT.toSeconds());
    private final BooleanProperty sending = new SimpleBooleanProperty();
    private final ObjectProperty<Exchange> exchange = new SimpleObjectProperty<>();
    private final ObjectProperty<ResponseBody> responseBody = new SimpleObjectProperty<>();
    private final StringProperty problem = new SimpleStringProperty();
    private final ObjectProperty<HistoryEntry> replayOf = new SimpleObjectProperty<>();
    private final ObservableList<ResponseDiff.Change> diff = FXCollections.observableArrayList();
    private CompletableFuture<Exchange> inFlight;
    private boolean syncing;

    public RequestPresenter(HttpRequestSender sender, Supplier<Map<String, String>> variables,
                            HistoryPresenter history, Operations operations) {
        this(sender, variables, history, SendGuard.NONE, operations);
    }

    public RequestPresenter(HttpRequestSender sender, Supplier<Map<String, String>> variables,
                            HistoryPresenter history, SendGuard guard, Operations operations) {
        this.sender = sender;
        this.variables = variables;
        this.history = history;
        this.guard = guard;
        this.operations = operations;
        url.addListener((obs, old, text) -> urlEdited(text));
        query.addListener((ListChangeListener<ParamRow>) change -> queryEdited());
    }

    /** Fills the editor from a saved or prefilled request. */
    public void load(RequestSpec spec) {
        name.set(spec.name());
        method.set(spec.method() == null ? "GET" : spec.method());
        url.set(spec.url() == null ? "" : spec.url());
        headers.setAll(spec.headers().stream().map(ParamRow::of).toList());
        bodyMode.set(spec.body().mode());
        bodyText.set(spec.body().text() == null ? "" : spec.body().text());
        formFields.setAll(spec.body().fields().stream().map(ParamRow::of).toList());
        auth.load(spec.auth());
        exchange.set(null);
        responseBody.set(null);
        problem.set(null);
        replayOf.set(null);
        diff.clear();
    }

    /** The request as edited: path parameters filled in, {{variables}} still unresolved. */
    public RequestSpec spec() {
        return new RequestSpec(name.get(), method.get(), fillPathParameters(url.get()),
                headers.stream().filter(r -> !r.isBlank()).map(ParamRow::toKeyValue).toList(), body(), auth.toAuth(),
                List.of(), List.of(), null);
    }

    private Body body() {
        return switch (bodyMode.get()) {
            case NONE -> Body.NONE;
            case FORM_URLENCODED, MULTIPART_FORM -> new Body(bodyMode.get(), null,
                    formFields.stream().filter(r -> !r.isBlank()).map(ParamRow::toKeyValue).toList(), null);
            case FILE -> new Body(Body.Mode.FILE, null, List.of(), bodyText.get());
            default -> new Body(bodyMode.get(), bodyText.get(), List.of(), null);
        };
    }

    /** Sends the request; the response or a readable problem lands in the properties. */
    public CompletableFuture<Exchange> send() {
        return send(null);
    }

    /** Loads an earlier request, sends it again and diffs the answer against the earlier response. */
    public CompletableFuture<Exchange> replay(HistoryEntry earlier) {
        load(earlier.request());
        return send(earlier);
    }

    private CompletableFuture<Exchange> send(HistoryEntry earlier) {
        problem.set(null);
        diff.clear();
        replayOf.set(earlier);
        RequestSpec edited = spec();
        RequestSpec resolved;
        try {
            Matcher unfilled = PATH_PARAMETER.matcher(QueryStrings.withoutQuery(edited.url()));
            if (unfilled.find()) {
                throw new IllegalArgumentException("The path parameter {" + unfilled.group(1) + unfilled.group(2)
                        + "} has no value: fill it in on the Params tab. Nothing was sent.");
            }
            if (bodyMode.get() == Body.Mode.JSON) {
                String bodyProblem = JsonText.problem(Variables.of(variables.get()).resolve(bodyText.get(), "body"));
                if (bodyProblem != null) {
                    throw new IllegalArgumentException(bodyProblem + " Nothing was sent.");
                }
            }
            resolved = Variables.of(variables.get()).resolve(edited);
            String refusal = guard.refusal(resolved);
            if (refusal != null) {
                throw new IllegalArgumentException(refusal);
            }
        } catch (IllegalArgumentException | RequestFailure e) {
            problem.set(e.getMessage());
            return CompletableFuture.failedFuture(e);
        }
        long ticket = latest.next();
        sending.set(true);
        CompletableFuture<Exchange> call = sender.withTimeout(java.time.Duration.ofSeconds(
                Math.max(1, timeoutSeconds.get()))).exchange(resolved);
        inFlight = call;
        latest.attach(ticket, call);
        operations.track(resolved.method() + " " + QueryStrings.withoutQuery(resolved.url()), call, call);
        // formatting and diffing megabytes happens off the UI thread
        CompletableFuture<Shown> shown = call.thenApplyAsync(done -> new Shown(ResponseBody.of(done.response()),
                earlier == null ? List.of() : ResponseDiff.compare(earlier, done.response())), operations.background());
        CompletableFuture<Exchange> finished = shown.handleAsync((prepared, error) -> {
            if (error != null) {
                if (latest.isCurrent(ticket)) {
                    sending.set(false);
                    problem.set(describe(error));
                }
                throw error instanceof CompletionException completion ? completion : new CompletionException(error);
            }
            Exchange result = call.join();
            if (latest.isCurrent(ticket)) {
                sending.set(false);
                responseBody.set(prepared.body());
                exchange.set(result);
                diff.setAll(prepared.diff());
                if (history != null) {
                    history.record(edited, result);
                }
            }
            return result;
        }, operations.ui());
        finished.whenComplete((value, error) -> {
            if (finished.isCancelled()) {
                call.cancel(true);
            }
        });
        return finished;
    }

    /** The request with its {{variables}} replaced; throws naming the first one without a value. */
    public RequestSpec resolved(RequestSpec spec) {
        return Variables.of(variables.get()).resolve(spec);
    }

    private record Shown(ResponseBody body, List<ResponseDiff.Change> diff) {
    }

    public void cancel() {
        CompletableFuture<Exchange> call = inFlight;
        if (call != null) {
            call.cancel(true);
        }
        if (sending.get()) {
            sending.set(false);
            problem.set("Cancelled.");
        }
    }

    private static String describe(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof CancellationException) {
            return "Cancelled.";
        }
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }

    /** Re-indents a JSON body; leaves it alone (and says why) when it is not valid JSON. */
    public void formatBody() {
        String bodyProblem = JsonText.problem(bodyText.get());
        if (bodyProblem != null) {
            problem.set(bodyProblem);
        } else {
            bodyText.set(JsonText.pretty(bodyText.get()));
            problem.set(null);
        }
    }

    /** API key values the route's stage accepts, offered in the auth editor. */
    public void offerApiKeys(List<String> keys) {
        auth.offeredApiKeys().setAll(keys);
    }

    private void urlEdited(String text) {
        if (syncing) {
            return;
        }
        syncing = true;
        try {
            List<ParamRow> rows = new ArrayList<>(QueryStrings.parse(text).stream().map(ParamRow::of).toList());
            query.stream().filter(r -> !r.enabled().get()).forEach(rows::add);
            query.setAll(rows);
            syncPathParameters(QueryStrings.withoutQuery(text));
        } finally {
            syncing = false;
        }
    }

    private void queryEdited() {
        if (syncing) {
            return;
        }
        syncing = true;
        try {
            url.set(QueryStrings.build(url.get(), query.stream().map(ParamRow::toKeyValue).toList()));
        } finally {
            syncing = false;
        }
    }

    private void syncPathParameters(String path) {
        Map<String, String> previous = new LinkedHashMap<>();
        pathParameters.forEach(r -> previous.put(r.key().get(), r.value().get()));
        List<ParamRow> rows = new ArrayList<>();
        Matcher matcher = PATH_PARAMETER.matcher(path);
        while (matcher.find()) {
            String param = matcher.group(1);
            if (rows.stream().noneMatch(r -> r.key().get().equals(param))) {
                rows.add(new ParamRow(param, previous.getOrDefault(param, ""), true));
            }
        }
        if (!rows.stream().map(r -> r.key().get()).toList().equals(pathParameters.stream().map(r -> r.key().get()).toList())) {
            pathParameters.setAll(rows);
        }
    }

    /** {@code {id}} → its encoded value; {@code {proxy+}} keeps slashes. Empty values leave the braces in. */
    String fillPathParameters(String template) {
        if (template == null || pathParameters.isEmpty()) {
            return template;
        }
        int q = template.indexOf('?');
        String path = q < 0 ? template : template.substring(0, q);
        String rest = q < 0 ? "" : template.substring(q);
        Matcher matcher = PATH_PARAMETER.matcher(path);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = pathParameters.stream().filter(r -> r.key().get().equals(matcher.group(1)) && r.enabled().get())
                    .map(r -> r.value().get()).findFirst().orElse("");
            String replacement = value.isEmpty() ? matcher.group() : matcher.group(2).isEmpty()
                    ? RequestUrls.encode(value) : RequestUrls.encode(value).replace("%2F", "/");
            if (value.contains("{{")) {
                replacement = value;
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out + rest;
    }

    public List<KeyValue> enabledHeaders() {
        return headers.stream().filter(r -> r.enabled().get() && !r.isBlank()).map(ParamRow::toKeyValue).toList();
    }

    public StringProperty name() { return name; }
    public StringProperty method() { return method; }
    public StringProperty url() { return url; }
    public ObservableList<ParamRow> query() { return query; }
    public ObservableList<ParamRow> pathParameters() { return pathParameters; }
    public ObservableList<ParamRow> headers() { return headers; }
    public ObjectProperty<Body.Mode> bodyMode() { return bodyMode; }
    public StringProperty bodyText() { return bodyText; }
    public ObservableList<ParamRow> formFields() { return formFields; }
    public AuthForm auth() { return auth; }
    public BooleanProperty sending() { return sending; }
    public javafx.beans.property.IntegerProperty timeoutSeconds() { return timeoutSeconds; }
    public ObjectProperty<Exchange> exchange() { return exchange; }
    public ObjectProperty<ResponseBody> responseBody() { return responseBody; }
    public StringProperty problem() { return problem; }
    public ObjectProperty<HistoryEntry> replayOf() { return replayOf; }
    public ObservableList<ResponseDiff.Change> diff() { return diff; }
}
