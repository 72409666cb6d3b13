package dev.horizon.benchmarks;

import dev.horizon.application.port.StateStore;
import dev.horizon.domain.journal.JournalEntry;
import dev.horizon.domain.snapshot.EngineSnapshot;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A state store that keeps references in memory, so the cycle benchmarks measure the engine and
 * not serialisation or fsync: {@link #save} keeps the snapshot it is handed (no copy) and the
 * journal keeps only its newest {@value #JOURNAL_KEPT} entries, so memory stays bounded however
 * long a benchmark runs. Not durable, obviously; counts what it was given.
 */
public final class InMemoryStateStore implements StateStore {

    static final int JOURNAL_KEPT = 2_000;

    private EngineSnapshot snapshot;
    private final ArrayDeque<JournalEntry> journal = new ArrayDeque<>();
    private long saves;
    private long entries;

    @Override
    public Optional<EngineSnapshot> load() {
        return Optional.ofNullable(snapshot);
    }

    @Override
    public void save(EngineSnapshot snapshot, List<JournalEntry> newEntries) {
        this.snapshot = snapshot;
        saves++;
        newEntries.forEach(this::append);
    }

    @Override
    public void append(JournalEntry entry) {
        entries++;
        journal.addLast(entry);
        if (journal.size() > JOURNAL_KEPT) {
            journal.removeFirst();
        }
    }

    @Override
    public List<JournalEntry> journal(long fromCycle, long toCycle) {
        List<JournalEntry> out = new ArrayList<>();
        for (JournalEntry e : journal) {
            if (e.cycleSeq() >= fromCycle && e.cycleSeq() <= toCycle) {
                out.add(e);
            }
        }
        return out;
    }

    /** Snapshots saved so far. */
    public long saves() {
        return saves;
    }

    /** Journal entries received so far. */
    public long entries() {
        return entries;
    }

    @Override
    public void close() {
        // nothing to release
    }
}
