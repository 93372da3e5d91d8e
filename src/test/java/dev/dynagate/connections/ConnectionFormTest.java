package dev.dynagate.connections;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class ConnectionFormTest {

    @Test
    void newEndpointNeedsNameAndHttpUrl() {
        ConnectionForm form = new ConnectionForm(Connection.Kind.ENDPOINT, " ", "ftp://x", "us-east-1", null, null,
                EnvironmentColour.BLUE, false);

        assertThat(form.problems()).containsExactly("Give the connection a name.",
                "The endpoint must be an http:// or https:// URL with a host, such as http://localhost:4566.");
    }

    @Test
    void badRegionIsNamed() {
        ConnectionForm form = ConnectionForm.of(Connection.profile("dev", "eu-wset1"));

        assertThat(form.problems()).containsExactly("'eu-wset1' is not a region code; use one such as us-east-1.");
    }

    @Test
    void profileWithoutRegionMustPickOne() {
        assertThat(ConnectionForm.of(Connection.profile("dev", null)).problems())
                .containsExactly("Pick a region: the profile does not set one.");
    }

    @Test
    void appliesEndpointFields() {
        ConnectionForm form = new ConnectionForm(Connection.Kind.ENDPOINT, "Stack ", " http://localhost:4566 ",
                "eu-west-1", " ", "AKIA1", EnvironmentColour.ORANGE, true);

        Connection created = form.apply(null);

        assertThat(form.problems()).isEmpty();
        assertThat(created.name()).isEqualTo("Stack");
        assertThat(created.endpoint()).isEqualTo(URI.create("http://localhost:4566"));
        assertThat(created.profile()).isNull();
        assertThat(created.accessKeyId()).isEqualTo("AKIA1");
        assertThat(created.colour()).isEqualTo(EnvironmentColour.ORANGE);
        assertThat(created.readOnly()).isTrue();
    }

    @Test
    void editingAProfileKeepsItsIdentity() {
        Connection original = Connection.profile("dev", "eu-west-1");
        ConnectionForm form = new ConnectionForm(Connection.Kind.PROFILE, "ignored", "", "us-west-2", "dev", null,
                EnvironmentColour.RED, true);

        Connection edited = form.apply(original);

        assertThat(edited.id()).isEqualTo(original.id());
        assertThat(edited.name()).isEqualTo("dev");
        assertThat(edited.region()).isEqualTo("us-west-2");
        assertThat(edited.readOnly()).isTrue();
    }
}
