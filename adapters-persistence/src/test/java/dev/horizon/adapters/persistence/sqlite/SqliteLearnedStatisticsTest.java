package dev.horizon.adapters.persistence.sqlite;

import static dev.horizon.application.contract.EngineStateFixtures.entriesOfEveryKind;
import static dev.horizon.application.contract.EngineStateFixtures.fullSnapshot;
import static dev.horizon.application.contract.EngineStateFixtures.fullStateAt;
import static dev.horizon.application.contract.EngineStateFixtures.learnedState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.horizon.adapters.persistence.json.DomainJson;
import dev.horizon.application.port.StateCorruptedException;
import dev.horizon.application.port.StateStore;
import dev.horizon.application.port.StateStoreException;
import dev.horizon.domain.journal.JournalEntry;
import dev.horizon.domain.risk.OrderThrottleSnapshot;
import dev.horizon.domain.snapshot.EngineSnapshot;
import dev.horizon.domain.snapshot.LearnedState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The learned statistics in their own row: written only when the engine hands other objects,
 * always consistent with the snapshot that names them, and schema-1 databases still open.
 */
class SqliteLearnedStatisticsTest {

    @TempDir
    Path dir;

    private SqliteStateStore store;

    private Path db() {
        return dir.resolve("state.db");
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    /** The learned row: seq, cycle and the bytes' hex, or empty. */
    private List<String> learnedRow() throws SQLException {
        return column("SELECT seq || ' ' || cycle || ' ' || hex(data) FROM learned");
    }

    private List<String> column(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            List<String> values = new java.util.ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        }
    }

    private static long seq(List<String> row) {
        return Long.parseLong(row.get(0).split(" ")[0]);
    }

    private static EngineSnapshot at(long cycle, LearnedState learned) {
        return new EngineSnapshot(fullStateAt(cycle, cycle + ".00"), learned);
    }

    @Test
    void unchanged_statistics_objects_are_not_rewritten_but_the_ledger_and_order_counters_are() throws Exception {
        store = SqliteStateStore.open(db());
        LearnedState learned = learnedState();
        store.save(at(1, learned), List.of());
        List<String> first = learnedRow();

        OrderThrottleSnapshot laterOrders = new OrderThrottleSnapshot(Map.of("MSFT", Instant.parse("2024-03-11T14:40:00Z")),
                List.of(Instant.parse("2024-03-11T14:40:00Z")));
        LearnedState sameStatistics = new LearnedState(learned.prediction(), learned.blending(), learned.sizing(),
                laterOrders);
        store.save(at(2, sameStatistics), entriesOfEveryKind(2));
        store.save(at(3, sameStatistics), List.of());

        assertThat(learnedRow()).isEqualTo(first);
        assertThat(seq(first)).isEqualTo(1);
        assertThat(first.get(0)).startsWith("1 1 ");
        assertThat(column("SELECT cycle || ' ' || learned_seq FROM snapshot")).containsExactly("3 1");
        assertThat(store.load()).contains(at(3, sameStatistics));
    }

    @Test
    void new_statistics_objects_are_rewritten_with_the_next_sequence_number() throws Exception {
        store = SqliteStateStore.open(db());
        store.save(at(1, learnedState()), List.of());
        List<String> first = learnedRow();

        LearnedState fresh = new LearnedState(learnedState().prediction(), Map.of(), learnedState().sizing(),
                OrderThrottleSnapshot.empty());
        store.save(at(5, fresh), List.of());

        List<String> second = learnedRow();
        assertThat(second.get(0)).startsWith("2 5 ");
        assertThat(second).isNotEqualTo(first);
        assertThat(column("SELECT learned_seq FROM snapshot")).containsExactly("2");
        assertThat(store.load()).contains(at(5, fresh));
    }

    @Test
    void statistics_equal_in_value_but_new_objects_are_rewritten() throws Exception {
        // Identity, not equality: comparing contents would cost as much as writing them.
        store = SqliteStateStore.open(db());
        store.save(at(1, learnedState()), List.of());
        store.save(at(2, learnedState()), List.of());

        assertThat(seq(learnedRow())).isEqualTo(2);
    }

    @Test
    void a_reopened_store_writes_its_first_statistics_and_continues_the_sequence() throws Exception {
        store = SqliteStateStore.open(db());
        store.save(at(1, learnedState()), List.of());
        store.save(at(2, learnedState()), List.of());
        store.close();

        store = SqliteStateStore.open(db());
        LearnedState learned = learnedState();
        store.save(at(3, learned), List.of());
        store.save(at(4, learned), List.of());

        assertThat(learnedRow().get(0)).startsWith("3 3 ");
        assertThat(store.load()).contains(at(4, learned));
    }

    @Test
    void statistics_loaded_are_not_rewritten_when_saved_again() throws Exception {
        store = SqliteStateStore.open(db());
        store.save(at(1, learnedState()), List.of());
        store.close();
        store = SqliteStateStore.open(db());

        EngineSnapshot loaded = store.load().orElseThrow();
        store.save(new EngineSnapshot(fullStateAt(2, "2.00"), loaded.learned()), List.of());

        assertThat(learnedRow().get(0)).startsWith("1 1 ");
    }

    @Test
    void a_save_killed_after_writing_new_statistics_keeps_the_old_pair_and_rewrites_them_next_time() throws Exception {
        AtomicBoolean armed = new AtomicBoolean();
        store = SqliteStateStore.open(db(), SchemaMigrations.standard(), point -> {
            if (armed.get() && point.equals(SqliteStateStore.AFTER_LEARNED)) {
                throw new IllegalStateException("simulated crash at " + point);
            }
        });
        LearnedState old = learnedState();
        store.save(at(1, old), List.of());
        List<String> oldRow = learnedRow();
        LearnedState fresh = new LearnedState(old.prediction(), Map.of(), old.sizing(), old.throttle());
        armed.set(true);

        assertThatThrownBy(() -> store.save(at(2, fresh), List.of())).isInstanceOf(StateStoreException.class);

        assertThat(learnedRow()).isEqualTo(oldRow);
        assertThat(store.load()).contains(at(1, old));
        armed.set(false);
        // The rolled-back statistics were never on disk: the next save with the same objects writes them.
        store.save(at(2, fresh), List.of());
        assertThat(learnedRow().get(0)).startsWith("2 2 ");
        store.close();
        store = SqliteStateStore.open(db());
        assertThat(store.load()).contains(at(2, fresh));
    }

    @Test
    void statistics_that_do_not_belong_to_the_snapshot_are_reported_corrupt_not_mixed() throws Exception {
        store = SqliteStateStore.open(db());
        store.save(at(1, learnedState()), List.of());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db());
             Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE learned SET seq = 7");
        }

        assertThatThrownBy(store::load)
                .isInstanceOf(StateCorruptedException.class)
                .hasMessageContaining(db().toString())
                .hasMessageContaining("do not belong")
                .hasMessageContaining("restore");
    }

    @Test
    void damaged_statistics_are_reported_corrupt_naming_the_file() throws Exception {
        store = SqliteStateStore.open(db());
        store.save(at(1, learnedState()), List.of());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db());
             Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE learned SET data = substr(data, 1, length(data) / 2)");
        }

        assertThatThrownBy(store::load)
                .isInstanceOf(StateCorruptedException.class)
                .hasMessageContaining(db().toString())
                .hasMessageContaining("learned statistics");
    }

    @Test
    void the_snapshot_row_holds_the_ledger_without_the_statistics() throws Exception {
        store = SqliteStateStore.open(db());
        store.save(fullSnapshot(), List.of());

        String stateJson = column("SELECT state_json FROM snapshot").get(0);
        EngineSnapshot ledger = DomainJson.mapper().readValue(stateJson, EngineSnapshot.class);
        assertThat(ledger.state()).isEqualTo(fullSnapshot().state());
        assertThat(ledger.learned()).isEqualTo(new LearnedState(LearnedState.empty().prediction(), Map.of(),
                LearnedState.empty().sizing(), fullSnapshot().learned().throttle()));
    }

    @Test
    void a_process_killed_while_saving_leaves_a_ledger_and_the_statistics_of_its_checkpoint() throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process saver = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"), SaverMain.class.getName(),
                db().toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long lastReported = 0;
        try (java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(
                saver.getInputStream(), java.nio.charset.StandardCharsets.UTF_8))) {
            // Kill it (SIGKILL) once it has saved a few checkpoints; the next save is under way.
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("SAVED ")) {
                    lastReported = Long.parseLong(line.substring(6));
                    if (lastReported == 7) {
                        saver.destroyForcibly();
                        break;
                    }
                }
            }
        } finally {
            saver.destroyForcibly();
            saver.waitFor();
        }
        assertThat(lastReported).as("the saver's output").isEqualTo(7);

        store = SqliteStateStore.open(db());
        EngineSnapshot loaded = store.load().orElseThrow();
        long cycle = loaded.state().cycleSeq();
        assertThat(cycle).isGreaterThanOrEqualTo(7);
        assertThat(loaded.learned()).isEqualTo(SaverMain.statistics(SaverMain.checkpointOf(cycle)));
        assertThat(column("SELECT learned_seq FROM snapshot"))
                .containsExactly(String.valueOf((cycle - 1) / SaverMain.CHECKPOINT_EVERY + 1));
    }

    // --- schema 1 --------------------------------------------------------------------------

    /** A database as schema 1 wrote it: the whole snapshot as JSON in one row, and the journal. */
    private void writeSchema1(EngineSnapshot snapshot, List<JournalEntry> entries) throws Exception {
        Files.createDirectories(dir);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db())) {
            new SchemaMigrations(List.of(SchemaMigrations.CREATE)).migrate(c, db());
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO snapshot (id, cycle, cycle_time, state_json) VALUES (1, ?, ?, ?)")) {
                insert.setLong(1, snapshot.state().cycleSeq());
                insert.setString(2, snapshot.state().lastCycleTime().toString());
                insert.setString(3, DomainJson.mapper().writeValueAsString(snapshot));
                insert.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO journal (cycle, time, type, entry_json) VALUES (?, ?, ?, ?)")) {
                for (JournalEntry e : entries) {
                    insert.setLong(1, e.cycleSeq());
                    insert.setString(2, e.time().toString());
                    insert.setString(3, DomainJson.journalType(e));
                    insert.setString(4, DomainJson.mapper().writerFor(JournalEntry.class).writeValueAsString(e));
                    insert.executeUpdate();
                }
            }
        }
    }

    @Test
    void a_schema_1_database_migrates_and_keeps_its_state_statistics_and_journal() throws Exception {
        writeSchema1(fullSnapshot(), entriesOfEveryKind(42));

        store = SqliteStateStore.open(db());

        assertThat(column("PRAGMA user_version")).containsExactly("2");
        assertThat(store.load()).contains(fullSnapshot());
        assertThat(store.journal(42, 42)).containsExactlyElementsOf(entriesOfEveryKind(42));
        assertThat(learnedRow()).isEmpty();

        // The first save splits the statistics off; the state reads the same afterwards.
        EngineSnapshot next = new EngineSnapshot(fullStateAt(43, "43.00"), fullSnapshot().learned());
        store.save(next, entriesOfEveryKind(43));
        assertThat(learnedRow().get(0)).startsWith("1 43 ");
        store.close();
        store = SqliteStateStore.open(db());
        assertThat(store.load()).contains(next);
        assertThat(store.journal(42, 43)).hasSize(14);
    }

    @Test
    void a_read_only_view_reads_a_schema_1_database_without_migrating_it() throws Exception {
        writeSchema1(fullSnapshot(), entriesOfEveryKind(42));

        try (StateStore view = SqliteStateStore.openReadOnly(db())) {
            assertThat(view.load()).contains(fullSnapshot());
        }
        assertThat(column("PRAGMA user_version")).containsExactly("1");
    }

    @Test
    void a_read_only_view_opened_on_schema_1_reads_the_statistics_after_an_engine_migrated_and_saved()
            throws Exception {
        writeSchema1(fullSnapshot(), entriesOfEveryKind(42));
        try (StateStore view = SqliteStateStore.openReadOnly(db())) {
            store = SqliteStateStore.open(db());
            EngineSnapshot next = at(43, learnedState());
            store.save(next, List.of());

            assertThat(view.load()).contains(next);
        }
    }

    @Test
    void a_read_only_view_reads_the_statistics_of_a_schema_2_database() throws Exception {
        store = SqliteStateStore.open(db());
        LearnedState learned = learnedState();
        store.save(at(1, learned), List.of());
        store.save(at(2, learned), List.of());

        try (StateStore view = SqliteStateStore.openReadOnly(db())) {
            assertThat(view.load()).contains(at(2, learned));
        }
    }
}
