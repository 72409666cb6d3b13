package dev.horizon.bootstrap.observability;

import dev.horizon.application.port.EventSink;
import dev.horizon.domain.journal.JournalEntry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Combines event sinks. */
public final class EventSinks {

    private static final Logger LOG = LoggerFactory.getLogger(EventSinks.class);

    private EventSinks() {
    }

    /**
     * One sink that hands every event to each of {@code sinks} in order. A sink that throws (none
     * should) is logged at DEBUG and skipped, so it never keeps the event from the others or
     * reaches the engine.
     */
    public static EventSink of(EventSink... sinks) {
        List<EventSink> all = List.of(sinks);
        return new EventSink() {
            @Override
            public void publish(JournalEntry entry) {
                for (EventSink sink : all) {
                    try {
                        sink.publish(entry);
                    } catch (RuntimeException e) {
                        LOG.debug("event sink {} failed: {}", sink, e.toString());
                    }
                }
            }

            @Override
            public void cycleCompleted(long cycleSeq, Instant time, BigDecimal portfolioValue, Duration elapsed) {
                for (EventSink sink : all) {
                    try {
                        sink.cycleCompleted(cycleSeq, time, portfolioValue, elapsed);
                    } catch (RuntimeException e) {
                        LOG.debug("event sink {} failed: {}", sink, e.toString());
                    }
                }
            }

            @Override
            public String toString() {
                return "EventSinks.of" + all;
            }
        };
    }
}
