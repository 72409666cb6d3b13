package dev.horizon.bootstrap.observability;

import dev.horizon.application.port.EventSink;
import dev.horizon.domain.journal.JournalEntry;
import dev.horizon.domain.order.Fill;
import dev.horizon.domain.order.Order;
import dev.horizon.domain.state.TradeDecision;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes what the engine reports to the log (logger {@code dev.horizon.events}): one INFO line
 * per order intent, order update, fill and risk event; decisions and finished cycles at DEBUG,
 * because a cycle makes one decision per symbol and INFO must stay readable with hundreds of
 * symbols. Never throws into the engine.
 */
public final class LoggingEventSink implements EventSink {

    /** The logger's name, to raise or lower its level on its own. */
    public static final String LOGGER_NAME = "dev.horizon.events";

    private final Logger log;

    /** A sink writing to {@value #LOGGER_NAME}. */
    public LoggingEventSink() {
        this(LoggerFactory.getLogger(LOGGER_NAME));
    }

    LoggingEventSink(Logger log) {
        this.log = log;
    }

    @Override
    public void publish(JournalEntry entry) {
        try {
            if (entry instanceof JournalEntry.DecisionRecorded d) {
                if (log.isDebugEnabled()) {
                    TradeDecision t = d.decision();
                    log.debug("cycle {} decision {} {}: target {} (now {}), {} shares, {}", d.cycleSeq(), t.symbol(),
                            t.decision(), t.targetWeight(), t.currentWeight(), t.shares().toPlainString(), t.reason());
                }
            } else if (entry instanceof JournalEntry.OrderIntent i) {
                Order o = i.order();
                log.info("cycle {} order {}: {} {} {} {}{} {}", i.cycleSeq(), o.clientOrderId(), o.side(),
                        o.quantity().toPlainString(), o.symbol(), o.type(),
                        o.limitPrice() == null ? "" : " @ " + o.limitPrice().toPlainString(), o.timeInForce());
            } else if (entry instanceof JournalEntry.OrderUpdate u) {
                log.info("cycle {} order {} {}{}{}", u.cycleSeq(), u.clientOrderId(), u.status(),
                        u.brokerOrderId() == null ? "" : " (broker id " + u.brokerOrderId() + ")",
                        u.reason() == null ? "" : ": " + u.reason());
            } else if (entry instanceof JournalEntry.FillRecorded f) {
                Fill fill = f.fill();
                log.info("cycle {} fill {} {} {} {} @ {} (fee {}) for order {}", f.cycleSeq(), fill.fillId(),
                        fill.side(), fill.quantity().toPlainString(), fill.symbol(), fill.price().toPlainString(),
                        fill.fee().toPlainString(), fill.clientOrderId());
            } else if (entry instanceof JournalEntry.RiskEvent r) {
                log.info("cycle {} risk {}: {}", r.cycleSeq(), r.kind(), r.message());
            }
        } catch (RuntimeException e) {
            log.debug("could not log a {}: {}", entry == null ? "null entry" : entry.getClass().getSimpleName(),
                    e.toString());
        }
    }

    @Override
    public void cycleCompleted(long cycleSeq, Instant time, BigDecimal portfolioValue, Duration elapsed) {
        try {
            log.debug("cycle {} at {} done in {} ms, portfolio value {}", cycleSeq, time, elapsed.toMillis(),
                    portfolioValue == null ? "?" : portfolioValue.toPlainString());
        } catch (RuntimeException e) {
            log.debug("could not log cycle {}: {}", cycleSeq, e.toString());
        }
    }
}
