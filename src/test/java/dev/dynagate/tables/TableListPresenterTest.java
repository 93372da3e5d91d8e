package dev.dynagate.tables;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynagate.ui.Operations;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableListPresenterTest {
    @TempDir
    Path config;

    private final Operations direct = new Operations(Runnable::run, Runnable::run, Clock.systemUTC());
    private final List<String> described = new ArrayList<>();

    private TableDescriber describer() {
        return name -> {
            described.add(name);
            TableDescription base = Fixtures.experiments();
            return new TableDescription(name, base.arn(), base.status(), base.created(), base.keys(), base.indexes(),
                    base.billingMode(), null, null, null, null, name.length() * 1000L, name.length() * 2048L);
        };
    }

    @Test
    void describesEachVisibleTableOnceAndShowsCountAndSize() {
        TableListPresenter list = new TableListPresenter(direct, new TablePreferences(config, Runnable::run));
        list.show("sandbox", this::describer);

        list.visible("Orders");
        list.visible("Orders");

        assertThat(described).containsExactly("Orders");
        assertThat(list.summaries().get("Orders").text()).isEqualTo("~6,000 items · 12.0 KB");

        list.refresh();
        assertThat(list.summaries()).isEmpty();
        list.visible("Orders");
        assertThat(described).containsExactly("Orders", "Orders");
    }

    @Test
    void recentlyOpenedTablesComeFirstAndAreRememberedPerConnection() {
        TableListPresenter list = new TableListPresenter(direct, new TablePreferences(config, Runnable::run));
        list.show("sandbox", this::describer);
        list.opened("Subjects");
        list.opened("Orders");

        List<String> names = new ArrayList<>(List.of("AuditLog", "Experiments", "Orders", "Subjects"));
        names.sort(list.order().get());
        assertThat(names).containsExactly("Orders", "Subjects", "AuditLog", "Experiments");

        TableListPresenter later = new TableListPresenter(direct, new TablePreferences(config, Runnable::run));
        later.show("sandbox", this::describer);
        names.sort(later.order().get());
        assertThat(names).containsExactly("Orders", "Subjects", "AuditLog", "Experiments");

        later.show("profile:prod", this::describer);
        names.sort(later.order().get());
        assertThat(names).containsExactly("AuditLog", "Experiments", "Orders", "Subjects");
    }
}
