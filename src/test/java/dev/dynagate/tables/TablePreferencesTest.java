package dev.dynagate.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TablePreferencesTest {
    @TempDir
    Path config;

    @Test
    void columnLayoutsAreRememberedPerConnectionAndTable() {
        TablePreferences preferences = new TablePreferences(config, Runnable::run);
        TablePreferencesFile.ColumnLayout layout = new TablePreferencesFile.ColumnLayout();
        layout.order = List.of("experimentId", "sampleId", "title");
        layout.widths.put("title", 320.0);
        layout.hidden = List.of("notes");
        preferences.columns("sandbox", "Experiments", layout);

        TablePreferences later = new TablePreferences(config, Runnable::run);

        TablePreferencesFile.ColumnLayout read = later.columns("sandbox", "Experiments");
        assertThat(read.order).containsExactly("experimentId", "sampleId", "title");
        assertThat(read.widths).containsEntry("title", 320.0);
        assertThat(read.hidden).containsExactly("notes");
        assertThat(later.columns("profile:prod", "Experiments")).isNull();
    }

    @Test
    void aCorruptFileIsSetAsideAndStartsEmpty() throws Exception {
        Files.writeString(config.resolve("tables.json"), "{ not json");

        TablePreferences preferences = new TablePreferences(config, Runnable::run);

        assertThat(preferences.recent("sandbox")).isEmpty();
        preferences.opened("sandbox", "Orders");
        assertThat(new TablePreferences(config, Runnable::run).recent("sandbox")).containsExactly("Orders");
    }

    @Test
    void statementsAreRememberedPerConnectionNewestFirstWithoutRepeats() {
        TablePreferences preferences = new TablePreferences(config, Runnable::run);
        for (int i = 0; i < TablePreferences.STATEMENT_LIMIT + 5; i++) {
            preferences.ran("sandbox", "SELECT * FROM T WHERE n = " + i);
        }
        preferences.ran("sandbox", "SELECT * FROM T WHERE n = 10");
        preferences.ran("profile:prod", "SELECT * FROM Orders");

        TablePreferences later = new TablePreferences(config, Runnable::run);
        List<String> statements = later.statements("sandbox");
        assertThat(statements).hasSize(TablePreferences.STATEMENT_LIMIT).doesNotHaveDuplicates();
        assertThat(statements.get(0)).isEqualTo("SELECT * FROM T WHERE n = 10");
        assertThat(statements.get(1)).isEqualTo("SELECT * FROM T WHERE n = 54");
        assertThat(statements).doesNotContain("SELECT * FROM T WHERE n = 0");
        assertThat(later.statements("profile:prod")).containsExactly("SELECT * FROM Orders");
    }
}
