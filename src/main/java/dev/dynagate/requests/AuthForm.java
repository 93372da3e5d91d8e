package dev.dynagate.requests;

import dev.dynagate.requests.model.Auth;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The auth editor's fields: one set per kind, so switching kinds back and forth loses nothing typed. */
public final class AuthForm {
    private final ObjectProperty<AuthKind> kind = new SimpleObjectProperty<>(AuthKind.NONE);
    private final StringProperty apiKeyName = new SimpleStringProperty("x-api-key");
    private final StringProperty apiKeyValue = new SimpleStringProperty("");
    private final ObjectProperty<Auth.ApiKey.Placement> apiKeyPlacement =
            new SimpleObjectProperty<>(Auth.ApiKey.Placement.HEADER);
    private final ObservableList<String> offeredApiKeys = FXCollections.observableArrayList();
    private final StringProperty bearerToken = new SimpleStringProperty("");
    private final StringProperty basicUser = new SimpleStringProperty("");
    private final StringProperty basicPassword = new SimpleStringProperty("");
    private final StringProperty sigV4Service = new SimpleStringProperty("execute-api");
    private final StringProperty sigV4Region = new SimpleStringProperty("");
    private final StringProperty sigV4Profile = new SimpleStringProperty("");

    public void load(Auth auth) {
        if (auth instanceof Auth.ApiKey key) {
            kind.set(AuthKind.API_KEY);
            apiKeyName.set(key.name());
            apiKeyValue.set(key.value());
            apiKeyPlacement.set(key.placement());
        } else if (auth instanceof Auth.Bearer bearer) {
            kind.set(AuthKind.BEARER);
            bearerToken.set(bearer.token());
        } else if (auth instanceof Auth.Basic basic) {
            kind.set(AuthKind.BASIC);
            basicUser.set(basic.username());
            basicPassword.set(basic.password());
        } else if (auth instanceof Auth.SigV4 sigV4) {
            kind.set(AuthKind.SIGV4);
            sigV4Service.set(sigV4.service() == null ? "execute-api" : sigV4.service());
            sigV4Region.set(sigV4.region() == null ? "" : sigV4.region());
            sigV4Profile.set(sigV4.profile() == null ? "" : sigV4.profile());
        } else {
            kind.set(AuthKind.NONE);
        }
    }

    public Auth toAuth() {
        return switch (kind.get()) {
            case NONE -> Auth.NONE;
            case API_KEY -> new Auth.ApiKey(apiKeyName.get(), apiKeyValue.get(), apiKeyPlacement.get());
            case BEARER -> new Auth.Bearer(bearerToken.get());
            case BASIC -> new Auth.Basic(basicUser.get(), basicPassword.get());
            case SIGV4 -> new Auth.SigV4(blankToNull(sigV4Service.get()), blankToNull(sigV4Region.get()),
                    blankToNull(sigV4Profile.get()));
        };
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public ObjectProperty<AuthKind> kind() { return kind; }
    public StringProperty apiKeyName() { return apiKeyName; }
    public StringProperty apiKeyValue() { return apiKeyValue; }
    public ObjectProperty<Auth.ApiKey.Placement> apiKeyPlacement() { return apiKeyPlacement; }
    /** API key values the route's stage accepts, offered in the editor. */
    public ObservableList<String> offeredApiKeys() { return offeredApiKeys; }
    public StringProperty bearerToken() { return bearerToken; }
    public StringProperty basicUser() { return basicUser; }
    public StringProperty basicPassword() { return basicPassword; }
    public StringProperty sigV4Service() { return sigV4Service; }
    public StringProperty sigV4Region() { return sigV4Region; }
    public StringProperty sigV4Profile() { return sigV4Profile; }
}
