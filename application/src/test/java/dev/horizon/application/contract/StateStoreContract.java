package dev.horizon.application.contract;

import static dev.horizon.application.contract.EngineStateFixtures.AAPL;
import static dev.horizon.application.contract.EngineStateFixtures.BTC;
import static dev.horizon.application.contract.EngineStateFixtures.entriesOfEveryKind;
import static dev.horizon.application.contract.EngineStateFixtures.fullSnapshot;
import static dev.horizon.application.contract.EngineStateFixtures.fullSnapshotAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.horizon.application.port.StateLockedException;
import dev.horizon.application.port.StateStore;
import dev.horizon.domain.journal.JournalEntry;
import dev.horizon.domain.order.OrderStatus;
import dev.horizon.domain.state.Decision;
import dev.horizon.domain.snapshot.EngineSnapshot;
import dev.horizon.domain.state.EngineState;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The behaviour every {@link StateStore} adapter must have (see the port's Javadoc). An adapter's
 * test extends this class and implements {@link #open(Path)}; every test here then runs against
 * the adapter with real storage under a fresh temporary directory.
 *
 * <p>Hooks for stores that need them: {@link #locationIn(Path)} picks where in the temporary
 * directory the store lives (a directory, a database file, ...), and
 * {@link #reportsLockHolderPid()} says whether a lock refusal can name the holding process.
 * Stores opened through {@link #openStore(Path)} are closed after each test.
 */
public abstract class StateStoreContract {

    /** A fresh directory per test; the store's location is derived from it. */
    @TempDir
    protected Path tempDir;

    private final List<StateStore> opened = new ArrayList<>();

    /**
     * Opens (creating if needed) the adapter's store at {@code location}, taking its exclusive lock.
     * Called several times per test on the same location to check locking and durability.
     */
    protected abstract StateStore open(Path location);

    /** Where in {@code directory} the store under test lives. Default: {@code directory/state}. */
    protected Path locationIn(Path directory) {
        return directory.resolve("state");
    }

    /**
     * Whether a {@link StateLockedException} names the holder as {@code pid <n>}. True for stores
     * that lock a local file; a store whose lock lives elsewhere may return false.
     */
    protected boolean reportsLockHolderPid() {
        return true;
    }

    /** The location of this test's store. */
    protected final Path location() {
        return locationIn(tempDir);
    }

    /** Opens the store at {@code location} and closes it after the test. */
    protected final StateStore openStore(Path location) {
        StateStore store = open(location);
        opened.add(store);
        return store;
    }

    /** Opens the store at this test's {@link #location()}. */
    protected final StateStore openStore() {
        return openStore(location());
    }

    @AfterEach
    void closeOpenedStores() {
        for (StateStore store : opened) {
            store.close();
        }
        opened.clear();
    }

    // --- missing data ----------------------------------------------------------------------

    @Test
    void new_location_loads_empty_and_has_no_journal() {
        StateStore store = openStore();

        assertThat(store.load()).isEmpty();
        assertThat(store.journal(0, Long.MAX_VALUE)).isEmpty();
    }

    // --- round trip ------------------------------------------------------------------------

    @Test
    void round_trip_keeps_every_field_of_the_state() {
        EngineSnapshot saved = fullSnapshot();
        StateStore store = openStore();

        store.save(saved, List.of());
        EngineSnapshot loadedSnapshot = store.load().orElseThrow();
        EngineState loaded = loadedSnapshot.state();

        assertThat(loadedSnapshot).isEqualTo(saved);
        assertThat(loadedSnapshot.learned()).isEqualTo(saved.learned());
        assertThat(loadedSnapshot.learned().prediction().models()).containsKey("ret_5m/Ridge");
        // Spelled out so a failure says which rule broke; record equality already covers them.
        assertThat(loaded.cash()).isEqualTo(new BigDecimal("12345.67")).extracting(BigDecimal::scale).isEqualTo(2);
        assertThat(loaded.positions().get(BTC).averageEntryPrice()).isEqualTo(new BigDecimal("6.5E+4"));
        assertThat(loaded.positions().get(AAPL).markPrice()).isEqualTo(new BigDecimal("173.10"));
        assertThat(loaded.positions().get(AAPL).entryTime()).isEqualTo(saved.state().positions().get(AAPL).entryTime());
        assertThat(loaded.cycleSeq()).isEqualTo(42);
        assertThat(loaded.lastCycleTime()).isEqualTo(EngineStateFixtures.T0);
        assertThat(loaded.sessionDay()).isEqualTo(saved.state().sessionDay());
        assertThat(loaded.startOfDayValue()).isEqualTo(new BigDecimal("19850.25"));
        assertThat(loaded.highWaterMark()).isEqualTo(new BigDecimal("21234.5600"));
        assertThat(loaded.killSwitch()).isEqualTo(saved.state().killSwitch());
        assertThat(loaded.killSwitch().active()).isTrue();
        assertThat(loaded.paused()).isTrue();
        assertThat(loaded.openOrders().values()).extracting(o -> o.status()).containsExactlyInAnyOrder(
                OrderStatus.NEW, OrderStatus.SUBMITTED, OrderStatus.ACCEPTED, OrderStatus.PARTIALLY_FILLED,
                OrderStatus.UNKNOWN);
        assertThat(loaded.openOrders()).isEqualTo(saved.state().openOrders());
    }

    @Test
    void round_trip_keeps_the_absent_values_of_a_fresh_state() {
        EngineSnapshot fresh = EngineSnapshot.of(EngineState.initial(new BigDecimal("100000.000")));
        StateStore store = openStore();

        store.save(fresh, List.of());

        assertThat(store.load()).contains(fresh);
    }

    @Test
    void save_replaces_the_previous_snapshot() {
        StateStore store = openStore();

        store.save(fullSnapshotAt(1, "1.00"), List.of());
        store.save(fullSnapshotAt(2, "2.50"), List.of());

        assertThat(store.load()).contains(fullSnapshotAt(2, "2.50"));
    }

    // --- journal ---------------------------------------------------------------------------

    @Test
    void journal_entries_of_every_kind_round_trip_in_write_order() {
        List<JournalEntry> entries = entriesOfEveryKind(7);
        StateStore store = openStore();

        entries.forEach(store::append);

        assertThat(store.journal(7, 7)).containsExactlyElementsOf(entries);
        assertThat(entries).extracting(e -> e.getClass().getSimpleName()).containsAll(
                Stream.of(JournalEntry.class.getPermittedSubclasses()).map(Class::getSimpleName).toList());
        JournalEntry.DecisionRecorded hold = (JournalEntry.DecisionRecorded) store.journal(7, 7).get(1);
        assertThat(hold.decision().decision()).isEqualTo(Decision.HOLD);
        assertThat(hold.decision().alpha()).isNaN();
    }

    @Test
    void journal_returns_only_the_inclusive_cycle_range() {
        StateStore store = openStore();
        List<JournalEntry> all = new ArrayList<>();
        for (long cycle = 1; cycle <= 5; cycle++) {
            for (JournalEntry e : entriesOfEveryKind(cycle).subList(0, 3)) {
                store.append(e);
                all.add(e);
            }
        }

        assertThat(store.journal(2, 4)).containsExactlyElementsOf(
                all.stream().filter(e -> e.cycleSeq() >= 2 && e.cycleSeq() <= 4).toList());
        assertThat(store.journal(3, 3)).hasSize(3).allMatch(e -> e.cycleSeq() == 3);
        assertThat(store.journal(6, 100)).isEmpty();
        assertThat(store.journal(0, Long.MAX_VALUE)).containsExactlyElementsOf(all);
    }

    @Test
    void journal_keeps_write_order_not_cycle_order() {
        StateStore store = openStore();
        JournalEntry later = entriesOfEveryKind(9).get(6);
        JournalEntry earlier = entriesOfEveryKind(3).get(6);

        store.append(later);
        store.append(earlier);

        assertThat(store.journal(0, 10)).containsExactly(later, earlier);
    }

    @Test
    void save_writes_the_state_and_its_entries_together() {
        StateStore store = openStore();
        List<JournalEntry> decisions = entriesOfEveryKind(42);

        store.save(fullSnapshot(), decisions);

        assertThat(store.load()).contains(fullSnapshot());
        assertThat(store.journal(42, 42)).containsExactlyElementsOf(decisions);
    }

    @Test
    void entries_from_save_and_append_interleave_in_write_order() {
        StateStore store = openStore();
        List<JournalEntry> cycle1 = entriesOfEveryKind(1);
        List<JournalEntry> cycle2 = entriesOfEveryKind(2);

        store.save(fullSnapshotAt(1, "10.00"), cycle1.subList(0, 2));
        cycle1.subList(2, cycle1.size()).forEach(store::append);
        store.save(fullSnapshotAt(2, "20.00"), cycle2.subList(0, 2));
        cycle2.subList(2, cycle2.size()).forEach(store::append);

        List<JournalEntry> expected = new ArrayList<>(cycle1);
        expected.addAll(cycle2);
        assertThat(store.journal(1, 2)).containsExactlyElementsOf(expected);
    }

    // --- exclusive lock --------------------------------------------------------------------

    @Test
    void second_open_of_a_held_location_is_refused_naming_the_location_and_holder() {
        openStore();

        assertThatThrownBy(() -> openStore())
                .isInstanceOf(StateLockedException.class)
                .hasMessageContaining(location().toString())
                .satisfies(e -> {
                    if (reportsLockHolderPid()) {
                        assertThat(e.getMessage()).contains("pid " + ProcessHandle.current().pid());
                    }
                });
    }

    @Test
    void a_refused_open_leaves_the_holder_working_and_locked() {
        StateStore holder = openStore();
        assertThatThrownBy(() -> openStore()).isInstanceOf(StateLockedException.class);

        holder.save(fullSnapshot(), entriesOfEveryKind(42));

        assertThat(holder.load()).contains(fullSnapshot());
        assertThatThrownBy(() -> openStore()).isInstanceOf(StateLockedException.class);
    }

    @Test
    void close_releases_the_lock() {
        StateStore first = openStore();
        first.close();

        StateStore second = openStore();

        assertThat(second.load()).isEmpty();
    }

    @Test
    void close_is_idempotent() {
        StateStore store = openStore();

        store.close();
        store.close();

        openStore().close();
    }

    // --- durability ------------------------------------------------------------------------

    @Test
    void reopen_after_close_sees_the_saved_state_and_journal() {
        List<JournalEntry> decisions = entriesOfEveryKind(42);
        JournalEntry appended = entriesOfEveryKind(43).get(4);
        StateStore first = openStore();
        first.save(fullSnapshot(), decisions);
        first.append(appended);
        first.close();

        StateStore reopened = openStore();

        assertThat(reopened.load()).contains(fullSnapshot());
        List<JournalEntry> expected = new ArrayList<>(decisions);
        expected.add(appended);
        assertThat(reopened.journal(0, Long.MAX_VALUE)).containsExactlyElementsOf(expected);
    }

    @Test
    void reopen_keeps_appending_after_the_existing_journal() {
        JournalEntry first = entriesOfEveryKind(1).get(6);
        JournalEntry second = entriesOfEveryKind(2).get(6);
        StateStore store = openStore();
        store.append(first);
        store.close();

        StateStore reopened = openStore();
        reopened.append(second);

        assertThat(reopened.journal(0, 10)).containsExactly(first, second);
    }
}
