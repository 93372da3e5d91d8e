package dev.dynagate.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynagate.ui.Operations;
import dev.dynagate.ui.UserMessage;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddIndexPresenterTest {
    private final Operations direct = new Operations(Runnable::run, Runnable::run, Clock.systemUTC());
    private final RecordingTableAdmin admin = new RecordingTableAdmin();

    private AddIndexPresenter form(boolean readOnly) {
        return new AddIndexPresenter(Fixtures.experiments(), () -> admin,
                e -> new UserMessage("failed: " + e.getMessage(), "", false), direct, readOnly);
    }

    @Test
    void theNewIndexIsCheckedAgainstTheIndexesTheTableHas() {
        AddIndexPresenter form = form(false);
        IndexDraft draft = form.draft();

        assertThat(draft.name().get()).isEqualTo("index1");
        assertThat(form.problem().get()).isEqualTo("Index index1: name the partition key.");
        draft.name().set("by-status");
        draft.keys().partitionName().set("site");
        assertThat(form.problem().get()).isEqualTo("The table already has an index named by-status.");
        draft.name().set("by-site-status");
        draft.keys().partitionType().set(KeyType.N);
        assertThat(form.problem().get()).isEqualTo("Index by-site-status: site is N here but S in index by-site; an "
                + "attribute has one type in every key.");
        draft.keys().partitionType().set(KeyType.S);
        draft.keys().hasSortKey().set(true);
        draft.keys().sortName().set("status");
        assertThat(form.problem().get()).isNull();
        draft.kind().set(TableDescription.IndexKind.LSI);
        assertThat(form.problem().get()).startsWith("A local index can only be made with its table");
    }

    @Test
    void addSendsTheGlobalIndexOnTheTablesName() {
        AddIndexPresenter form = form(false);
        form.draft().name().set("bySite");
        form.draft().keys().partitionName().set("site");
        form.draft().projection().set(IndexDraft.Projection.INCLUDE);
        form.draft().included().set("heartRate");

        assertThat(form.add().join()).isEqualTo("bySite");
        assertThat(admin.calls).containsExactly("add index bySite to Experiments");
        assertThat(admin.addedIndexes).containsExactly(new TableAdmin.IndexSpec("bySite", TableDescription.IndexKind.GSI,
                new TableDescription.Key("site", KeyType.S), null, "INCLUDE", List.of("heartRate")));
    }

    @Test
    void aReadOnlyConnectionAddsNothing() {
        AddIndexPresenter form = form(true);
        form.draft().keys().partitionName().set("site");

        assertThat(form.problem().get()).startsWith("This connection is read-only");
        assertThatThrownBy(() -> form.add().join()).hasMessageContaining("read-only");
        assertThat(admin.calls).isEmpty();
    }
}
