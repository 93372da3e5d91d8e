package dev.dynagate.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynagate.ui.Operations;
import dev.dynagate.ui.UserMessage;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

class NewTablePresenterTest {
    private final Operations direct = new Operations(Runnable::run, Runnable::run, Clock.systemUTC());
    private final RecordingTableAdmin admin = new RecordingTableAdmin();
    private final List<TableAdmin.Spec> created = admin.created;

    private NewTablePresenter form(boolean readOnly) {
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
        form.keys().sortName().set("pk");
        assertThat(form.problem().get()).isEqualTo("The sort key needs another name than the partition key.");
        form.keys().hasSortKey().set(false);
        assertThat(form.problem().get()).isNull();
        form.keys().partitionName().set("");
        assertThat(form.problem().get()).isEqualTo("Name the partition key.");
        form.keys().partitionName().set("k".repeat(256));
        assertThat(form.problem().get()).isEqualTo("A key name is 255 bytes at most.");
        form.keys().partitionName().set("id");
        form.capacity().onDemand().set(false);
        form.capacity().readUnits().set(0);
        assertThat(form.problem().get()).isEqualTo("Provisioned capacity is at least 1 read and 1 write unit.");
    }

    @Test
    void createSendsTheTableAsTheFormDescribesIt() {
        NewTablePresenter form = form(false);
        form.name().set("  Orders ");
        form.keys().partitionName().set("customer");
        form.keys().sortType().set(KeyType.N);
        form.keys().sortName().set("placedAt");
        form.capacity().onDemand().set(false);
        form.capacity().readUnits().set(10);
        form.capacity().writeUnits().set(3);

        String name = form.create().join();

        assertThat(name).isEqualTo("Orders");
        assertThat(admin.calls).as("nothing but the table is created").containsExactly("create Orders");
        assertThat(created).containsExactly(new TableAdmin.Spec("Orders",
                new TableDescription.Key("customer", KeyType.S), new TableDescription.Key("placedAt", KeyType.N),
                false, 10, 3));
        assertThat(form.stream().get()).as("no stream unless asked").isEqualTo(NewTablePresenter.NO_STREAM);

        form.name().set("Watched");
        form.stream().set("NEW_AND_OLD_IMAGES");
        form.create().join();
        assertThat(created.get(1).stream()).isEqualTo("NEW_AND_OLD_IMAGES");
    }

    @Test
    void aReadOnlyConnectionCreatesNothing() {
        NewTablePresenter form = form(true);
        form.name().set("Orders");

        assertThat(form.problem().get()).startsWith("This connection is read-only");
        assertThatThrownBy(() -> form.create().join()).hasMessageContaining("read-only");
        assertThat(created).isEmpty();
    }

    @Test
    void indexesAreCheckedAgainstDynamoDbsRulesAsTheUserTypes() {
        NewTablePresenter form = form(false);
        form.name().set("Orders");
        IndexDraft first = form.addIndex();
        assertThat(first.name().get()).isEqualTo("index1");
        assertThat(form.problem().get()).isEqualTo("Index index1: name the partition key.");
        first.keys().partitionName().set("status");
        assertThat(form.problem().get()).isNull();

        first.name().set("ix");
        assertThat(form.problem().get())
                .isEqualTo("Index ix: an index name is 3 to 255 letters, digits, '_', '-' or '.'.");
        first.name().set("byStatus");
        IndexDraft second = form.addIndex();
        second.name().set("byStatus");
        second.keys().partitionName().set("total");
        assertThat(form.problem().get()).isEqualTo("Two indexes are named byStatus.");
        second.name().set("byTotal");
        second.keys().hasSortKey().set(true);
        second.keys().sortName().set("status");
        second.keys().sortType().set(KeyType.N);
        assertThat(form.problem().get()).isEqualTo("Index byTotal: status is N here but S in index byStatus; an "
                + "attribute has one type in every key.");
        second.keys().sortType().set(KeyType.S);
        second.projection().set(IndexDraft.Projection.INCLUDE);
        assertThat(form.problem().get())
                .isEqualTo("Index byTotal: list the attributes to include, separated by commas.");
        second.included().set("note, note");
        assertThat(form.problem().get()).isEqualTo("Index byTotal: an included attribute is named twice.");
        second.included().set(" note , ,placedBy");
        assertThat(form.problem().get()).isNull();

        second.kind().set(TableDescription.IndexKind.LSI);
        assertThat(second.keys().hasSortKey().get()).as("a local index always has a sort key").isTrue();
        form.keys().hasSortKey().set(false);
        assertThat(form.problem().get()).isEqualTo("Index byTotal: a local index needs a table with a sort key.");
        form.keys().hasSortKey().set(true);
        assertThat(form.problem().get()).isNull();
        second.keys().sortName().set("pk");
        assertThat(form.problem().get())
                .isEqualTo("Index byTotal: the sort key needs another name than the partition key.");
        second.keys().sortName().set("status");
        form.removeIndex(first);
        assertThat(form.indexes()).containsExactly(second);
    }

    @Test
    void theTablesIndexLimitsAreCheckedBeforeAnythingIsSent() {
        NewTablePresenter form = form(false);
        form.name().set("Orders");
        for (int i = 0; i < 6; i++) {
            IndexDraft local = form.addIndex();
            local.kind().set(TableDescription.IndexKind.LSI);
            local.keys().sortName().set("s" + i);
        }
        assertThat(form.problem().get()).isEqualTo("A table has at most 5 local indexes.");
        form.removeIndex(form.indexes().get(5));
        for (int i = 0; i < 21; i++) {
            form.addIndex().keys().partitionName().set("g" + i);
        }
        assertThat(form.problem().get()).isEqualTo("A table has at most 20 global indexes.");
        form.removeIndex(form.indexes().get(25));
        assertThat(form.problem().get()).isNull();
        for (IndexDraft index : form.indexes()) {
            index.projection().set(IndexDraft.Projection.INCLUDE);
            index.included().set("a, b, c, d, e");
        }
        assertThat(form.problem().get()).isEqualTo("The indexes include 125 attributes; DynamoDB allows 100 across "
                + "a table's indexes.");
    }

    @Test
    void createSendsTheIndexesWithTheTable() {
        NewTablePresenter form = form(false);
        form.name().set("Orders");
        form.keys().partitionName().set("customer");
        IndexDraft global = form.addIndex();
        global.name().set("byStatus");
        global.keys().partitionName().set("status");
        global.projection().set(IndexDraft.Projection.KEYS_ONLY);
        IndexDraft local = form.addIndex();
        local.kind().set(TableDescription.IndexKind.LSI);
        local.name().set("byTotal");
        local.keys().sortName().set("total");
        local.keys().sortType().set(KeyType.N);
        local.projection().set(IndexDraft.Projection.INCLUDE);
        local.included().set("status, note");

        form.create().join();

        assertThat(created).singleElement().satisfies(spec -> assertThat(spec.indexes()).containsExactly(
                new TableAdmin.IndexSpec("byStatus", TableDescription.IndexKind.GSI,
                        new TableDescription.Key("status", KeyType.S), null, "KEYS_ONLY", List.of()),
                new TableAdmin.IndexSpec("byTotal", TableDescription.IndexKind.LSI,
                        new TableDescription.Key("customer", KeyType.S), new TableDescription.Key("total", KeyType.N),
                        "INCLUDE", List.of("status", "note"))));
    }
}
