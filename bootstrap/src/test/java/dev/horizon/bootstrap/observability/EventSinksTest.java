package dev.horizon.bootstrap.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.horizon.application.port.EventSink;
import dev.horizon.domain.journal.JournalEntry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventSinksTest {

    /** Records what it is given. */
    private static final class Recording implements EventSink {
        final List<Object> seen = new ArrayList<>();

        @Override
        public void publish(JournalEntry entry) {
            seen.add(entry);
        }

        @Override
        public void cycleCompleted(long cycleSeq, Instant time, BigDecimal portfolioValue, Duration elapsed) {
            seen.add(cycleSeq);
        }
    }

    private static final EventSink THROWING = new EventSink() {
        @Override
        public void publish(JournalEntry entry) {
            throw new IllegalStateException("broken sink");
        }

        @Override
        public void cycleCompleted(long cycleSeq, Instant time, BigDecimal portfolioValue, Duration elapsed) {
            throw new IllegalStateException("broken sink");
        }
    };

    @Test
    void every_sink_gets_every_event_in_order() {
        Recording first = new Recording();
        Recording second = new Recording();
        EventSink both = EventSinks.of(first, second);

        both.publish(Entries.fill(1));
        both.cycleCompleted(1, Entries.T, BigDecimal.TEN, Duration.ZERO);

        assertThat(first.seen).containsExactly(Entries.fill(1), 1L);
        assertThat(second.seen).containsExactly(Entries.fill(1), 1L);
    }

    @Test
    void a_throwing_sink_neither_reaches_the_engine_nor_starves_the_others() {
        Recording after = new Recording();
        EventSink all = EventSinks.of(THROWING, after);

        assertThatCode(() -> {
            all.publish(Entries.fill(1));
            all.cycleCompleted(1, Entries.T, BigDecimal.TEN, Duration.ZERO);
        }).doesNotThrowAnyException();
        assertThat(after.seen).containsExactly(Entries.fill(1), 1L);
    }
}
