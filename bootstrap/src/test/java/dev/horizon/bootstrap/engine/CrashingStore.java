package dev.horizon.bootstrap.engine;

import dev.horizon.application.port.StateStore;
import dev.horizon.domain.journal.JournalEntry;
import dev.horizon.domain.snapshot.EngineSnapshot;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** A store that dies once: right after durably appending a matching entry, or right before a matching save. */
final class CrashingStore implements StateStore {

    private final StateStore delegate;
    private final Predicate<JournalEntry> crashAfterAppend;
    private final Predicate<List<JournalEntry>> crashBeforeSave;
    private boolean crashed;

    CrashingStore(StateStore delegate, Predicate<JournalEntry> crashAfterAppend,
                  Predicate<List<JournalEntry>> crashBeforeSave) {
        this.delegate = delegate;
        this.crashAfterAppend = crashAfterAppend;
        this.crashBeforeSave = crashBeforeSave;
    }

    @Override
    public Optional<EngineSnapshot> load() {
        return delegate.load();
    }

    @Override
    public void save(EngineSnapshot snapshot, List<JournalEntry> entries) {
        if (!crashed && crashBeforeSave.test(entries)) {
            crashed = true;
            throw new Crash("before saving the snapshot");
        }
        delegate.save(snapshot, entries);
    }

    @Override
    public void append(JournalEntry entry) {
        delegate.append(entry);
        if (!crashed && crashAfterAppend.test(entry)) {
            crashed = true;
            throw new Crash("after journaling " + entry.getClass().getSimpleName());
        }
    }

    @Override
    public List<JournalEntry> journal(long fromCycle, long toCycle) {
        return delegate.journal(fromCycle, toCycle);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
