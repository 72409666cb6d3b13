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
    private java.security.MessageDigest digest;

    /** The prediction statistics of the last save: a new object after a checkpoint, the same one in between. */
    public Object lastLearned() {
        return snapshot == null ? null : snapshot.learned().prediction();
    }

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
        if (digest != null) {
            digest.update(entry.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
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

    /**
     * From now on, digests every journal entry's text (SHA-256), so two builds can be checked to
     * journal exactly the same run; costs a string per entry, so only on request.
     */
    public void hashJournal() {
        try {
            digest = java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The SHA-256 of the journal since {@link #hashJournal()}, in hex (resets the digest). */
    public String journalHash() {
        return java.util.HexFormat.of().formatHex(digest.digest());
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
