package dev.dynagate.tables;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynagate.ui.Operations;
import dev.dynagate.ui.UserMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamPresenterTest {
    private final Operations direct = new Operations(Runnable::run, Runnable::run, Clock.systemUTC());
    /** Polls waiting for their second: the test runs them when it wants the next poll. */
    private final List<Runnable> pending = new ArrayList<>();
    private final List<List<StreamReader.Change>> batches = new ArrayList<>();
    private final List<String> opened = new ArrayList<>();
    private boolean hasStream = true;
    private boolean readOnly;
    private RuntimeException failure;
    private final FakeDialogs dialogs = new FakeDialogs();
    private final List<String> turnedOn = new ArrayList<>();

    private final StreamReader reader = new StreamReader() {
        @Override
        public Tail open(String table, boolean fromOldest) {
            return tail(table, fromOldest);
        }

        @Override
        public void turnOn(String table, String viewType) {
            turnedOn.add(table + " " + viewType);
            hasStream = true;
        }
    };

    private StreamReader.Tail tail(String table, boolean fromOldest) {
        opened.add(table + (fromOldest ? " from the oldest" : " from now"));
        if (!hasStream) {
            return null;
        }
        return new StreamReader.Tail() {
            @Override
            public String streamArn() {
                return "arn:aws:dynamodb:us-east-1:1:table/" + table + "/stream/label";
            }

            @Override
            public String viewType() {
                return "NEW_AND_OLD_IMAGES";
            }

            @Override
            public List<StreamReader.Change> poll() {
                if (failure != null) {
                    throw failure;
                }
                return batches.isEmpty() ? List.of() : batches.remove(0);
            }
        };
    }

    private StreamPresenter presenter() {
        return new StreamPresenter(() -> reader, e -> new UserMessage("failed: " + e.getMessage(), "Check it.",
                false), direct, pending::add, "Orders", new StreamPresenter.Context(dialogs, () -> readOnly, "sandbox"));
    }

    private static StreamReader.Change change(String event, String id, Map<String, Attr> before,
                                              Map<String, Attr> after) {
        return new StreamReader.Change(event, Instant.parse("2026-11-27T10:00:00Z"), "1", Map.of("id", Attr.s(id)),
                before, after, false);
    }

    private void nextPoll() {
        Runnable poll = pending.remove(0);
        poll.run();
    }

    @Test
    void watchingListsEachPollsChangesAndWaitsBetweenPolls() {
        batches.add(List.of(change("INSERT", "a", Map.of(), Map.of("id", Attr.s("a"))),
                change("INSERT", "b", Map.of(), Map.of("id", Attr.s("b")))));
        StreamPresenter stream = presenter();
        stream.fromOldest().set(true);

        stream.watch().join();
        assertThat(opened).containsExactly("Orders from the oldest");
        assertThat(stream.watching().get()).isTrue();
        assertThat(stream.changes()).hasSize(2);
        assertThat(stream.status().get()).isEqualTo("2 changes since watching began.");
        assertThat(pending).as("the next poll waits its second").hasSize(1);

        nextPoll();
        assertThat(stream.changes()).hasSize(2);
        batches.add(List.of(change("REMOVE", "a", Map.of("id", Attr.s("a")), Map.of())));
        nextPoll();
        assertThat(stream.changes()).extracting(StreamReader.Change::event).containsExactly("INSERT", "INSERT",
                "REMOVE");
        assertThat(stream.status().get()).isEqualTo("3 changes since watching began.");

        stream.stop();
        assertThat(stream.watching().get()).isFalse();
        assertThat(stream.status().get()).isEqualTo("Stopped after 3 changes.");
        batches.add(List.of(change("INSERT", "c", Map.of(), Map.of())));
        nextPoll();
        assertThat(stream.changes()).as("a poll due after Stop reads nothing").hasSize(3);
        assertThat(pending).isEmpty();
    }

    @Test
    void aPollDueAfterTheAppsExecutorsClosedStopsWatchingQuietly() {
        java.util.concurrent.ExecutorService background = java.util.concurrent.Executors.newSingleThreadExecutor();
        Operations closing = new Operations(background, Runnable::run, Clock.systemUTC());
        StreamPresenter stream = new StreamPresenter(() -> reader, e -> new UserMessage("failed", "", false), closing,
                pending::add, "Orders", new StreamPresenter.Context(dialogs, () -> false, "sandbox"));
        stream.watch().join();
        java.util.concurrent.CompletableFuture.runAsync(() -> { }, background).join();
        background.shutdownNow();
        nextPoll();
        assertThat(stream.watching().get()).isFalse();
        assertThat(stream.problem().get()).isNull();
    }

    @Test
    void onlyTheLastChangesAreKept() {
        List<StreamReader.Change> many = new ArrayList<>();
        for (int i = 0; i < StreamPresenter.KEPT + 5; i++) {
            many.add(change("INSERT", "i" + i, Map.of(), Map.of()));
        }
        batches.add(many);
        StreamPresenter stream = presenter();
        stream.watch().join();
        assertThat(stream.changes()).hasSize(StreamPresenter.KEPT);
        assertThat(stream.changes().get(0).keys().get("id")).isEqualTo(Attr.s("i5"));
        assertThat(stream.status().get()).isEqualTo("2,005 changes since watching began (the last 2,000 listed).");
        stream.clear();
        assertThat(stream.changes()).isEmpty();
        assertThat(stream.watching().get()).isTrue();
    }

    @Test
    void aTableWithoutAStreamSaysHowToGetOne() {
        hasStream = false;
        StreamPresenter stream = presenter();
        stream.watch().join();
        assertThat(stream.watching().get()).isFalse();
        assertThat(stream.problem().get().text()).isEqualTo("Orders has no stream, so its changes cannot be watched.");
        assertThat(stream.problem().get().fix()).contains("Turn on the stream here");
        assertThat(stream.noStream().get()).isTrue();
        assertThat(pending).isEmpty();
    }

    @Test
    void turningTheStreamOnAsksFirstThenWatches() {
        hasStream = false;
        StreamPresenter stream = presenter();
        stream.watch().join();

        readOnly = true;
        stream.turnOn().join();
        assertThat(stream.problem().get().text()).startsWith("This connection is read-only");
        assertThat(dialogs.asked).isEmpty();
        readOnly = false;
        dialogs.answer = false;
        stream.turnOn().join();
        assertThat(turnedOn).as("declined").isEmpty();
        assertThat(dialogs.asked).singleElement().asString().contains("Turn on a stream for Orders on sandbox?");

        dialogs.answer = true;
        stream.turnOn().join();
        assertThat(turnedOn).containsExactly("Orders NEW_AND_OLD_IMAGES");
        assertThat(stream.noStream().get()).isFalse();
        assertThat(stream.watching().get()).isTrue();
        assertThat(stream.problem().get()).isNull();
        assertThat(opened).containsExactly("Orders from now", "Orders from now");
    }

    @Test
    void aFailedPollStopsWatchingAndSaysWhy() {
        StreamPresenter stream = presenter();
        stream.watch().join();
        failure = new IllegalStateException("ExpiredIteratorException");
        nextPoll();
        assertThat(stream.watching().get()).isFalse();
        assertThat(stream.problem().get().text()).isEqualTo("failed: ExpiredIteratorException");
        assertThat(stream.status().get()).isEqualTo("Watching stopped: the stream could not be read.");
        assertThat(pending).isEmpty();

        failure = null;
        stream.watch().join();
        assertThat(stream.problem().get()).as("watching again starts afresh").isNull();
        assertThat(opened).hasSize(2);
    }

    @Test
    void aChangeReadsAsWhatHappenedToWhichAttributes() {
        StreamReader.Change modify = change("MODIFY", "a",
                Map.of("id", Attr.s("a"), "total", Attr.n("1.50"), "note", Attr.s("x"), "gone", Attr.s("y")),
                Map.of("id", Attr.s("a"), "total", Attr.n("1.5"), "note", Attr.s("z"), "added", Attr.n(1)));
        assertThat(StreamChanges.describe(modify)).isEqualTo("Changed");
        assertThat(StreamChanges.changedAttributes(modify)).as("1.50 and 1.5 are the same number")
                .containsExactly("added", "gone (removed)", "note");
        StreamReader.Change insert = change("INSERT", "b", Map.of(), Map.of("id", Attr.s("b"), "z", Attr.n(1),
                "a", Attr.n(2)));
        assertThat(StreamChanges.changedAttributes(insert)).containsExactly("a", "z");
        StreamReader.Change keysOnly = change("MODIFY", "c", Map.of(), Map.of());
        assertThat(StreamChanges.changedAttributes(keysOnly)).isEmpty();
        StreamReader.Change expired = new StreamReader.Change("REMOVE", Instant.EPOCH, "2", Map.of("id", Attr.s("d"),
                "n", Attr.n(7)), Map.of(), Map.of(), true);
        assertThat(StreamChanges.describe(expired)).isEqualTo("Expired (TTL)");
        assertThat(StreamChanges.key(expired.keys())).contains("id = d").contains("n = 7");
    }
}
