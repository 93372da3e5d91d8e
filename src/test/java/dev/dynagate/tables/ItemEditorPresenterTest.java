package dev.dynagate.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynagate.ui.Operations;
import dev.dynagate.ui.UserMessage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ItemEditorPresenterTest {
    private final Operations direct = new Operations(Runnable::run, Runnable::run, Clock.systemUTC());
    private final FakeItemStore store = new FakeItemStore(List.of("experimentId", "sampleId"));
    private final FakeDialogs dialogs = new FakeDialogs();
    private final ItemEditorPresenter editor = new ItemEditorPresenter(Fixtures.experiments(), () -> store,
            e -> new UserMessage("failed: " + e.getMessage(), "", false), direct, dialogs);

    private Map<String, Attr> stored(Map<String, Attr> item) {
        store.stored.put(store.key(item), item);
        return item;
    }

    @Test
    void everyTypeSurvivesBothFormatsAndASaveWithoutChange() {
        Map<String, Attr> item = stored(Fixtures.everyType());
        List<Map<String, Attr>> saved = new ArrayList<>();
        editor.onSaved((old, now) -> saved.add(now));
        editor.edit(item);

        editor.format().set(ItemEditorPresenter.Format.PLAIN_JSON);
        assertThat(editor.parseProblem().get()).isNull();
        assertThat(editor.text().get()).contains("12345678901234567890123456789012345678");
        editor.format().set(ItemEditorPresenter.Format.DYNAMODB_JSON);
        editor.format().set(ItemEditorPresenter.Format.PLAIN_JSON);

        assertThat(editor.typeChanges()).isEmpty();
        assertThat(editor.tryParse()).contains(item);
        assertThat(editor.save().join()).isTrue();
        assertThat(editor.notice().get()).startsWith("Nothing changed");
        assertThat(store.calls).as("nothing to write").doesNotContain("put", "update");
        assertThat(saved).isEmpty();
        assertThat(store.stored.get(store.key(item))).isEqualTo(item);
        assertThat(dialogs.asked).isEmpty();
    }

    @Test
    void aSaveIsConditionalOnTheItemAsLoaded() {
        Map<String, Attr> item = stored(Fixtures.everyType());
        editor.edit(item);
        Map<String, Attr> edited = new LinkedHashMap<>(item);
        edited.put("yes", new Attr.Bool(false));
        edited.remove("empty");
        editor.text().set(DynamoJson.write(edited));

        assertThat(editor.save().join()).isTrue();

        assertThat(store.calls).contains("update").doesNotContain("put");
        assertThat(store.stored.get(store.key(item))).isEqualTo(edited);
        assertThat(store.lastCondition.names()).hasSize(item.size());
        assertThat(store.lastCondition.expression()).startsWith("#c0 = :c0 AND #c1 = :c1");
    }

    @Test
    void aChangeMadeElsewhereIsAConflictShowingBothVersions() {
        Map<String, Attr> item = stored(Fixtures.everyType());
        editor.edit(item);
        Map<String, Attr> theirs = new LinkedHashMap<>(item);
        theirs.put("empty", Attr.s("changed elsewhere"));
        stored(theirs);

        editor.text().set(editor.text().get().replace("\"yes\" : {\n    \"BOOL\" : true", "\"yes\" : {\n    \"BOOL\" : false"));
        assertThat(editor.save().join()).isFalse();

        assertThat(editor.conflict().get().theirs()).isEqualTo(theirs);
        assertThat(editor.conflict().get().mine().get("yes")).isEqualTo(new Attr.Bool(false));
        assertThat(store.stored.get(store.key(item))).isEqualTo(theirs);
        assertThat(editor.problem().get().text()).contains("changed since it was loaded");

        assertThat(editor.overwrite().join()).isTrue();
        assertThat(store.stored.get(store.key(item)).get("yes")).isEqualTo(new Attr.Bool(false));
        assertThat(editor.conflict().get()).isNull();
    }

    @Test
    void aNewItemMustNotOverwriteAnExistingOne() {
        stored(Fixtures.everyType());
        editor.create();
        editor.text().set("{\"experimentId\": {\"S\": \"exp-001\"}, \"sampleId\": {\"N\": \"12345678901234567890123456789012345678\"}}");

        assertThat(editor.save().join()).isFalse();

        assertThat(store.lastCondition.expression()).isEqualTo("attribute_not_exists(#k0)");
        assertThat(editor.problem().get().text()).contains("already exists");
    }

    @Test
    void aChangeOfTypeIsShownAndNeedsConfirmation() {
        Map<String, Attr> item = stored(Fixtures.everyType());
        editor.edit(item);
        editor.format().set(ItemEditorPresenter.Format.PLAIN_JSON);
        editor.text().set(editor.text().get().replace("\"exact\" : 1.50", "\"exact\" : \"1.50\""));

        assertThat(editor.typeChanges()).extracting(Object::toString).containsExactly("exact: N → S");
        dialogs.answer = false;
        assertThat(editor.save().join()).isFalse();
        assertThat(store.calls).doesNotContain("put");
        assertThat(dialogs.asked).singleElement().asString().contains("exact: N → S");

        dialogs.answer = true;
        assertThat(editor.save().join()).isTrue();
        assertThat(store.stored.get(store.key(item)).get("exact")).isEqualTo(Attr.s("1.50"));
    }

    @Test
    void invalidTextAndMissingKeysAreReportedWithTheirPlace() {
        editor.edit(stored(Fixtures.everyType()));

        editor.text().set("{\n  \"experimentId\": {\"S\": \"x\"},\n  \"sampleId\": {\"N\": \"1\"},\n}");
        assertThat(editor.parseProblem().get().line()).isEqualTo(4);

        editor.text().set("{\"experimentId\": {\"S\": \"x\"}}");
        assertThat(editor.parseProblem().get().getMessage()).contains("\"sampleId\" is missing");
        editor.text().set("{\"experimentId\": {\"S\": \"x\"},\n \"sampleId\": {\"S\": \"1\"}}");
        assertThat(editor.parseProblem().get().getMessage()).contains("must be N, not S");
        assertThat(editor.parseProblem().get().line()).isEqualTo(2);
        assertThat(editor.save().join()).isFalse();
        assertThat(store.calls).doesNotContain("put");
    }

    @Test
    void aReadOnlyConnectionRefusesSavesInThePresenterAndInTheServiceLayer() {
        editor.edit(stored(Fixtures.everyType()));
        editor.readOnly().set(true);

        assertThat(editor.save().join()).isFalse();
        assertThat(editor.problem().get().text()).contains("read-only");
        assertThat(store.calls).doesNotContain("put");

        ReadOnlyItemStore guarded = new ReadOnlyItemStore(store, "team-prod");
        assertThatThrownBy(() -> guarded.put("Experiments", Fixtures.everyType(), null)).isInstanceOf(ReadOnlyRefusal.class)
                .hasMessageContaining("\"team-prod\" is read-only: PutItem on Experiments was not sent");
        assertThatThrownBy(() -> guarded.delete("Experiments", Map.of(), null)).isInstanceOf(ReadOnlyRefusal.class);
        assertThatThrownBy(() -> guarded.deleteBatch("Experiments", List.of())).isInstanceOf(ReadOnlyRefusal.class);
        assertThat(store.calls).doesNotContain("put", "delete").noneMatch(c -> c.startsWith("batch"));
    }

    @Test
    void openingAPartialRowEditsTheWholeStoredItem() {
        Map<String, Attr> item = stored(Fixtures.everyType());
        Map<String, Attr> keysOnly = store.key(item);

        assertThat(editor.open(keysOnly).join()).isTrue();

        assertThat(editor.loaded()).isEqualTo(item);
        assertThat(DynamoJson.parse(editor.text().get())).isEqualTo(item);
    }

    @Test
    void openingARowThatWasDeletedSaysSo() {
        assertThat(editor.open(Map.of("experimentId", Attr.s("gone"), "sampleId", Attr.n(1))).join()).isFalse();

        assertThat(editor.problem().get().text()).contains("no longer exists");
    }

    @Test
    void changingTheKeySavesAnotherItemAndKeepsTheLoadedOne() {
        Map<String, Attr> item = stored(Fixtures.everyType());
        List<Map<String, Attr>> replaced = new ArrayList<>();
        editor.onSaved((old, now) -> replaced.add(old));
        editor.edit(item);
        editor.text().set(editor.text().get().replace("exp-001", "exp-009"));

        assertThat(editor.save().join()).isTrue();

        assertThat(store.stored).hasSize(2);
        assertThat(replaced).containsExactly((Map<String, Attr>) null);
    }

    @Test
    void aWideItemIsCheckedOnTheAttributesTheEditTouches() {
        Map<String, Attr> wide = new LinkedHashMap<>(Fixtures.everyType());
        for (int i = 0; i < 300; i++) {
            wide.put("reading" + i, Attr.n(i));
        }
        editor.edit(stored(wide));
        Map<String, Attr> edited = new LinkedHashMap<>(wide);
        edited.put("reading0", Attr.n(1000));
        edited.remove("reading1");
        edited.put("fresh", Attr.s("new"));
        editor.text().set(DynamoJson.write(edited));

        assertThat(editor.save().join()).as(String.valueOf(editor.problem().get())).isTrue();

        assertThat(dialogs.asked).as("no need to save unchecked").isEmpty();
        assertThat(store.lastCondition.names().values())
                .containsExactlyInAnyOrder("experimentId", "sampleId", "reading0", "reading1", "fresh");
        assertThat(store.lastCondition.expression()).contains("attribute_not_exists(#c4)");
        assertThat(store.stored.get(store.key(wide))).isEqualTo(edited);
    }

    @Test
    void aWideItemWithTooManyEditsIsSavedUncheckedOnlyIfTheUserAgrees() {
        Map<String, Attr> wide = new LinkedHashMap<>(Fixtures.everyType());
        for (int i = 0; i < 300; i++) {
            wide.put("reading" + i, Attr.n(i));
        }
        editor.edit(stored(wide));
        Map<String, Attr> edited = new LinkedHashMap<>(wide);
        for (int i = 0; i < 300; i++) {
            edited.put("reading" + i, Attr.n(i + 1000));
        }
        editor.text().set(DynamoJson.write(edited));

        dialogs.answer = false;
        assertThat(editor.save().join()).isFalse();
        assertThat(store.calls).doesNotContain("put", "update");
        assertThat(dialogs.asked).singleElement().asString().contains("315 attributes");

        dialogs.answer = true;
        assertThat(editor.save().join()).isTrue();
        assertThat(store.calls).contains("put");
        assertThat(store.lastCondition).isNull();
    }

    @Test
    void duplicateSavesAsANewItem() {
        Map<String, Attr> item = stored(Fixtures.everyType());
        editor.edit(item);
        editor.duplicate();
        assertThat(editor.loaded()).isNull();
        editor.text().set(editor.text().get().replace("exp-001", "exp-002"));

        assertThat(editor.save().join()).isTrue();

        assertThat(store.stored).hasSize(2);
        assertThat(store.lastCondition.expression()).isEqualTo("attribute_not_exists(#k0)");
    }
}
