package dev.dynagate.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynagate.ui.Operations;
import dev.dynagate.ui.UserMessage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NewTablePresenterTest {
    private final Operations direct = new Operations(Runnable::run, Runnable::run, Clock.systemUTC());
    private final List<TableAdmin.Spec> created = new ArrayList<>();

    private NewTablePresenter form(boolean readOnly) {
        TableAdmin admin = new TableAdmin() {
            @Override
            public void create(Spec spec) {
                created.add(spec);
            }

            @Override
            public void delete(String table) {
                throw new AssertionError("the form never deletes");
            }

            @Override
            public void setTimeToLive(String table, String attribute, boolean enabled) {
                throw new AssertionError("the form sets no time to live");
            }
        };
        return new NewTablePresenter(() -> admin, e -> new UserMessage("failed: " + e.getMessage(), "", false),
                direct, readOnly);
    }

    @Test
    void theFormSaysWhatKeepsItFromBeingSentAsTheUserTypes() {
        NewTablePresenter form = form(false);

        assertThat(form.problem().get()).isEqualTo("Name the table.");
        form.name().set("ab");
        assertThat(form.problem().get()).isEqualTo("A table name is 3 to 255 letters, digits, '_', '-' or '.'.");
        form.name().set("Orders.v2-test_1");
        assertThat(form.problem().get()).isNull();
        form.sortName().set("pk");
        assertThat(form.problem().get()).isEqualTo("The sort key needs another name than the partition key.");
        form.hasSortKey().set(false);
        assertThat(form.problem().get()).isNull();
        form.partitionName().set("");
        assertThat(form.problem().get()).isEqualTo("Name the partition key.");
        form.partitionName().set("k".repeat(256));
        assertThat(form.problem().get()).isEqualTo("A key name is 255 bytes at most.");
        form.partitionName().set("id");
        form.onDemand().set(false);
        form.readUnits().set(0);
        assertThat(form.problem().get()).isEqualTo("Provisioned capacity is at least 1 read and 1 write unit.");
    }

    @Test
    void createSendsTheTableAsTheFormDescribesIt() {
        NewTablePresenter form = form(false);
        form.name().set("  Orders ");
        form.partitionName().set("customer");
        form.sortType().set(KeyType.N);
        form.sortName().set("placedAt");
        form.onDemand().set(false);
        form.readUnits().set(10);
        form.writeUnits().set(3);

        String name = form.create().join();

        assertThat(name).isEqualTo("Orders");
        assertThat(created).containsExactly(new TableAdmin.Spec("Orders",
                new TableDescription.Key("customer", KeyType.S), new TableDescription.Key("placedAt", KeyType.N),
                false, 10, 3));
    }

    @Test
    void aReadOnlyConnectionCreatesNothing() {
        NewTablePresenter form = form(true);
        form.name().set("Orders");

        assertThat(form.problem().get()).startsWith("This connection is read-only");
        assertThatThrownBy(() -> form.create().join()).hasMessageContaining("read-only");
        assertThat(created).isEmpty();
    }
}
