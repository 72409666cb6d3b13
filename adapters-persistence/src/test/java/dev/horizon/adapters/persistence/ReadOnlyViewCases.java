package dev.horizon.adapters.persistence;

import static dev.horizon.application.contract.EngineStateFixtures.entriesOfEveryKind;
import static dev.horizon.application.contract.EngineStateFixtures.fullSnapshotAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.horizon.application.port.StateLockedException;
import dev.horizon.application.port.StateStore;
import dev.horizon.domain.journal.JournalEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code openReadOnly} must do for {@code horizon status} on a running engine, for each
 * store: see what the engine (holding the lock) last saved and journaled, take no lock, write
 * nothing.
 */
public abstract class ReadOnlyViewCases {

    @TempDir
    protected Path tempDir;

    /** Opens the store for an engine (taking the lock). */
    protected abstract StateStore openEngine(Path location);

    /** Opens the read-only view. */
    protected abstract StateStore openReadOnly(Path location);

    /** The store kind as {@link StoreHolderProcess} names it. */
    protected abstract String kind();

    /** A location for a store inside {@code directory}. */
    protected abstract Path locationIn(Path directory);

    protected final Path location() {
        return locationIn(tempDir);
    }

    @Test
    void read_only_view_sees_the_snapshot_and_journal_of_the_engine_holding_the_lock() {
        try (StateStore engine = openEngine(location())) {
            engine.save(fullSnapshotAt(41, "1000.00"), entriesOfEveryKind(41));
            engine.save(fullSnapshotAt(42, "990.50"), entriesOfEveryKind(42));
            JournalEntry late = new JournalEntry.RiskEvent(42, fullSnapshotAt(42, "0").state().lastCycleTime(),
                    "pause", "operator pause");
            engine.append(late);

            try (StateStore view = openReadOnly(location())) {
                assertThat(view.load()).contains(fullSnapshotAt(42, "990.50"));
                List<JournalEntry> expected = new ArrayList<>(entriesOfEveryKind(41));
                expected.addAll(entriesOfEveryKind(42));
                expected.add(late);
                assertThat(view.journal(0, Long.MAX_VALUE)).containsExactlyElementsOf(expected);
                assertThat(view.journal(42, 42)).hasSize(entriesOfEveryKind(42).size() + 1);
            }
        }
    }

    @Test
    void read_only_view_follows_the_engines_later_saves() {
        try (StateStore engine = openEngine(location());
             StateStore view = openReadOnly(location())) {
            engine.save(fullSnapshotAt(1, "1000.00"), entriesOfEveryKind(1));
            assertThat(view.load()).contains(fullSnapshotAt(1, "1000.00"));

            engine.save(fullSnapshotAt(2, "1001.00"), entriesOfEveryKind(2));
            assertThat(view.load()).contains(fullSnapshotAt(2, "1001.00"));
            assertThat(view.journal(2, 2)).containsExactlyElementsOf(entriesOfEveryKind(2));
        }
    }

    @Test
    void closing_the_read_only_view_leaves_the_engine_lock_held_and_the_engine_writing() {
        try (StateStore engine = openEngine(location())) {
            engine.save(fullSnapshotAt(1, "1000.00"), List.of());
            openReadOnly(location()).close();

            // POSIX drops a process's locks on a file when any descriptor of it closes: the view must not touch it.
            assertThatThrownBy(() -> openEngine(location())).isInstanceOf(StateLockedException.class);
            engine.save(fullSnapshotAt(2, "1000.00"), entriesOfEveryKind(2));
            assertThat(engine.load()).contains(fullSnapshotAt(2, "1000.00"));
        }
    }

    @Test
    void read_only_view_works_while_an_engine_in_another_process_holds_the_store() throws Exception {
        try (StateStore engine = openEngine(location())) {
            engine.save(fullSnapshotAt(7, "1234.56"), entriesOfEveryKind(7));
        }
        try (StoreHolderProcess other = StoreHolderProcess.start(kind(), location())) {
            assertThat(other.holdsStore()).as(other.report()).isTrue();

            try (StateStore view = openReadOnly(location())) {
                assertThat(view.load()).contains(fullSnapshotAt(7, "1234.56"));
                assertThat(view.journal(7, 7)).containsExactlyElementsOf(entriesOfEveryKind(7));
            }
        }
    }

    @Test
    void read_only_view_after_the_engine_stopped_reads_the_same() {
        try (StateStore engine = openEngine(location())) {
            engine.save(fullSnapshotAt(3, "999.00"), entriesOfEveryKind(3));
        }

        try (StateStore view = openReadOnly(location())) {
            assertThat(view.load()).contains(fullSnapshotAt(3, "999.00"));
            assertThat(view.journal(0, 10)).containsExactlyElementsOf(entriesOfEveryKind(3));
        }
        // and an engine can open it again afterwards
        try (StateStore engine = openEngine(location())) {
            assertThat(engine.load()).contains(fullSnapshotAt(3, "999.00"));
        }
    }

    @Test
    void save_and_append_on_the_read_only_view_are_refused() {
        try (StateStore engine = openEngine(location())) {
            engine.save(fullSnapshotAt(1, "1000.00"), List.of());
        }
        try (StateStore view = openReadOnly(location())) {
            assertThatThrownBy(() -> view.save(fullSnapshotAt(2, "1.00"), List.of()))
                    .isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("read-only")
                    .hasMessageContaining(location().getFileName().toString());
            assertThatThrownBy(() -> view.append(entriesOfEveryKind(2).get(0)))
                    .isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("read-only");
            assertThat(view.load()).contains(fullSnapshotAt(1, "1000.00"));
            assertThat(view.journal(0, 10)).isEmpty();
        }
    }

    @Test
    void read_only_view_of_a_location_never_used_is_empty_and_creates_nothing() throws IOException {
        Path location = locationIn(tempDir.resolve("nothing-here"));

        try (StateStore view = openReadOnly(location)) {
            assertThat(view.load()).isEmpty();
            assertThat(view.journal(0, Long.MAX_VALUE)).isEmpty();
        }
        try (Stream<Path> files = Files.list(tempDir)) {
            assertThat(files).isEmpty();
        }
    }
}
