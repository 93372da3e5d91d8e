package dev.dynagate.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynagate.connections.Connection;
import dev.dynagate.tables.TableCatalog;
import dev.dynagate.ui.Operations;
import dev.dynagate.ui.UserMessage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NavigatorPresenterTest {
    private final Executor direct = Runnable::run;
    private final Operations operations = new Operations(direct, direct, Clock.systemUTC());

    /** A catalog over a fixed list of names, paging like ListTables. */
    static TableCatalog catalogOf(List<String> names) {
        return (start, limit) -> {
            int from = start == null ? 0 : names.indexOf(start) + 1;
            int to = Math.min(names.size(), from + limit);
            return new TableCatalog.TableNamesPage(names.subList(from, to), to < names.size() ? names.get(to - 1) : null);
        };
    }

    @Test
    void listsEveryPageOfTables() {
        List<String> names = IntStream.range(0, 250).mapToObj(i -> String.format("table-%03d", i)).toList();
        NavigatorPresenter presenter = new NavigatorPresenter(c -> catalogOf(names),
                c -> e -> new UserMessage("x", "", false), operations);

        presenter.show(Connection.sandbox());

        assertThat(presenter.tables()).containsExactlyElementsOf(names);
        assertThat(presenter.state().get()).isEqualTo(NavigatorPresenter.State.READY);
        assertThat(operations.inFlight()).isEmpty();
    }

    @Test
    void filterIsCaseInsensitiveSubstring() {
        NavigatorPresenter presenter = new NavigatorPresenter(c -> catalogOf(List.of("Experiments", "Orders", "experiment-audit")),
                c -> e -> null, operations);
        presenter.show(Connection.sandbox());

        presenter.filter().set("EXPER");

        assertThat(presenter.visibleTables()).containsExactly("Experiments", "experiment-audit");
        presenter.filter().set("");
        assertThat(presenter.visibleTables()).hasSize(3);
    }

    @Test
    void emptyConnectionSaysSo() {
        NavigatorPresenter presenter = new NavigatorPresenter(c -> catalogOf(List.of()), c -> e -> null, operations);

        presenter.show(Connection.sandbox());

        assertThat(presenter.state().get()).isEqualTo(NavigatorPresenter.State.EMPTY);
    }

    @Test
    void failureBecomesAMessage() {
        TableCatalog failing = (start, limit) -> {
            throw new IllegalStateException("boom");
        };
        NavigatorPresenter presenter = new NavigatorPresenter(c -> failing,
                c -> e -> new UserMessage("Nothing answers at http://localhost:4566.", "Start it.", true), operations);

        presenter.show(Connection.sandbox());

        assertThat(presenter.state().get()).isEqualTo(NavigatorPresenter.State.FAILED);
        assertThat(presenter.problem().get().text()).isEqualTo("Nothing answers at http://localhost:4566.");
    }

    @Test
    void newerConnectionWinsOverAListingStillInFlight() {
        List<Runnable> queued = new ArrayList<>();
        Operations deferred = new Operations(queued::add, direct, Clock.systemUTC());
        Connection slow = Connection.endpoint("slow", java.net.URI.create("http://localhost:1"), "us-east-1");
        NavigatorPresenter presenter = new NavigatorPresenter(
                c -> c == slow ? catalogOf(List.of("stale")) : catalogOf(List.of("fresh")), c -> e -> null, deferred);

        CompletableFuture<List<String>> first = presenter.show(slow);
        presenter.show(Connection.sandbox());
        queued.forEach(Runnable::run);

        assertThat(first).isCancelled();
        assertThat(presenter.tables()).containsExactly("fresh");
        assertThat(presenter.state().get()).isEqualTo(NavigatorPresenter.State.READY);
    }
}
