package dev.horizon.bootstrap.observability;

import dev.horizon.application.port.EventSink;
import dev.horizon.domain.journal.JournalEntry;
import dev.horizon.domain.order.OrderStatus;
import dev.horizon.domain.state.Decision;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts what the engine reports into a Micrometer registry. In Prometheus form:
 *
 * <ul>
 *   <li>{@code horizon_decisions_total{decision="TRADE|HOLD|BLOCKED"}}: one per symbol per cycle;</li>
 *   <li>{@code horizon_orders_total{status="..."}}: order updates by the status they report
 *       ({@code ACCEPTED}, {@code FILLED}, {@code REJECTED}, {@code UNKNOWN}, ...);</li>
 *   <li>{@code horizon_fills_total}: executions;</li>
 *   <li>{@code horizon_risk_events_total{kind="..."}}: kill switch, pause, reconciliation...;</li>
 *   <li>{@code horizon_cycle_seconds} (count, sum, max): how long cycles take;</li>
 *   <li>{@code horizon_portfolio_value} and {@code horizon_last_cycle_seq}: as of the last
 *       finished cycle ({@code NaN} before the first).</li>
 * </ul>
 *
 * Like every {@link EventSink} it never throws into the engine: a failure is logged at DEBUG and
 * the event dropped. Other components (the broker's circuit breaker, say) register their own
 * meters on the same registry.
 */
public final class MetricsEventSink implements EventSink {

    private static final Logger LOG = LoggerFactory.getLogger(MetricsEventSink.class);

    private final MeterRegistry registry;
    private final Map<Decision, Counter> decisions = new EnumMap<>(Decision.class);
    private final Map<OrderStatus, Counter> orders = new EnumMap<>(OrderStatus.class);
    private final Counter fills;
    private final Timer cycles;
    /** The last cycle's portfolio value as double bits; the gauge reads it on scrape. */
    private final AtomicLong portfolioValueBits = new AtomicLong(Double.doubleToRawLongBits(Double.NaN));
    private final AtomicLong lastCycleSeq = new AtomicLong(-1);

    /** Registers Horizon's meters on {@code registry}; every decision and order status starts at zero. */
    public MetricsEventSink(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        for (Decision decision : Decision.values()) {
            decisions.put(decision, Counter.builder("horizon.decisions")
                    .description("Decisions made, one per symbol per cycle")
                    .tag("decision", decision.name())
                    .register(registry));
        }
        for (OrderStatus status : OrderStatus.values()) {
            orders.put(status, Counter.builder("horizon.orders")
                    .description("Order updates journaled, by the status they report")
                    .tag("status", status.name())
                    .register(registry));
        }
        fills = Counter.builder("horizon.fills").description("Executions applied to the ledger").register(registry);
        cycles = Timer.builder("horizon.cycle").description("Duration of a trading cycle").register(registry);
        Gauge.builder("horizon.portfolio.value", portfolioValueBits, bits -> Double.longBitsToDouble(bits.get()))
                .description("Portfolio value at the end of the last cycle")
                .register(registry);
        Gauge.builder("horizon.last.cycle.seq", lastCycleSeq, seq -> seq.get() < 0 ? Double.NaN : seq.get())
                .description("Number of the last finished cycle")
                .register(registry);
    }

    @Override
    public void publish(JournalEntry entry) {
        try {
            if (entry instanceof JournalEntry.DecisionRecorded d) {
                decisions.get(d.decision().decision()).increment();
            } else if (entry instanceof JournalEntry.OrderUpdate u) {
                orders.get(u.status()).increment();
            } else if (entry instanceof JournalEntry.FillRecorded) {
                fills.increment();
            } else if (entry instanceof JournalEntry.RiskEvent r) {
                Counter.builder("horizon.risk.events")
                        .description("Risk events: kill switch, pause, resume, reconciliation corrections")
                        .tag("kind", r.kind())
                        .register(registry)
                        .increment();
            }
        } catch (RuntimeException e) {
            LOG.debug("metrics dropped a {}: {}", entry == null ? "null entry" : entry.getClass().getSimpleName(),
                    e.toString());
        }
    }

    @Override
    public void cycleCompleted(long cycleSeq, Instant time, BigDecimal portfolioValue, Duration elapsed) {
        try {
            cycles.record(elapsed);
            lastCycleSeq.set(cycleSeq);
            portfolioValueBits.set(Double.doubleToRawLongBits(portfolioValue.doubleValue()));
        } catch (RuntimeException e) {
            LOG.debug("metrics dropped cycle {}: {}", cycleSeq, e.toString());
        }
    }
}
