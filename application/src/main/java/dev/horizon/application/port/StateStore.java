package dev.horizon.application.port;

import dev.horizon.domain.journal.JournalEntry;
import dev.horizon.domain.snapshot.EngineSnapshot;
import java.util.List;
import java.util.Optional;

/**
 * Durable engine state: the latest {@link EngineSnapshot} (ledger, control state and what the
 * pipeline has learned) and the append-only journal.
 *
 * <p>Contract (held by {@code StateStoreContract} in the test kit):
 * <ul>
 *   <li><b>Exclusive.</b> Opening a store takes an exclusive lock on its location; a second
 *       opener fails with {@link StateLockedException}. {@link #close()} releases it.</li>
 *   <li><b>Missing data.</b> {@link #load()} on a new location returns {@link Optional#empty()};
 *       {@link #journal} with nothing in range returns an empty list.</li>
 *   <li><b>Round trip.</b> {@link #load()} returns a state equal to the last one saved, every
 *       field included (kill switch, session, high-water mark, open orders, learned statistics).</li>
 *   <li><b>Atomic.</b> {@link #save} writes the snapshot and its entries together or not at all;
 *       if the process dies at any point, the next {@link #load()} returns the previous or the new
 *       state, never a mixture. {@link #append} is durable when it returns.</li>
 *   <li><b>Ordered.</b> {@link #journal} returns entries in the order they were written.</li>
 *   <li><b>Errors.</b> {@link StateCorruptedException}: nothing valid to load;
 *       {@link StateStoreException}: an I/O failure. Never silently returns an empty state for
 *       data it could not read.</li>
 * </ul>
 *
 * <p>Used by one engine thread; implementations need not be thread-safe beyond that, but
 * {@link #journal} may be called by a status reader while the engine writes.
 */
public interface StateStore extends AutoCloseable {

    /** The last saved snapshot, or empty when none was ever saved at this location. */
    Optional<EngineSnapshot> load();

    /** Atomically saves {@code snapshot} together with {@code entries} (e.g. the cycle's decisions). */
    void save(EngineSnapshot snapshot, List<JournalEntry> entries);

    /** Appends one entry durably (order intents, updates and fills, as they happen). */
    void append(JournalEntry entry);

    /** Journal entries of cycles {@code fromCycle..toCycle} (inclusive), in write order. */
    List<JournalEntry> journal(long fromCycle, long toCycle);

    /** Releases the lock and any open resources. Idempotent. */
    @Override
    void close();
}
