package dev.dynagate.tables;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynagate.ui.Operations;
import dev.dynagate.ui.UserMessage;
import java.time.Clock;
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

        assertThat(admin.calls).containsExactly("capacity Experiments 10/5");
    }

    @Test
    void aProvisionedTableStartsFromItsUnitsAndSaysWhenNothingWouldChange() {
        CapacityPresenter form = form(provisioned(7, 3));

        assertThat(form.capacity().onDemand().get()).isFalse();
        assertThat(form.capacity().readUnits().get()).isEqualTo(7);
        assertThat(form.problem().get()).isEqualTo("The table already has 7 read and 3 write units.");
        form.capacity().writeUnits().set(0);
        assertThat(form.problem().get()).isEqualTo("Provisioned capacity is at least 1 read and 1 write unit.");
        form.capacity().onDemand().set(true);
        assertThat(form.problem().get()).isNull();

        form.apply().join();

        assertThat(admin.calls).containsExactly("capacity Experiments on demand");
    }
}
