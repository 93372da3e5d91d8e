package dev.dynagate.tables;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynagate.ui.Operations;
import dev.dynagate.ui.UserMessage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PartiqlPresenterTest {
    private final Operations direct = new Operations(Runnable::run, Runnable::run, Clock.systemUTC());
    private final FakeDialogs dialogs = new FakeDialogs();
    private final List<String> sent = new ArrayList<>();
    private final List<PartiqlRunner.Page> answers = new ArrayList<>();
    private boolean readOnly;

    private final PartiqlRunner runner = (statement, token) -> {
        sent.add(statement + (token == null ? "" : " after " + token));
        if (answers.isEmpty()) {
            throw new IllegalStateException("ValidationException: Statement wasn't well formed");
        }
        return answers.remove(0);
    };

    private final List<String> remembered = new ArrayList<>(List.of("SELECT * FROM Old"));

    private PartiqlPresenter presenter() {
        return new PartiqlPresenter(() -> runner, e -> new UserMessage("failed: " + e.getMessage(), "Check it.",
                false), direct, dialogs, () -> readOnly, "sandbox", new PartiqlPresenter.History() {
                    @Override
                    public List<String> statements() {
                        return List.copyOf(remembered);
                    }

                    @Override
                    public void ran(String statement) {
                        remembered.add(0, statement);
                    }
                });
    }

    private static Map<String, Attr> item(String pk, int n, String extra) {
        return extra == null ? Map.of("pk", Attr.s(pk), "n", Attr.n(n))
                : Map.of("pk", Attr.s(pk), "n", Attr.n(n), extra, new Attr.Bool(true));
    }

    @Test
    void aSelectIsReadPageByPageWithItsCapacity() {
        answers.add(new PartiqlRunner.Page(List.of(item("a", 1, null), item("a", 2, null)), "t1", 0.5));
        answers.add(new PartiqlRunner.Page(List.of(), "t2", 0.5));
        answers.add(new PartiqlRunner.Page(List.of(item("a", 3, "flag")), null, 1.0));
        PartiqlPresenter partiql = presenter();
        partiql.statement().set("  SELECT * FROM \"T\" WHERE pk = 'a'  ");

        partiql.run().join();
        assertThat(partiql.status().get()).isEqualTo("2 items in 1 page · 0.5 capacity units — more pages remain");
        assertThat(partiql.hasMore().get()).isTrue();
        partiql.more().join();
        assertThat(partiql.status().get()).as("an empty page with more to come")
                .isEqualTo("2 items in 2 pages · 1 capacity units — more pages remain");
        partiql.more().join();

        assertThat(sent).containsExactly("SELECT * FROM \"T\" WHERE pk = 'a'", "SELECT * FROM \"T\" WHERE pk = 'a' "
                + "after t1", "SELECT * FROM \"T\" WHERE pk = 'a' after t2");
        assertThat(partiql.items()).hasSize(3);
        assertThat(partiql.columns()).containsExactlyInAnyOrder("pk", "n", "flag");
        assertThat(partiql.hasMore().get()).isFalse();
        assertThat(partiql.status().get()).isEqualTo("3 items in 3 pages · 2 capacity units — all pages read");
    }

    @Test
    void aWriteSaysWhatItReturnedAndRunningAgainStartsOver() {
        answers.add(new PartiqlRunner.Page(List.of(item("a", 1, null)), null, null));
        answers.add(new PartiqlRunner.Page(List.of(), null, null));
        PartiqlPresenter partiql = presenter();
        partiql.statement().set("-- bump it\nupdate T set n = 1 where pk = 'a' returning all new *");

        partiql.run().join();
        assertThat(partiql.status().get()).isEqualTo("UPDATE done, 1 item returned.");
        partiql.statement().set("INSERT INTO T VALUE {'pk': 'b'}");
        partiql.run().join();
        assertThat(partiql.items()).isEmpty();
        assertThat(partiql.status().get()).isEqualTo("INSERT done.");
    }

    @Test
    void aReadOnlyConnectionRunsSelectOnlyAndADeleteAsksFirst() {
        readOnly = true;
        PartiqlPresenter partiql = presenter();
        partiql.statement().set("DELETE FROM T WHERE pk = 'a'");
        partiql.run().join();
        assertThat(partiql.problem().get().text()).startsWith("This connection is read-only: only SELECT statements");
        assertThat(sent).isEmpty();

        readOnly = false;
        dialogs.answer = false;
        partiql.run().join();
        assertThat(dialogs.asked).containsExactly("confirm: Run this DELETE on sandbox? The item it names is deleted "
                + "for good.");
        assertThat(sent).isEmpty();

        dialogs.answer = true;
        answers.add(new PartiqlRunner.Page(List.of(), null, null));
        partiql.run().join();
        assertThat(sent).containsExactly("DELETE FROM T WHERE pk = 'a'");
        assertThat(partiql.problem().get()).isNull();
    }

    @Test
    void aFailureIsShownInWordsAndAnEmptyStatementIsNotSent() {
        PartiqlPresenter partiql = presenter();
        partiql.run().join();
        assertThat(partiql.problem().get().text()).isEqualTo("There is no statement to run.");

        partiql.statement().set("SELEKT *");
        partiql.run().join();
        assertThat(partiql.problem().get().oneLine()).startsWith("failed: ").endsWith("Check it.");
        assertThat(partiql.status().get()).isEqualTo("The statement failed.");
        assertThat(partiql.running().get()).isFalse();
    }

    @Test
    void everyStatementSentIsRememberedNewestFirst() {
        answers.add(new PartiqlRunner.Page(List.of(), null, null));
        answers.add(new PartiqlRunner.Page(List.of(), null, null));
        PartiqlPresenter partiql = presenter();
        assertThat(partiql.history()).containsExactly("SELECT * FROM Old");

        partiql.statement().set("SELECT * FROM A");
        partiql.run().join();
        partiql.statement().set("SELECT * FROM Old");
        partiql.run().join();
        partiql.statement().set("SELEKT");
        partiql.run().join();

        assertThat(partiql.history()).containsExactly("SELEKT", "SELECT * FROM Old", "SELECT * FROM A");
        assertThat(remembered).startsWith("SELEKT", "SELECT * FROM Old", "SELECT * FROM A");
        readOnly = true;
        partiql.statement().set("DELETE FROM A WHERE pk = 'x'");
        partiql.run().join();
        assertThat(partiql.history()).as("refused before sending: not run")
                .doesNotContain("DELETE FROM A WHERE pk = 'x'");
    }
}
