package dev.horizon.adapters.persistence.jsonfile;

import static dev.horizon.application.contract.EngineStateFixtures.AAPL;
import static dev.horizon.application.contract.EngineStateFixtures.BTC;
import static dev.horizon.application.contract.EngineStateFixtures.MSFT;
import static dev.horizon.application.contract.EngineStateFixtures.entriesOfEveryKind;
import static dev.horizon.application.contract.EngineStateFixtures.fullSnapshot;
import static dev.horizon.application.contract.EngineStateFixtures.fullState;
import static dev.horizon.application.contract.EngineStateFixtures.fullSnapshotAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.horizon.adapters.persistence.LogCapture;
import dev.horizon.adapters.persistence.StoreHolderProcess;
import dev.horizon.application.contract.StateStoreContract;
import dev.horizon.application.port.StateCorruptedException;
import dev.horizon.application.port.StateLockedException;
import dev.horizon.application.port.StateStore;
import dev.horizon.domain.journal.JournalEntry;
import dev.horizon.domain.market.Symbol;
import dev.horizon.domain.snapshot.EngineSnapshot;
import dev.horizon.domain.state.EngineState;
import dev.horizon.domain.state.PositionState;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonFileStateStoreTest extends StateStoreContract {

    /**
     * A plain JSON reader, as another tool would use on the files: decimals kept exact, and the
     * bare {@code NaN} that Python's json module also reads (a hold's alpha in a pending decision).
     */
    private static final ObjectMapper PLAIN = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    @Override
    protected StateStore open(Path location) {
        return JsonFileStateStore.open(location);
    }

    private Path stateFile() {
        return location().resolve("engine_state.json");
    }

    private Path backup(int n) {
        return location().resolve("engine_state.json." + n);
    }

    private Path journalFile() {
        return location().resolve("journal.jsonl");
    }

    private static long cycleIn(Path file) throws IOException {
        return PLAIN.readTree(file.toFile()).get("cycle_count").longValue();
    }

    /** The checksum as documented: SHA-256 of the file without its checksum member. */
    private static String documentedChecksum(String content) throws Exception {
        String document = content.substring(0, content.lastIndexOf(",\n  \"checksum\"")) + "\n}";
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(document.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest);
    }

    private static String withChecksum(String document) throws Exception {
        String body = document.substring(0, document.lastIndexOf("\n}"));
        String checksum = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(document.getBytes(StandardCharsets.UTF_8)));
        return body + ",\n  \"checksum\": \"" + checksum + "\"\n}\n";
    }

    // --- the file format -------------------------------------------------------------------

    @Test
    void state_file_has_the_original_schema_with_the_right_values() throws Exception {
        EngineState state = fullState();
        openStore().save(EngineSnapshot.of(state), List.of());

        JsonNode file = PLAIN.readTree(stateFile().toFile());

        assertThat(file.fieldNames()).toIterable().startsWith(
                "portfolio_value", "cash", "positions", "last_update", "cycle_count", "daily_pnl");
        // cash 12345.67 + AAPL 120 x 173.10 + MSFT -35 x 399.5 + BTC 0.01234567 x 65010.00
        assertThat(file.get("portfolio_value").decimalValue()).isEqualTo(new BigDecimal("19937.7620067000"))
                .isEqualTo(state.portfolioValue());
        assertThat(file.get("cash").decimalValue()).isEqualTo(new BigDecimal("12345.67"));
        assertThat(file.get("last_update").textValue()).isEqualTo("2024-03-11T14:30:00.123456789Z");
        assertThat(file.get("cycle_count").longValue()).isEqualTo(42);
        // PV 19937.7620067000 - PV at start of day 19850.25
        assertThat(file.get("daily_pnl").decimalValue()).isEqualTo(new BigDecimal("87.5120067000"));
        assertThat(file.get("positions").fieldNames()).toIterable().containsExactly("AAPL", "BTC/USD", "MSFT");
        for (Symbol symbol : List.of(AAPL, BTC, MSFT)) {
            PositionState p = state.positions().get(symbol);
            JsonNode seed = file.get("positions").get(symbol.value());
            BigDecimal weight = p.shares().multiply(p.markPrice()).divide(state.portfolioValue(), MathContext.DECIMAL64);
            assertThat(seed.fieldNames()).toIterable()
                    .containsExactly("weight", "shares", "entry_price", "entry_time", "unrealized_pnl");
            assertThat(seed.get("weight").decimalValue()).as(symbol + " weight").isEqualByComparingTo(weight);
            assertThat(seed.get("shares").decimalValue()).isEqualByComparingTo(p.shares());
            assertThat(seed.get("entry_price").decimalValue()).isEqualByComparingTo(p.averageEntryPrice());
            assertThat(seed.get("entry_time").textValue()).isEqualTo(p.entryTime().toString());
            assertThat(seed.get("unrealized_pnl").decimalValue()).as(symbol + " unrealized pnl")
                    .isEqualByComparingTo(p.shares().multiply(p.markPrice().subtract(p.averageEntryPrice())));
        }
        // AAPL: 120 x 173.10 = 20772.00 of PV; 120 x (173.10 - 171.25) = 222.00 unrealized.
        assertThat(file.get("positions").get("AAPL").get("unrealized_pnl").decimalValue())
                .isEqualByComparingTo("222.00");
        assertThat(file.get("horizon_state").get("state").get("cycle_seq").longValue()).isEqualTo(42);
    }

    @Test
    void daily_pnl_is_zero_and_last_update_null_before_the_first_cycle() throws Exception {
        openStore().save(EngineSnapshot.of(EngineState.initial(new BigDecimal("1000.00"))), List.of());

        JsonNode file = PLAIN.readTree(stateFile().toFile());

        assertThat(file.get("daily_pnl").decimalValue()).isEqualByComparingTo("0");
        assertThat(file.get("last_update").isNull()).isTrue();
        assertThat(file.get("positions").isEmpty()).isTrue();
    }

    @Test
    void checksum_is_sha256_of_the_file_without_its_checksum_member() throws Exception {
        openStore().save(fullSnapshot(), entriesOfEveryKind(42));

        String content = Files.readString(stateFile());

        assertThat(PLAIN.readTree(content).get("checksum").textValue()).isEqualTo(documentedChecksum(content));
    }

    @Test
    void journal_lines_are_json_objects_with_their_own_checksum() throws Exception {
        StateStore store = openStore();
        entriesOfEveryKind(3).forEach(store::append);

        List<String> lines = Files.readAllLines(journalFile());

        assertThat(lines).hasSize(7);
        for (String line : lines) {
            JsonNode node = PLAIN.readTree(line);
            String record = line.substring(line.indexOf("\"record\":") + "\"record\":".length(), line.length() - 1);
            assertThat(node.get("checksum").textValue()).isEqualTo(HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(record.getBytes(StandardCharsets.UTF_8))));
            assertThat(node.get("record").get("entry").get("cycle_seq").longValue()).isEqualTo(3);
        }
        assertThat(PLAIN.readTree(lines.get(4)).get("record").get("entry").get("type").textValue())
                .isEqualTo("fill");
    }

    @Test
    void keeps_the_last_three_states_as_backups() throws Exception {
        StateStore store = openStore();
        for (int cycle = 1; cycle <= 5; cycle++) {
            store.save(fullSnapshotAt(cycle, cycle + ".00"), List.of());
        }

        assertThat(cycleIn(stateFile())).isEqualTo(5);
        assertThat(cycleIn(backup(1))).isEqualTo(4);
        assertThat(cycleIn(backup(2))).isEqualTo(3);
        assertThat(cycleIn(backup(3))).isEqualTo(2);
        assertThat(backup(4)).doesNotExist();
        assertThat(location().resolve("engine_state.json.tmp")).doesNotExist();
    }

    // --- recovery of the state file ----------------------------------------------------------

    @Test
    void truncating_the_newest_file_at_any_length_loads_the_previous_state() throws Exception {
        StateStore store = openStore();
        store.save(fullSnapshotAt(1, "1.00"), List.of());
        store.save(fullSnapshotAt(2, "2.00"), entriesOfEveryKind(2));
        byte[] newest = Files.readAllBytes(stateFile());

        try (LogCapture quiet = LogCapture.of(SnapshotFiles.class)) {
            for (int length = 0; length < newest.length; length++) {
                Files.write(stateFile(), Arrays.copyOf(newest, length));
                assertThat(store.load()).as("newest file cut to %d of %d bytes", length, newest.length)
                        .contains(fullSnapshotAt(1, "1.00"));
            }
        }
    }

    @Test
    void flipping_any_byte_of_the_newest_file_loads_the_previous_state() throws Exception {
        StateStore store = openStore();
        store.save(fullSnapshotAt(1, "1.00"), List.of());
        store.save(fullSnapshotAt(2, "2.00"), List.of());
        byte[] newest = Files.readAllBytes(stateFile());

        try (LogCapture quiet = LogCapture.of(SnapshotFiles.class)) {
            for (int i = 0; i < newest.length; i++) {
                byte[] damaged = newest.clone();
                damaged[i] ^= (byte) 0xFF;
                Files.write(stateFile(), damaged);
                assertThat(store.load()).as("byte %d of %d flipped", i, newest.length)
                        .contains(fullSnapshotAt(1, "1.00"));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 100, -1})
    void a_stray_temp_file_from_an_interrupted_write_is_ignored_then_replaced(int tempLength) throws Exception {
        StateStore store = openStore();
        store.save(fullSnapshotAt(1, "1.00"), entriesOfEveryKind(1));
        store.close();
        // A save of cycle 2 that died before its rename: complete (-1) or cut short in the temp file.
        byte[] next = new StateFileCodec(dev.horizon.adapters.persistence.json.DomainJson.mapper()).encode(
                StateFile.of(fullSnapshotAt(2, "2.00"), new StateFile.PendingSave(2, entriesOfEveryKind(2)), 1));
        Files.write(location().resolve("engine_state.json.tmp"),
                tempLength < 0 ? next : Arrays.copyOf(next, tempLength));

        StateStore reopened = openStore();

        assertThat(reopened.load()).contains(fullSnapshotAt(1, "1.00"));
        assertThat(reopened.journal(0, 10)).containsExactlyElementsOf(entriesOfEveryKind(1));
        reopened.save(fullSnapshotAt(3, "3.00"), List.of());
        assertThat(reopened.load()).contains(fullSnapshotAt(3, "3.00"));
        assertThat(location().resolve("engine_state.json.tmp")).doesNotExist();
    }

    @Test
    void falling_back_to_a_backup_warns_naming_both_files() throws Exception {
        StateStore store = openStore();
        store.save(fullSnapshotAt(1, "1.00"), List.of());
        store.save(fullSnapshotAt(2, "2.00"), List.of());
        Files.write(stateFile(), Arrays.copyOf(Files.readAllBytes(stateFile()), 100));

        try (LogCapture log = LogCapture.of(SnapshotFiles.class)) {
            assertThat(store.load()).contains(fullSnapshotAt(1, "1.00"));

            assertThat(log.warnings()).singleElement().asString()
                    .contains(stateFile().toString(), backup(1).toString(), "truncated", "cycle 1");
        }
    }

    @Test
    void damaged_newer_backups_fall_through_to_the_newest_valid_one() throws Exception {
        StateStore store = openStore();
        for (int cycle = 1; cycle <= 4; cycle++) {
            store.save(fullSnapshotAt(cycle, cycle + ".00"), List.of());
        }
        Files.write(stateFile(), new byte[0]);
        Files.writeString(backup(1), "{ \"not\": \"a state\" }\n");
        Files.delete(backup(2));

        try (LogCapture log = LogCapture.of(SnapshotFiles.class)) {
            assertThat(store.load()).contains(fullSnapshotAt(1, "1.00"));
            assertThat(log.warnings()).singleElement().asString()
                    .contains("engine_state.json: empty", "engine_state.json.1: truncated or without checksum",
                            "engine_state.json.2: missing", backup(3).toString());
        }
    }

    @Test
    void no_valid_copy_is_refused_in_one_line_naming_the_directory() throws Exception {
        StateStore store = openStore();
        for (int cycle = 1; cycle <= 4; cycle++) {
            store.save(fullSnapshotAt(cycle, cycle + ".00"), List.of());
        }
        for (Path file : List.of(stateFile(), backup(1), backup(2), backup(3))) {
            byte[] bytes = Files.readAllBytes(file);
            bytes[bytes.length / 2] ^= 1;
            Files.write(file, bytes);
        }

        assertThatThrownBy(store::load)
                .isInstanceOf(StateCorruptedException.class)
                .hasMessageContaining("no valid engine state in " + location())
                .hasMessageContaining("checksum mismatch")
                .hasMessageContaining("move the directory away")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        store.close();
        // Opening still works (the lock and journal are fine); it is load() that refuses.
        assertThatThrownBy(() -> openStore().load()).isInstanceOf(StateCorruptedException.class);
    }

    @Test
    void an_intact_file_this_version_cannot_read_is_refused_not_skipped() throws Exception {
        StateStore store = openStore();
        store.save(fullSnapshotAt(1, "1.00"), List.of());
        store.save(fullSnapshotAt(2, "2.00"), List.of());
        String content = Files.readString(stateFile());
        String document = content.substring(0, content.lastIndexOf(",\n  \"checksum\"")) + "\n}";
        Files.writeString(stateFile(), withChecksum(document.replace("\"horizon_format\": 2", "\"horizon_format\": 3")));

        assertThatThrownBy(store::load)
                .isInstanceOf(StateCorruptedException.class)
                .hasMessageContaining(stateFile().toString())
                .hasMessageContaining("format 3");
    }

    // --- journal -----------------------------------------------------------------------------

    @Test
    void a_last_line_that_lost_only_its_newline_is_intact_and_kept() throws Exception {
        List<JournalEntry> entries = entriesOfEveryKind(5);
        StateStore store = openStore();
        store.append(entries.get(0));
        store.append(entries.get(1));
        store.close();
        byte[] journal = Files.readAllBytes(journalFile());
        Files.write(journalFile(), Arrays.copyOf(journal, journal.length - 1));

        try (LogCapture log = LogCapture.of(JournalFile.class)) {
            StateStore reopened = openStore();
            reopened.append(entries.get(2));

            assertThat(reopened.journal(0, 10)).containsExactlyElementsOf(entries.subList(0, 3));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 40, 200})
    void a_torn_last_journal_line_is_skipped_and_later_appends_survive(int cut) throws Exception {
        List<JournalEntry> entries = entriesOfEveryKind(5);
        StateStore store = openStore();
        store.append(entries.get(0));
        store.append(entries.get(1));
        store.close();
        byte[] journal = Files.readAllBytes(journalFile());
        Files.write(journalFile(), Arrays.copyOf(journal, journal.length - cut));

        try (LogCapture log = LogCapture.of(JournalFile.class)) {
            StateStore reopened = openStore();
            assertThat(reopened.journal(0, 10)).containsExactly(entries.get(0));
            reopened.append(entries.get(2));
            assertThat(reopened.journal(0, 10)).containsExactly(entries.get(0), entries.get(2));
            assertThat(log.warnings()).anySatisfy(w -> assertThat(w).contains(journalFile().toString(), "line 2"));
            reopened.close();
        }

        try (LogCapture quiet = LogCapture.of(JournalFile.class)) {
            assertThat(openStore().journal(0, 10)).containsExactly(entries.get(0), entries.get(2));
        }
    }

    @Test
    void a_corrupt_journal_line_is_skipped_without_losing_the_lines_after_it() throws Exception {
        List<JournalEntry> entries = entriesOfEveryKind(5);
        StateStore store = openStore();
        entries.subList(0, 3).forEach(store::append);
        List<String> lines = Files.readAllLines(journalFile());
        Files.writeString(journalFile(), lines.get(0) + "\n" + lines.get(1).replace("decision", "DECISION") + "\n"
                + lines.get(2) + "\n");

        try (LogCapture log = LogCapture.of(JournalFile.class)) {
            assertThat(store.journal(0, 10)).containsExactly(entries.get(0), entries.get(2));
            assertThat(store.journal(0, 10)).hasSize(2);
            assertThat(log.warnings()).singleElement().asString().contains("line 2", "corrupt");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 3, 6})
    void entries_of_a_save_cut_short_by_a_crash_are_appended_on_reopen(int linesWritten) throws Exception {
        List<JournalEntry> decisions = entriesOfEveryKind(42);
        JournalEntry before = entriesOfEveryKind(41).get(6);
        StateStore store = openStore();
        store.append(before);
        store.save(fullSnapshot(), decisions);
        store.close();
        // The process died after the state file's rename, having written only part of the journal lines.
        List<String> lines = Files.readAllLines(journalFile());
        String kept = String.join("\n", lines.subList(0, 1 + linesWritten)) + "\n";
        String torn = lines.get(1 + linesWritten).substring(0, 30);
        Files.writeString(journalFile(), kept + torn);

        try (LogCapture log = LogCapture.of(JournalFile.class, JsonFileStateStore.class)) {
            StateStore reopened = openStore();

            assertThat(reopened.load()).contains(fullSnapshot());
            assertThat(reopened.journal(0, 100)).containsExactlyElementsOf(
                    java.util.stream.Stream.concat(java.util.stream.Stream.of(before), decisions.stream()).toList());
            assertThat(log.warnings()).anySatisfy(w -> assertThat(w).contains("not written before the engine stopped"));
            reopened.close();
            // Completing is idempotent: a second reopen adds nothing.
            assertThat(openStore().journal(0, 100)).hasSize(1 + decisions.size());
        }
    }

    // --- lock ----------------------------------------------------------------------------------

    @Test
    void a_second_engine_process_is_refused_naming_the_holder_pid() throws Exception {
        try (StoreHolderProcess other = StoreHolderProcess.start("jsonfile", location())) {
            assertThat(other.holdsStore()).as(other.report()).isTrue();

            assertThatThrownBy(() -> openStore())
                    .isInstanceOf(StateLockedException.class)
                    .hasMessageContaining("pid " + other.pid() + ",")
                    .hasMessageContaining(location().resolve("horizon.lock").toString());
        }
        openStore().close();
    }
}
