package dev.horizon.adapters.persistence.jsonfile;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.horizon.adapters.persistence.json.DomainJson;
import dev.horizon.adapters.persistence.json.LearnedStatistics;
import dev.horizon.adapters.persistence.lock.StateLock;
import dev.horizon.adapters.persistence.lock.StoreAccess;
import dev.horizon.application.port.StateCorruptedException;
import dev.horizon.application.port.StateStore;
import dev.horizon.application.port.StateStoreException;
import dev.horizon.domain.journal.JournalEntry;
import dev.horizon.domain.snapshot.EngineSnapshot;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link StateStore} in a directory of plain files, readable by the original engine's tools:
 *
 * <ul>
 *   <li>{@code engine_state.json}: the original schema ({@code portfolio_value, cash,
 *       positions{<symbol>: {weight, shares, entry_price, entry_time, unrealized_pnl}},
 *       last_update, cycle_count, daily_pnl}) plus {@code horizon_format}, the full state under
 *       {@code horizon_state}, the entries of the last save under {@code pending_journal}, and a
 *       {@code checksum}. Replaced atomically; the previous three are kept as
 *       {@code engine_state.json.1..3} and used, with a warning, when the newest is damaged.</li>
 *   <li>{@code learned-<seq>.bin}: the learned statistics (prediction trackers, blending histories,
 *       sizing windows) that a state file names under {@code learned_seq}, written only when the
 *       engine hands new ones (it hands on the very same objects between its checkpoints), before
 *       the state file that names them; the files no state file names any more are removed.</li>
 *   <li>{@code journal.jsonl}: one checksummed JSON line per entry, forced to disk per append.</li>
 *   <li>{@code horizon.lock}: the single-engine lock, holding the owner's pid.</li>
 * </ul>
 *
 * <p>{@link #save} writes the state file first, then appends its entries to the journal. The
 * state file carries those entries too, so if the process dies between the two writes, the next
 * {@link #open} appends whichever of them the journal lacks: after a crash the journal holds all
 * of a save's entries exactly when the state holds that save.
 *
 * <p>{@link #openReadOnly} gives a lock-free view for status readers while an engine holds the
 * directory.
 */
public final class JsonFileStateStore implements StateStore {

    /** The lock file's name in the state directory. */
    public static final String LOCK_FILE = "horizon.lock";

    private static final Logger LOG = LoggerFactory.getLogger(JsonFileStateStore.class);

    private final Path directory;
    private final StoreAccess access;
    private final StateFileCodec codec;
    private final SnapshotFiles snapshots;
    private final LearnedFiles learned;
    private final JournalFile journal;
    private long nextGeneration;
    /** The statistics in file {@link #savedSeq} as last written or read; null: the next save writes them. */
    private LearnedStatistics savedStatistics;
    private long savedSeq;
    private long nextLearnedSeq;
    /** Statistics files named by state files found at open, and by this store's last saves. */
    private final Set<Long> namedAtOpen = new HashSet<>();
    private final Deque<Long> namedBySaves = new ArrayDeque<>();

    private JsonFileStateStore(Path directory, StateLock lock, ObjectMapper mapper, JournalFile journal) {
        this.directory = directory;
        this.access = new StoreAccess("state directory " + directory, lock);
        this.codec = new StateFileCodec(mapper);
        this.learned = new LearnedFiles(directory);
        this.snapshots = new SnapshotFiles(directory, codec, learned);
        this.journal = journal;
    }

    /**
     * Opens (creating if needed) the store in {@code directory}, takes its lock and completes a
     * save that a crash interrupted.
     *
     * @throws dev.horizon.application.port.StateLockedException if another engine has it open
     * @throws StateStoreException naming the file on an I/O failure
     */
    public static JsonFileStateStore open(Path directory) {
        StateLock lock = StateLock.acquire(directory.resolve(LOCK_FILE), directory);
        JournalFile journal = null;
        try {
            ObjectMapper mapper = DomainJson.mapper();
            journal = JournalFile.open(directory, mapper);
            JsonFileStateStore store = new JsonFileStateStore(directory, lock, mapper, journal);
            store.completeInterruptedSave();
            return store;
        } catch (RuntimeException e) {
            if (journal != null) {
                journal.close();
            }
            lock.close();
            throw e;
        }
    }

    /**
     * A read-only view of the store in {@code directory} for a status reader: {@link #load()}
     * reads the newest valid state file and {@link #journal} the journal's complete lines, without
     * taking the engine lock (so it works while an engine runs) and without creating, repairing or
     * completing anything. {@link #save} and {@link #append} throw
     * {@link UnsupportedOperationException}. A missing directory reads as a new location.
     *
     * <p>The view's journal lacks the entries of a save the engine has written to the state file
     * but not yet to the journal (the engine appends them right after, or on its next start).
     */
    public static StateStore openReadOnly(Path directory) {
        ObjectMapper mapper = DomainJson.mapper();
        return new JsonFileStateStore(directory, null, mapper, JournalFile.openForReading(directory, mapper));
    }

    /** The state directory. */
    public Path directory() {
        return directory;
    }

    @Override
    public synchronized Optional<EngineSnapshot> load() {
        ensureOpen();
        Optional<SnapshotFiles.Loaded> loaded = snapshots.loadNewestValid(true);
        if (loaded.isEmpty() && !journal.readAll().isEmpty()) {
            LOG.warn("{} has a journal but no engine state file: starting without saved state", directory);
        }
        loaded.filter(l -> access.writable() && l.statistics() != null
                        && (savedStatistics == null || savedSeq != l.file().learnedSeq()))
                .ifPresent(l -> {
                    // What is on disk; a load between saves keeps the objects the engine hands on.
                    savedStatistics = l.statistics();
                    savedSeq = l.file().learnedSeq();
                });
        return loaded.map(SnapshotFiles.Loaded::snapshot);
    }

    @Override
    public synchronized void save(EngineSnapshot snapshot, List<JournalEntry> entries) {
        ensureOpen();
        ensureWritable("save state");
        long generation = nextGeneration++;
        boolean writeLearned = savedStatistics == null || !savedStatistics.sameObjectsAs(snapshot.learned());
        LearnedStatistics statistics = writeLearned ? LearnedStatistics.of(snapshot.learned()) : savedStatistics;
        long seq = writeLearned ? nextLearnedSeq++ : savedSeq;
        if (writeLearned) {
            learned.write(seq, statistics);
        }
        byte[] content = codec.encode(StateFile.of(snapshot, new StateFile.PendingSave(generation, entries), seq));
        snapshots.write(content);
        savedStatistics = statistics;
        savedSeq = seq;
        namedBySaves.addFirst(seq);
        if (namedBySaves.size() > SnapshotFiles.BACKUPS + 1) {
            namedBySaves.removeLast();
        }
        journal.append(records(generation, entries));
        if (writeLearned) {
            Set<Long> keep = new HashSet<>(namedAtOpen);
            keep.addAll(namedBySaves);
            learned.retainOnly(keep);
        }
    }

    @Override
    public synchronized void append(JournalEntry entry) {
        ensureOpen();
        ensureWritable("append to the journal");
        journal.append(List.of(new JournalFile.JournalRecord(0, 0, entry)));
    }

    @Override
    public synchronized List<JournalEntry> journal(long fromCycle, long toCycle) {
        ensureOpen();
        List<JournalEntry> entries = new ArrayList<>();
        for (JournalFile.JournalRecord record : journal.readAll()) {
            long cycle = record.entry().cycleSeq();
            if (cycle >= fromCycle && cycle <= toCycle) {
                entries.add(record.entry());
            }
        }
        return entries;
    }

    /** Releases the journal and the lock. Idempotent. */
    @Override
    public synchronized void close() {
        access.close(journal::close);
    }

    /**
     * Appends the entries of the last save that the journal lacks (the process died between
     * writing the state file and the journal) and picks the next save generation.
     */
    private void completeInterruptedSave() {
        List<JournalFile.JournalRecord> lines = journal.readAll();
        long lastGeneration = 0;
        for (JournalFile.JournalRecord line : lines) {
            lastGeneration = Math.max(lastGeneration, line.generation());
        }
        Optional<SnapshotFiles.Loaded> newest;
        try {
            newest = snapshots.loadNewestValid(false);
        } catch (StateCorruptedException e) {
            newest = Optional.empty(); // load() reports it; nothing to complete without a state
        }
        StateFile.PendingSave pending = newest.map(l -> l.file().pendingJournal()).orElse(null);
        if (pending != null && pending.generation() > 0) {
            Set<Integer> present = new HashSet<>();
            for (JournalFile.JournalRecord line : lines) {
                if (line.generation() == pending.generation()) {
                    present.add(line.index());
                }
            }
            List<JournalFile.JournalRecord> missing = new ArrayList<>();
            for (JournalFile.JournalRecord record : records(pending.generation(), pending.entries())) {
                if (!present.contains(record.index())) {
                    missing.add(record);
                }
            }
            if (!missing.isEmpty()) {
                LOG.warn("journal {}: {} entr{} of the last save (cycle {}) were not written before the engine "
                                + "stopped; appending them now", directory.resolve(JournalFile.NAME), missing.size(),
                        missing.size() == 1 ? "y" : "ies", newest.get().snapshot().state().cycleSeq());
                journal.append(missing);
            }
            lastGeneration = Math.max(lastGeneration, pending.generation());
        }
        nextGeneration = lastGeneration + 1;
        namedAtOpen.addAll(snapshots.namedStatistics());
        nextLearnedSeq = learned.newestSeq() + 1;
    }

    private static List<JournalFile.JournalRecord> records(long generation, List<JournalEntry> entries) {
        List<JournalFile.JournalRecord> records = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            records.add(new JournalFile.JournalRecord(generation, i, entries.get(i)));
        }
        return records;
    }

    private void ensureWritable(String action) {
        access.ensureWritable(action);
    }

    private void ensureOpen() {
        access.ensureOpen(directory);
    }
}
