package dev.horizon.adapters.persistence.sqlite;

import static dev.horizon.application.contract.EngineStateFixtures.entriesOfEveryKind;
import static dev.horizon.application.contract.EngineStateFixtures.fullSnapshot;
import static dev.horizon.application.contract.EngineStateFixtures.fullState;
import static dev.horizon.application.contract.EngineStateFixtures.fullSnapshotAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.horizon.adapters.persistence.StoreHolderProcess;
import dev.horizon.application.contract.StateStoreContract;
import dev.horizon.application.port.StateCorruptedException;
import dev.horizon.application.port.StateLockedException;
import dev.horizon.application.port.StateStore;
import dev.horizon.application.port.StateStoreException;
import dev.horizon.domain.journal.JournalEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SqliteStateStoreTest extends StateStoreContract {

    @Override
    protected StateStore open(Path location) {
        return SqliteStateStore.open(location);
    }

    @Override
    protected Path locationIn(Path directory) {
        return directory.resolve("var").resolve("horizon.db");
    }

    private static List<String> column(Path db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        }
    }

    private static Consumer<String> failAt(String point, AtomicBoolean armed) {
        return reached -> {
            if (armed.get() && reached.equals(point)) {
                throw new IllegalStateException("simulated crash at " + point);
            }
        };
    }

    @Test
    void database_runs_in_wal_mode_with_the_tables_of_schema_2() throws Exception {
        openStore().save(fullSnapshot(), entriesOfEveryKind(42));

        assertThat(column(location(), "PRAGMA journal_mode")).containsExactly("wal");
        assertThat(column(location(), "PRAGMA user_version")).containsExactly("2");
        assertThat(column(location(), "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"))
                .contains("journal", "learned", "snapshot");
    }

    @Test
    void snapshot_row_holds_cycle_and_time_and_journal_rows_their_type() throws Exception {
        openStore().save(fullSnapshot(), entriesOfEveryKind(42));

        assertThat(column(location(), "SELECT cycle || ' ' || cycle_time FROM snapshot"))
                .containsExactly("42 2024-03-11T14:30:00.123456789Z");
        assertThat(column(location(), "SELECT type FROM journal ORDER BY seq")).containsExactly(
                "decision", "decision", "order_intent", "order_update", "fill", "order_update", "risk_event");
    }

    @ParameterizedTest
    @ValueSource(strings = {SqliteStateStore.AFTER_ENTRIES, SqliteStateStore.AFTER_LEARNED,
            SqliteStateStore.AFTER_SNAPSHOT})
    void a_save_killed_inside_its_transaction_leaves_neither_snapshot_nor_entries(String point) throws Exception {
        List<JournalEntry> committed = entriesOfEveryKind(1);
        AtomicBoolean armed = new AtomicBoolean();
        StateStore store = SqliteStateStore.open(location(), SchemaMigrations.standard(), failAt(point, armed));
        try {
            store.save(fullSnapshotAt(1, "1.00"), committed);
            armed.set(true);

            assertThatThrownBy(() -> store.save(fullSnapshotAt(2, "2.00"), entriesOfEveryKind(2)))
                    .isInstanceOf(StateStoreException.class)
                    .hasMessageContaining(location().toString())
                    .hasMessageContaining("simulated crash");

            assertThat(store.load()).contains(fullSnapshotAt(1, "1.00"));
            assertThat(store.journal(0, 10)).containsExactlyElementsOf(committed);
            // Still usable afterwards: the failed transaction did not leave auto-commit off.
            armed.set(false);
            store.append(entriesOfEveryKind(2).get(6));
        } finally {
            store.close();
        }
        StateStore reopened = openStore();
        assertThat(reopened.load()).contains(fullSnapshotAt(1, "1.00"));
        List<JournalEntry> expected = new ArrayList<>(committed);
        expected.add(entriesOfEveryKind(2).get(6));
        assertThat(reopened.journal(0, 10)).containsExactlyElementsOf(expected);
    }

    @Test
    void an_empty_file_is_migrated_to_the_latest_schema() throws Exception {
        Files.createDirectories(location().getParent());
        Files.createFile(location());

        StateStore store = openStore();

        assertThat(store.load()).isEmpty();
        assertThat(column(location(), "PRAGMA user_version")).containsExactly("2");
    }

    @Test
    void reopening_a_database_at_the_latest_version_changes_nothing() throws Exception {
        StateStore first = openStore();
        first.save(fullSnapshot(), entriesOfEveryKind(42));
        first.close();

        openStore().close();
        StateStore third = openStore();

        assertThat(column(location(), "PRAGMA user_version")).containsExactly("2");
        assertThat(third.load()).contains(fullSnapshot());
        assertThat(third.journal(42, 42)).containsExactlyElementsOf(entriesOfEveryKind(42));
    }

    @Test
    void a_later_step_runs_once_on_a_version_2_database_and_keeps_its_data() throws Exception {
        StateStore v2 = openStore();
        v2.save(fullSnapshot(), entriesOfEveryKind(42));
        v2.close();
        SchemaMigrations withStep3 = new SchemaMigrations(List.of(SchemaMigrations.CREATE,
                SchemaMigrations.SPLIT_LEARNED,
                new SchemaMigrations.Step("add a note", List.of("ALTER TABLE snapshot ADD COLUMN note TEXT"))));

        SqliteStateStore.open(location(), withStep3, point -> { }).close();
        // Running the ALTER again would fail with "duplicate column": the second open proves it did not.
        StateStore v3 = SqliteStateStore.open(location(), withStep3, point -> { });
        try {
            assertThat(column(location(), "PRAGMA user_version")).containsExactly("3");
            assertThat(column(location(), "SELECT name FROM pragma_table_info('snapshot')")).contains("note");
            assertThat(v3.load()).contains(fullSnapshot());
            assertThat(v3.journal(42, 42)).hasSize(7);
        } finally {
            v3.close();
        }
    }

    @Test
    void a_failing_step_rolls_back_to_the_previous_version_and_releases_the_lock() throws Exception {
        openStore().close();
        SchemaMigrations broken = new SchemaMigrations(List.of(SchemaMigrations.CREATE, SchemaMigrations.SPLIT_LEARNED,
                new SchemaMigrations.Step("broken", List.of("CREATE TABLE extra (x INTEGER)", "NOT SQL"))));

        assertThatThrownBy(() -> SqliteStateStore.open(location(), broken, point -> { }))
                .isInstanceOf(StateStoreException.class)
                .hasMessageContaining(location().toString());

        assertThat(column(location(), "PRAGMA user_version")).containsExactly("2");
        assertThat(column(location(), "SELECT name FROM sqlite_master WHERE name = 'extra'")).isEmpty();
        openStore().close();
    }

    @Test
    void a_database_from_a_newer_version_is_refused_naming_the_file() throws Exception {
        openStore().close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + location());
             Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = 7");
        }

        assertThatThrownBy(() -> openStore())
                .isInstanceOf(StateStoreException.class)
                .hasMessageContaining(location().toString())
                .hasMessageContaining("schema version 7");
        openStore(tempDir.resolve("other.db")).close();
    }

    @Test
    void a_file_that_is_not_a_database_is_reported_corrupt_naming_it() throws Exception {
        Files.createDirectories(location().getParent());
        Files.write(location(), "this is not an SQLite database, it is a text file that got here".repeat(40)
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));

        assertThatThrownBy(() -> openStore())
                .isInstanceOf(StateCorruptedException.class)
                .hasMessageContaining(location().toString());
    }

    @Test
    void a_snapshot_that_cannot_be_read_is_reported_corrupt_not_empty() throws Exception {
        StateStore store = openStore();
        store.save(fullSnapshot(), List.of());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + location());
             Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE snapshot SET state_json = '{\"cycle_seq\": 4' WHERE id = 1");
        }

        assertThatThrownBy(store::load)
                .isInstanceOf(StateCorruptedException.class)
                .hasMessageContaining(location().toString())
                .hasMessageContaining("restore");
    }

    @Test
    void a_second_engine_process_is_refused_naming_the_holder_pid() throws Exception {
        try (StoreHolderProcess other = StoreHolderProcess.start("sqlite", location())) {
            assertThat(other.holdsStore()).as(other.report()).isTrue();

            assertThatThrownBy(() -> openStore())
                    .isInstanceOf(StateLockedException.class)
                    .hasMessageContaining("pid " + other.pid() + ",")
                    .hasMessageContaining(location().toString());
        }
        openStore().close();
    }

    @Test
    void a_refused_open_in_this_process_does_not_drop_the_lock_for_other_processes() throws Exception {
        StateStore holder = openStore();
        assertThatThrownBy(() -> openStore()).isInstanceOf(StateLockedException.class);

        try (StoreHolderProcess other = StoreHolderProcess.start("sqlite", location())) {
            assertThat(other.report()).startsWith("REFUSED StateLockedException")
                    .contains("pid " + ProcessHandle.current().pid());
        }
        holder.close();
    }
}
