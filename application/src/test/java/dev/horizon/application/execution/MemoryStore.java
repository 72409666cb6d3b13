package dev.horizon.application.execution;

import dev.horizon.application.port.StateStore;
import dev.horizon.domain.journal.JournalEntry;
import dev.horizon.domain.snapshot.EngineSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Keeps the journal in a list, for unit tests of journaling order. */
final class MemoryStore implements StateStore {

    final List<JournalEntry> entries = new ArrayList<>();
    private EngineSnapshot snapshot;

    @Override
    public Optional<EngineSnapshot> load() {
        return Optional.ofNullable(snapshot);
    }

    @Override
    public void save(EngineSnapshot s, List<JournalEntry> more) {
        snapshot = s;
        entries.addAll(more);
    }

    @Override
    public void append(JournalEntry entry) {
        entries.add(entry);
    }

    @Override
    public List<JournalEntry> journal(long fromCycle, long toCycle) {
        return entries.stream().filter(e -> e.cycleSeq() >= fromCycle && e.cycleSeq() <= toCycle).toList();
    }

    @Override
    public void close() {
        // nothing held
    }
}
