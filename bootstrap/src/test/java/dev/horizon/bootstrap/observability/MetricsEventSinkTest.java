package dev.horizon.bootstrap.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.horizon.domain.order.OrderStatus;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsEventSinkTest {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final MetricsEventSink sink = new MetricsEventSink(registry);

    /** The scrape's sample lines (no comments). */
    private List<String> samples() {
        return Arrays.stream(registry.scrape().split("\n")).filter(l -> !l.startsWith("#")).toList();
    }

    @Test
    void decisions_are_counted_by_kind_and_every_kind_starts_at_zero() {
        assertThat(samples()).contains("horizon_decisions_total{decision=\"TRADE\"} 0.0",
                "horizon_decisions_total{decision=\"HOLD\"} 0.0", "horizon_decisions_total{decision=\"BLOCKED\"} 0.0");

        sink.publish(Entries.trade(1));
        sink.publish(Entries.hold(1, "MSFT"));
        sink.publish(Entries.hold(1, "NVDA"));
        sink.publish(Entries.blocked(1));

        assertThat(samples()).contains("horizon_decisions_total{decision=\"TRADE\"} 1.0",
                "horizon_decisions_total{decision=\"HOLD\"} 2.0", "horizon_decisions_total{decision=\"BLOCKED\"} 1.0");
    }

    @Test
    void order_updates_are_counted_by_status_and_intents_are_not_updates() {
        sink.publish(Entries.intent(1));
        sink.publish(Entries.update(1, OrderStatus.ACCEPTED));
        sink.publish(Entries.update(1, OrderStatus.FILLED));
        sink.publish(Entries.update(2, OrderStatus.REJECTED));
        sink.publish(Entries.update(2, OrderStatus.REJECTED));

        assertThat(samples()).contains("horizon_orders_total{status=\"ACCEPTED\"} 1.0",
                "horizon_orders_total{status=\"FILLED\"} 1.0", "horizon_orders_total{status=\"REJECTED\"} 2.0",
                "horizon_orders_total{status=\"NEW\"} 0.0", "horizon_orders_total{status=\"UNKNOWN\"} 0.0");
    }

    @Test
    void fills_and_risk_events_are_counted_risk_events_by_kind() {
        sink.publish(Entries.fill(1));
        sink.publish(Entries.fill(1));
        sink.publish(Entries.risk(1, "kill_switch"));
        sink.publish(Entries.risk(2, "pause"));
        sink.publish(Entries.risk(3, "pause"));

        assertThat(samples()).contains("horizon_fills_total 2.0",
                "horizon_risk_events_total{kind=\"kill_switch\"} 1.0", "horizon_risk_events_total{kind=\"pause\"} 2.0");
    }

    @Test
    void a_finished_cycle_sets_the_gauges_and_is_timed() {
        assertThat(samples()).contains("horizon_portfolio_value NaN", "horizon_last_cycle_seq NaN");

        sink.cycleCompleted(41, Entries.T, new BigDecimal("100250.75"), Duration.ofMillis(250));
        sink.cycleCompleted(42, Entries.T, new BigDecimal("100300.50"), Duration.ofMillis(750));

        assertThat(samples()).contains("horizon_portfolio_value 100300.5", "horizon_last_cycle_seq 42.0",
                "horizon_cycle_seconds_count 2", "horizon_cycle_seconds_sum 1.0", "horizon_cycle_seconds_max 0.75");
    }

    @Test
    void bad_input_is_dropped_without_throwing() {
        assertThatCode(() -> {
            sink.publish(null);
            sink.cycleCompleted(1, Entries.T, null, Duration.ofMillis(1));
            sink.cycleCompleted(2, Entries.T, BigDecimal.ONE, null);
        }).doesNotThrowAnyException();
    }
}
