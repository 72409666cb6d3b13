package dev.horizon.bootstrap.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.horizon.domain.order.OrderStatus;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LoggingEventSinkTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger(LoggingEventSink.LOGGER_NAME);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final LoggingEventSink sink = new LoggingEventSink();

    @BeforeEach
    void capture() {
        appender.start();
        logger.addAppender(appender);
        logger.setAdditive(false);
        logger.setLevel(Level.INFO);
    }

    @AfterEach
    void release() {
        logger.detachAppender(appender);
        logger.setAdditive(true);
        logger.setLevel(null);
    }

    private List<String> lines(Level level) {
        return appender.list.stream().filter(e -> e.getLevel() == level).map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    @Test
    void orders_fills_and_risk_events_are_one_info_line_each() {
        sink.publish(Entries.intent(7));
        sink.publish(Entries.update(7, OrderStatus.REJECTED));
        sink.publish(Entries.fill(7));
        sink.publish(Entries.risk(7, "kill_switch"));

        assertThat(lines(Level.INFO)).containsExactly(
                "cycle 7 order hz-demo-7-AAPL-B: BUY 10 AAPL LIMIT @ 173.20 DAY",
                "cycle 7 order hz-demo-7-AAPL-B REJECTED (broker id b-1): insufficient buying power",
                "cycle 7 fill f-1 BUY 10 AAPL @ 173.19 (fee 0.35) for order hz-demo-7-AAPL-B",
                "cycle 7 risk kill_switch: drawdown: -6.10% (limit -6.00%)");
    }

    @Test
    void decisions_and_cycles_never_log_at_info_even_for_many_symbols() {
        for (int i = 0; i < 500; i++) {
            sink.publish(Entries.hold(3, "S" + i));
        }
        sink.publish(Entries.trade(3));
        sink.cycleCompleted(3, Entries.T, new BigDecimal("1000.00"), Duration.ofMillis(12));

        assertThat(appender.list).isEmpty();
    }

    @Test
    void decisions_and_cycles_are_debug_lines() {
        logger.setLevel(Level.DEBUG);

        sink.publish(Entries.trade(3));
        sink.cycleCompleted(3, Entries.T, new BigDecimal("1000.00"), Duration.ofMillis(12));

        assertThat(lines(Level.DEBUG)).containsExactly(
                "cycle 3 decision AAPL TRADE: target 0.125 (now 0.0625), 10 shares, score 8.20bps >= 4.00bps",
                "cycle 3 at 2024-03-11T14:30:00Z done in 12 ms, portfolio value 1000.00");
        assertThat(lines(Level.INFO)).isEmpty();
    }

    @Test
    void never_throws() {
        assertThatCode(() -> {
            sink.publish(null);
            sink.cycleCompleted(1, null, null, null);
        }).doesNotThrowAnyException();
    }
}
