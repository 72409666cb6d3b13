package dev.horizon.domain.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.horizon.domain.market.Symbol;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class RiskGuardrailsTest {

    private static final Symbol AAPL = Symbol.of("AAPL");
    private static final Symbol MSFT = Symbol.of("MSFT");
    private static final Symbol NVDA = Symbol.of("NVDA");
    private static final Instant T = Instant.parse("2024-03-04T15:00:00Z");
    private static final BigDecimal PV = new BigDecimal("100000");
    private static final BigDecimal RICH = new BigDecimal("1000000");

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    private static OrderProposal order(Symbol symbol, String qty, String held) {
        return new OrderProposal(symbol, d(qty), d("100"), d(held), BigDecimal.ZERO);
    }

    private static RiskLimits limits(String maxNotional, int perCycle, long cooldown, int perMinute) {
        return new RiskLimits(0.20, 1.0, d(maxNotional), perCycle, cooldown, perMinute);
    }

    @Test
    void position_above_max_position_is_blocked_with_its_weight() {
        RiskGuardrails.Cycle cycle = new RiskGuardrails(RiskLimits.defaults()).beginCycle(T, PV, RICH, 0.0);

        RiskCheck check = cycle.admit(order(AAPL, "250", "0"));

        assertThat(check.passed()).isFalse();
        assertThat(check.reason()).isEqualTo("max_position: |w| 0.25 > 0.20");
        assertThat(cycle.admit(order(AAPL, "200", "0")).passed()).as("exactly 20% passes").isTrue();
    }

    @Test
    void a_short_beyond_max_position_is_blocked_too() {
        RiskGuardrails.Cycle cycle = new RiskGuardrails(RiskLimits.defaults()).beginCycle(T, PV, RICH, 0.0);

        assertThat(cycle.admit(order(AAPL, "-210", "0")).reason()).isEqualTo("max_position: |w| 0.21 > 0.20");
    }

    @Test
    void a_reduction_of_a_legacy_breach_passes_position_and_gross_limits_fix() {
        // Held 30% in AAPL in a book at 120% gross: both limits breached already.
        RiskGuardrails.Cycle cycle = new RiskGuardrails(RiskLimits.defaults()).beginCycle(T, PV, RICH, 1.2);

        RiskCheck check = cycle.admit(order(AAPL, "-50", "300"));

        assertThat(check.passed()).isTrue();
        assertThat(cycle.gross()).isCloseTo(1.15, org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void a_flip_beyond_max_position_is_not_a_reduction() {
        RiskGuardrails.Cycle cycle = new RiskGuardrails(RiskLimits.defaults()).beginCycle(T, PV, RICH, 0.3);

        assertThat(cycle.admit(order(AAPL, "-550", "300")).reason()).isEqualTo("max_position: |w| 0.25 > 0.20");
        assertThat(cycle.admit(order(AAPL, "-400", "300")).passed()).isTrue();
    }

    @Test
    void an_increase_past_max_gross_is_blocked_after_the_cycle_sells() {
        RiskGuardrails.Cycle cycle = new RiskGuardrails(RiskLimits.defaults()).beginCycle(T, PV, RICH, 0.95);

        RiskCheck check = cycle.admit(order(AAPL, "100", "0"));
        assertThat(check.reason()).isEqualTo("max_gross: gross 1.05 > 1.00");

        // Sells first: trimming MSFT by 10% frees the gross for the buy.
        assertThat(cycle.admit(order(MSFT, "-100", "150")).passed()).isTrue();
        assertThat(cycle.admit(order(AAPL, "100", "0")).passed()).isTrue();
        assertThat(cycle.gross()).isCloseTo(0.95, org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void order_notional_above_the_limit_is_blocked() {
        RiskGuardrails.Cycle cycle = new RiskGuardrails(limits("10000", 50, 5, 120)).beginCycle(T, PV, RICH, 0.0);

        assertThat(cycle.admit(order(AAPL, "150", "0")).reason())
                .isEqualTo("max_order_notional: 15000.00 > 10000.00");
        assertThat(cycle.admit(order(AAPL, "100", "0")).passed()).as("exactly the limit passes").isTrue();
    }

    @Test
    void orders_per_cycle_are_limited_and_a_blocked_order_does_not_count() {
        RiskGuardrails.Cycle cycle = new RiskGuardrails(limits("50000", 2, 5, 120)).beginCycle(T, PV, RICH, 0.0);

        assertThat(cycle.admit(order(AAPL, "250", "0")).passed()).isFalse();
        assertThat(cycle.admit(order(AAPL, "10", "0")).passed()).isTrue();
        assertThat(cycle.admit(order(MSFT, "10", "0")).passed()).isTrue();
        assertThat(cycle.admit(order(NVDA, "10", "0")).reason()).isEqualTo("max_orders_per_cycle: 3 > 2");
    }

    @Test
    void a_symbol_cools_down_for_cooldown_seconds_after_an_order() {
        RiskGuardrails guard = new RiskGuardrails(limits("50000", 50, 5, 120));
        assertThat(guard.beginCycle(T, PV, RICH, 0.0).admit(order(AAPL, "10", "0")).passed()).isTrue();

        RiskGuardrails.Cycle soon = guard.beginCycle(T.plusSeconds(3), PV, RICH, 0.1);
        assertThat(soon.admit(order(AAPL, "-5", "10")).reason()).isEqualTo("cooldown: last order 3.0s ago < 5s");
        assertThat(soon.admit(order(MSFT, "10", "0")).passed()).as("other symbols are free").isTrue();

        assertThat(guard.beginCycle(T.plusSeconds(5), PV, RICH, 0.1).admit(order(AAPL, "-5", "10")).passed())
                .isTrue();
    }

    @Test
    void orders_per_minute_count_the_last_sixty_seconds_across_cycles() {
        RiskGuardrails guard = new RiskGuardrails(limits("50000", 50, 0, 3));
        RiskGuardrails.Cycle first = guard.beginCycle(T, PV, RICH, 0.0);
        assertThat(first.admit(order(AAPL, "10", "0")).passed()).isTrue();
        assertThat(first.admit(order(MSFT, "10", "0")).passed()).isTrue();

        RiskGuardrails.Cycle second = guard.beginCycle(T.plusSeconds(30), PV, RICH, 0.0);
        assertThat(second.admit(order(NVDA, "10", "0")).passed()).isTrue();
        assertThat(second.admit(order(AAPL, "10", "10")).reason()).isEqualTo("max_orders_per_minute: 4 > 3");

        RiskGuardrails.Cycle third = guard.beginCycle(T.plusSeconds(60), PV, RICH, 0.0);
        assertThat(third.admit(order(AAPL, "10", "10")).passed()).as("orders at exactly t-60s have left").isTrue();
    }

    @Test
    void a_buy_needs_buying_power_including_fees() {
        RiskGuardrails.Cycle cycle = new RiskGuardrails(RiskLimits.defaults()).beginCycle(T, PV, d("1000"), 0.0);
        OrderProposal buy = new OrderProposal(AAPL, d("10"), d("100"), BigDecimal.ZERO, d("1"));

        assertThat(cycle.admit(buy).reason()).isEqualTo("buying_power: need 1001.00 > available 1000.00");

        OrderProposal sell = new OrderProposal(MSFT, d("-20"), d("100"), d("20"), d("1"));
        assertThat(cycle.admit(sell).passed()).isTrue();
        assertThat(cycle.buyingPower()).isEqualByComparingTo("2999");
        assertThat(cycle.admit(buy).passed()).as("sell proceeds fund the buy").isTrue();
        assertThat(cycle.buyingPower()).isEqualByComparingTo("1998");
    }

    @Test
    void short_sales_need_no_buying_power_and_add_none() {
        RiskGuardrails.Cycle cycle = new RiskGuardrails(RiskLimits.defaults()).beginCycle(T, PV, BigDecimal.ZERO, 0.0);

        assertThat(cycle.admit(new OrderProposal(AAPL, d("-10"), d("100"), d("4"), d("1"))).passed()).isTrue();
        assertThat(cycle.buyingPower()).as("only the 4 long shares sold add cash").isEqualByComparingTo("399");
    }

    @Test
    void position_and_gross_limits_come_before_the_other_checks() {
        RiskGuardrails.Cycle cycle = new RiskGuardrails(limits("100", 50, 5, 120)).beginCycle(T, PV, BigDecimal.ZERO, 0.0);

        assertThat(cycle.admit(order(AAPL, "250", "0")).check()).isEqualTo("max_position");
        assertThat(cycle.admit(order(AAPL, "50", "0")).check()).isEqualTo("max_order_notional");
        assertThat(cycle.admit(order(AAPL, "1", "0")).check()).isEqualTo("buying_power");
    }

    @Test
    void throttle_snapshot_round_trips_and_forgets_what_cannot_block() {
        RiskGuardrails guard = new RiskGuardrails(limits("50000", 50, 5, 120));
        RiskGuardrails.Cycle cycle = guard.beginCycle(T, PV, RICH, 0.0);
        cycle.admit(order(MSFT, "10", "0"));
        cycle.admit(order(AAPL, "10", "0"));

        OrderThrottleSnapshot snapshot = guard.snapshot();
        assertThat(snapshot.lastOrderBySymbol()).containsExactly(Map.entry("AAPL", T), Map.entry("MSFT", T));
        assertThat(snapshot.recentOrders()).containsExactly(T, T);

        RiskGuardrails restored = new RiskGuardrails(limits("50000", 50, 5, 120), snapshot);
        assertThat(restored.snapshot()).isEqualTo(snapshot);
        assertThat(restored.beginCycle(T.plusSeconds(1), PV, RICH, 0.0).admit(order(AAPL, "1", "10")).check())
                .isEqualTo("cooldown");

        restored.beginCycle(T.plusSeconds(61), PV, RICH, 0.0);
        assertThat(restored.snapshot()).isEqualTo(new OrderThrottleSnapshot(Map.of(), List.of()));
    }

    @Test
    void throttle_window_never_holds_more_than_the_per_minute_limit() {
        RiskGuardrails guard = new RiskGuardrails(limits("50000", 50, 0, 3));
        RiskGuardrails.Cycle cycle = guard.beginCycle(T, PV, RICH, 0.0);
        for (int i = 0; i < 10; i++) {
            cycle.admit(order(Symbol.of("S" + i), "1", "0"));
        }

        assertThat(guard.snapshot().recentOrders()).hasSize(3);
    }

    @Test
    void begin_cycle_validates_its_inputs() {
        RiskGuardrails guard = new RiskGuardrails(RiskLimits.defaults());

        assertThatThrownBy(() -> guard.beginCycle(T, BigDecimal.ZERO, RICH, 0.0)).hasMessageContaining("portfolio value");
        assertThatThrownBy(() -> guard.beginCycle(T, PV, RICH, Double.NaN)).hasMessageContaining("gross weight");
    }

    @Test
    void limits_defaults_and_validation_name_the_key() {
        RiskLimits d = RiskLimits.defaults();
        assertThat(d.maxPosition()).isEqualTo(0.20);
        assertThat(d.maxGross()).isEqualTo(1.0);
        assertThat(d.cooldownSeconds()).isEqualTo(5);
        assertThatThrownBy(() -> new RiskLimits(0, 1.0, d("1"), 1, 5, 1)).hasMessageContaining("risk.max_position");
        assertThatThrownBy(() -> new RiskLimits(0.2, 1.0, d("1"), 0, 5, 1)).hasMessageContaining("risk.max_orders_per_cycle");
        assertThatThrownBy(() -> new OrderProposal(AAPL, BigDecimal.ZERO, d("1"), BigDecimal.ZERO, BigDecimal.ZERO))
                .hasMessageContaining("AAPL");
    }

    @Property
    void a_reduction_is_never_blocked_by_the_position_or_gross_limits(
            @ForAll @IntRange(min = 1, max = 100_000) int held,
            @ForAll boolean shortPosition,
            @ForAll @DoubleRange(min = 0.0, max = 1.0, maxIncluded = false) double keepFraction,
            @ForAll @DoubleRange(min = 0.01, max = 5000) double price,
            @ForAll @DoubleRange(min = 0.0, max = 10.0) double grossBefore) {
        BigDecimal current = BigDecimal.valueOf(shortPosition ? -held : held);
        long keep = (long) Math.floor(held * keepFraction);
        BigDecimal after = BigDecimal.valueOf(shortPosition ? -keep : keep);
        RiskLimits wide = new RiskLimits(0.20, 1.0, d("1e12"), 1000, 0, 1000);
        RiskGuardrails.Cycle cycle = new RiskGuardrails(wide).beginCycle(T, PV, d("1e12"), grossBefore);

        RiskCheck check = cycle.admit(new OrderProposal(AAPL, after.subtract(current), BigDecimal.valueOf(price),
                current, BigDecimal.ZERO));

        assertThat(check.passed()).as(check.reason()).isTrue();
    }
}
