package dev.dynagate.tables;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynagate.ui.Operations;
import dev.dynagate.ui.UserMessage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CapacityPresenterTest {
    private final Operations direct = new Operations(Runnable::run, Runnable::run, Clock.systemUTC());
    private final RecordingTableAdmin admin = new RecordingTableAdmin();

    private CapacityPresenter form(TableDescription table) {
        return new CapacityPresenter(table, () -> admin, e -> new UserMessage("failed: " + e.getMessage(), "", false),
                direct);
    }

    private static TableDescription provisioned(long read, long write) {
        TableDescription base = Fixtures.experiments();
        return new TableDescription(base.name(), base.arn(), base.status(), base.created(), base.keys(),
                base.indexes(), "PROVISIONED", read, write, null, null, 0, 0);
    }

    @Test
    void anOnDemandTableStartsOnDemandAndMovesToTheUnitsTyped() {
        CapacityPresenter form = form(Fixtures.experiments());

        assertThat(form.capacity().onDemand().get()).isTrue();
        assertThat(form.problem().get()).isEqualTo("The table is already on demand.");
        form.capacity().onDemand().set(false);
        form.capacity().readUnits().set(10);
        assertThat(form.problem().get()).isNull();

        form.apply().join();

        assertThat(admin.calls).containsExactly("capacity Experiments 10/5, by-status 10/5");
    }

    @Test
    void aProvisionedTableStartsFromItsUnitsAndSaysWhenNothingWouldChange() {
        CapacityPresenter form = form(provisioned(7, 3));

        assertThat(form.capacity().onDemand().get()).isFalse();
        assertThat(form.capacity().readUnits().get()).isEqualTo(7);
        assertThat(form.problem().get()).isEqualTo("The table already has 7 read and 3 write units, and its indexes "
                + "the units shown.");
        form.capacity().writeUnits().set(0);
        assertThat(form.problem().get()).isEqualTo("Provisioned capacity is at least 1 read and 1 write unit.");
        form.capacity().onDemand().set(true);
        assertThat(form.problem().get()).isNull();

        form.apply().join();

        assertThat(admin.calls).containsExactly("capacity Experiments on demand");
    }

    private static TableDescription withIndexUnits(long read, long write) {
        TableDescription base = provisioned(7, 3);
        TableDescription.Index gsi = base.indexes().get(0);
        List<TableDescription.Index> indexes = new ArrayList<>(base.indexes());
        indexes.set(0, new TableDescription.Index(gsi.name(), gsi.kind(), gsi.keys(), gsi.projection(),
                gsi.nonKeyAttributes(), null, read, write));
        return new TableDescription(base.name(), base.arn(), base.status(), base.created(), base.keys(), indexes,
                "PROVISIONED", 7L, 3L, null, null, 0, 0);
    }

    @Test
    void aGlobalIndexKeepsUnitsOfItsOwnAndOnlyItsChangeIsAsked() {
        CapacityPresenter form = form(withIndexUnits(2, 1));

        assertThat(form.indexes()).extracting(CapacityPresenter.IndexUnits::name).containsExactly("by-status");
        CapacityPresenter.IndexUnits index = form.indexes().get(0);
        assertThat(index.readUnits().get()).isEqualTo(2);
        assertThat(index.writeUnits().get()).isEqualTo(1);
        assertThat(form.problem().get()).startsWith("The table already has 7 read and 3 write units");
        form.capacity().readUnits().set(8);
        assertThat(index.readUnits().get()).as("an index with units of its own keeps them").isEqualTo(2);
        form.capacity().readUnits().set(7);
        index.readUnits().set(4);
        assertThat(form.problem().get()).isNull();
        index.writeUnits().set(0);
        assertThat(form.problem().get()).isEqualTo("The index by-status needs at least 1 read and 1 write unit.");
        index.writeUnits().set(1);

        form.apply().join();

        assertThat(admin.calls).containsExactly("capacity Experiments 7/3, by-status 4/1");
    }

    @Test
    void leavingOnDemandTheIndexFollowsTheTableUntilItIsChanged() {
        CapacityPresenter form = form(Fixtures.experiments());
        CapacityPresenter.IndexUnits index = form.indexes().get(0);
        form.capacity().onDemand().set(false);

        form.capacity().readUnits().set(9);
        form.capacity().writeUnits().set(6);
        assertThat(index.readUnits().get()).isEqualTo(9);
        assertThat(index.writeUnits().get()).isEqualTo(6);
        index.writeUnits().set(2);
        form.capacity().writeUnits().set(7);
        assertThat(index.writeUnits().get()).as("changed by the user: it stays").isEqualTo(2);

        form.apply().join();

        assertThat(admin.calls).containsExactly("capacity Experiments 9/7, by-status 9/2");
    }
}
