package dev.horizon.application.port;

import dev.horizon.domain.journal.JournalEntry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * Where the engine reports what happens, for logs, metrics and alerts. Unlike the journal, a sink
 * may drop events; it must never throw back into the engine or block a cycle.
 */
public interface EventSink {

    /** A decision, order update, fill or risk event, as it is journaled. */
    void publish(JournalEntry entry);

    /** A cycle finished: its number, bar time, portfolio value and how long it took. */
    void cycleCompleted(long cycleSeq, Instant time, BigDecimal portfolioValue, Duration elapsed);

    /** A sink that discards everything. */
    static EventSink discarding() {
        return new EventSink() {
            @Override
            public void publish(JournalEntry entry) {
                // discarded by design
            }

            @Override
            public void cycleCompleted(long cycleSeq, Instant time, BigDecimal portfolioValue, Duration elapsed) {
                // discarded by design
            }
        };
    }
}
