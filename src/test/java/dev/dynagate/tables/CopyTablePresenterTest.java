package dev.dynagate.tables;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynagate.connections.Connection;
import dev.dynagate.tables.transfer.TableCopy;
import dev.dynagate.ui.Operation;
import dev.dynagate.ui.Operations;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

class CopyTablePresenterTest {
    private final Operations direct = new Operations(Runnable::run, Runnable::run, Clock.systemUTC());
    private final Connection dev = Connection.profile("dev", "eu-west-1");
    private final Connection sandbox = Connection.sandbox();
    private final Connection prod = Connection.profile("prod", "eu-west-1").withReadOnly(true);
    private final FakeItemStore source = new FakeItemStore(List.of("experimentId", "sampleId"));
    private final FakeItemStore target = new FakeItemStore(List.of("experimentId", "sampleId"));
    private final RecordingTableAdmin admin = new RecordingTableAdmin();
    private final List<Connection> copiedTo = new ArrayList<>();

    private CopyTablePresenter form(TableDescription table, Connection initial) {
        return new CopyTablePresenter(table, dev, List.of(sandbox, dev, prod), initial, to -> {
            copiedTo.add(to);
            return new TableCopy(source, target, admin, millis -> { }, 3);
        }, direct);
    }

    @Test
    void theNameFollowsTheTargetUntilTheUserTypesOne() {
        CopyTablePresenter form = form(Fixtures.experiments(), sandbox);
        assertThat(form.name().get()).isEqualTo("Experiments");
        assertThat(form.problem().get()).isNull();

        form.target().set(dev);
        assertThat(form.name().get()).isEqualTo("Experiments-copy");
        form.target().set(sandbox);
        assertThat(form.name().get()).isEqualTo("Experiments");

        form.name().set("Experiments-debug");
        form.target().set(dev);
        assertThat(form.name().get()).as("a typed name stays").isEqualTo("Experiments-debug");
        assertThat(form.destination()).isEqualTo("Experiments-debug on dev");
    }

    @Test
    void aReadOnlyTargetABadNameOrTheTableItselfAreRefused() {
        CopyTablePresenter form = form(Fixtures.experiments(), prod);
        assertThat(form.problem().get()).isEqualTo("prod is read-only: turn off its read-only switch in the "
                + "connection bar to copy to it.");

        form.target().set(dev);
        form.name().set("Experiments");
        assertThat(form.problem().get()).isEqualTo("A copy on the same connection needs a name of its own.");
        form.name().set("ab");
        assertThat(form.problem().get()).isEqualTo("A table name is 3 to 255 letters, digits, '_', '-' or '.'.");
        form.name().set("  Experiments-2  ");
        assertThat(form.problem().get()).isNull();
        form.target().set(null);
        assertThat(form.problem().get()).isEqualTo("Pick the connection to copy to.");
        assertThat(form.copy()).isCompletedExceptionally();
        assertThat(copiedTo).isEmpty();
    }

    @Test
    void aTableWhoseIndexHasAKeyOfSeveralAttributesCannotBeCopied() {
        assertThat(form(Fixtures.withWideIndex(), sandbox).problem().get()).isEqualTo("The index wide of "
                + "Experiments has a key of "
                + "several attributes, which a copy cannot make yet.");
    }

    @Test
    void theCopyGoesToThePickedTargetUnderTheTrimmedNameAndReportsItsCount() {
        source.pages = n -> new ItemPage(java.util.stream.IntStream.range(0, 30).mapToObj(i -> Map.<String, Attr>of(
                "experimentId", Attr.s("E"), "sampleId", Attr.n(i))).toList(), 30, 0, null);
        List<String> reported = new ArrayList<>();
        direct.inFlight().addListener((ListChangeListener<Operation>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(op -> op.progress().addListener((obs, old, now) ->
                        reported.add(op.description() + ": " + now)));
            }
        });
        CopyTablePresenter form = form(Fixtures.experiments(), sandbox);
        form.name().set(" Experiments-local ");

        TableCopy.Result result = form.copy().join();

        assertThat(copiedTo).containsExactly(sandbox);
        assertThat(result.copied()).isEqualTo(30);
        assertThat(target.stored).hasSize(30);
        assertThat(admin.calls).startsWith("create Experiments-local");
        assertThat(reported).isNotEmpty().last().isEqualTo("Copying Experiments to Experiments-local on Sandbox: "
                + "30 items");
        assertThat(form.summary(result)).isEqualTo("Copied 30 items of Experiments into Experiments-local on "
                + "Sandbox.");
        assertThat(form.summary(new TableCopy.Result(1, 2))).isEqualTo("Copied 1 item of Experiments into "
                + "Experiments-local on Sandbox. 2 items are not in the copy: the target kept throttling writes.");
    }
}
