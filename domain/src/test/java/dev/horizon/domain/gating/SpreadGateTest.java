package dev.horizon.domain.gating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.horizon.domain.market.Quote;
import dev.horizon.domain.market.Symbol;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SpreadGateTest {

    private static final Symbol AAPL = Symbol.of("AAPL");
    private static final Instant NOW = Instant.parse("2024-03-04T15:00:00Z");
    private final SpreadGate gate = new SpreadGate(SpreadGateConfig.defaults());

    private static Quote quote(double bid, double ask, Instant time) {
        return new Quote(AAPL, bid, ask, 100, 100, time);
    }

    private static void assertRel(double actual, double expected) {
        assertThat(actual).isCloseTo(expected, within(Math.abs(expected) * 1e-12));
    }

    @Test
    void golden_spread_100_00_100_15_is_14_99_bps_relative_to_mid_and_blocks_new_risk() {
        SpreadCheck check = gate.check(quote(100.00, 100.15, NOW), NOW);

        assertRel(check.spreadBps(), 14.988758431177184);
        assertThat(check.status()).isEqualTo(SpreadCheck.Status.WIDE_SPREAD);
        assertThat(check.reason()).isEqualTo("spread 15.0bps > max 12.0bps");
        assertThat(check.allowsNewRisk()).isFalse();
        assertThat(check.holdsSymbol()).isFalse();
    }

    @Test
    void wide_spread_allows_reducing_an_existing_position_but_not_new_or_larger_ones() {
        SpreadCheck check = gate.check(quote(100.00, 100.15, NOW), NOW);

        assertThat(check.allowedTarget(0.04, 0.01)).isEqualTo(0.01);
        assertThat(check.allowedTarget(0.04, 0.0)).isEqualTo(0.0);
        assertThat(check.allowedTarget(-0.04, -0.02)).isEqualTo(-0.02);
        assertThat(check.allowedTarget(0.04, 0.06)).isEqualTo(0.04);
        assertThat(check.allowedTarget(0.0, 0.03)).isEqualTo(0.0);
        assertThat(check.allowedTarget(0.0, -0.03)).isEqualTo(0.0);
        assertThat(check.allowedTarget(0.04, -0.02)).as("a flip only goes flat").isEqualTo(0.0);
    }

    @Test
    void spread_reason_uses_one_decimal_and_the_configured_limit() {
        SpreadGate tight = new SpreadGate(new SpreadGateConfig(5.5, 200, true));
        SpreadCheck check = tight.check(quote(100.00, 100.06, NOW), NOW);

        assertThat(check.reason()).isEqualTo("spread 6.0bps > max 5.5bps");
    }

    @Test
    void spread_at_exactly_the_limit_passes() {
        Quote q = quote(100.00, 100.12, NOW);
        SpreadGate atLimit = new SpreadGate(new SpreadGateConfig(q.spreadBps(), 200, true));

        SpreadCheck check = atLimit.check(q, NOW);

        assertThat(check.status()).isEqualTo(SpreadCheck.Status.PASS);
        assertThat(check.reason()).isEmpty();
        assertThat(check.allowedTarget(0.0, 0.05)).isEqualTo(0.05);
    }

    @Test
    void tight_fresh_quote_passes_with_its_spread() {
        SpreadCheck check = gate.check(quote(100.00, 100.02, NOW.minusMillis(50)), NOW);

        assertThat(check.status()).isEqualTo(SpreadCheck.Status.PASS);
        assertRel(check.spreadBps(), 0.02 / 100.01 * 1e4);
        assertThat(check.quoteAge()).isEqualTo(Duration.ofMillis(50));
        assertThat(check.allowsNewRisk()).isTrue();
    }

    @Test
    void crossed_quote_is_bad_quote_fix() {
        SpreadCheck check = gate.check(quote(100.10, 100.00, NOW), NOW);

        assertThat(check.status()).isEqualTo(SpreadCheck.Status.BAD_QUOTE);
        assertThat(check.reason()).isEqualTo("bad_quote");
        assertThat(check.holdsSymbol()).isTrue();
        assertThat(check.spreadBps()).isNaN();
    }

    @Test
    void non_positive_or_non_finite_sides_are_bad_quote() {
        double[][] bad = {{0, 100}, {100, 0}, {-1, 100}, {100, -1}, {Double.NaN, 100}, {100, Double.NaN},
                {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY}, {100, Double.POSITIVE_INFINITY}};
        for (double[] b : bad) {
            SpreadCheck check = gate.check(quote(b[0], b[1], NOW), NOW);
            assertThat(check.reason()).as("bid %s ask %s", b[0], b[1]).isEqualTo("bad_quote");
        }
    }

    @Test
    void bad_quote_holds_the_symbol_even_for_a_reduction() {
        SpreadCheck check = gate.check(quote(100.10, 100.00, NOW), NOW);

        assertThat(check.allowedTarget(0.04, 0.0)).isEqualTo(0.04);
    }

    @Test
    void locked_quote_is_valid_with_zero_spread() {
        SpreadCheck check = gate.check(quote(100.00, 100.00, NOW), NOW);

        assertThat(check.status()).isEqualTo(SpreadCheck.Status.PASS);
        assertThat(check.spreadBps()).isZero();
    }

    @Test
    void quote_older_than_max_age_is_stale_quote() {
        SpreadCheck check = gate.check(quote(100.00, 100.02, NOW.minusMillis(201)), NOW);

        assertThat(check.status()).isEqualTo(SpreadCheck.Status.STALE_QUOTE);
        assertThat(check.reason()).isEqualTo("stale_quote");
        assertThat(check.holdsSymbol()).isTrue();
        assertThat(check.allowedTarget(0.04, 0.0)).isEqualTo(0.04);
    }

    @Test
    void quote_age_is_measured_with_nanosecond_precision_and_exactly_max_age_passes() {
        assertThat(gate.check(quote(100.00, 100.02, NOW.minusMillis(200)), NOW).status())
                .isEqualTo(SpreadCheck.Status.PASS);
        assertThat(gate.check(quote(100.00, 100.02, NOW.minusMillis(200).minusNanos(1)), NOW).status())
                .isEqualTo(SpreadCheck.Status.STALE_QUOTE);
    }

    @Test
    void quote_age_check_can_be_disabled_for_replay() {
        SpreadGate replay = new SpreadGate(SpreadGateConfig.defaults().withoutQuoteAgeCheck());

        SpreadCheck check = replay.check(quote(100.00, 100.02, NOW.minusSeconds(3600)), NOW);

        assertThat(check.status()).isEqualTo(SpreadCheck.Status.PASS);
        assertThat(check.quoteAge()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void bad_quote_is_reported_before_stale_and_stale_before_wide() {
        assertThat(gate.check(quote(100.10, 100.00, NOW.minusSeconds(10)), NOW).reason()).isEqualTo("bad_quote");
        assertThat(gate.check(quote(100.00, 100.50, NOW.minusSeconds(10)), NOW).reason()).isEqualTo("stale_quote");
    }

    @Test
    void quote_stamped_after_the_cycle_is_not_stale() {
        assertThat(gate.check(quote(100.00, 100.02, NOW.plusMillis(500)), NOW).status())
                .isEqualTo(SpreadCheck.Status.PASS);
    }

    @Test
    void config_defaults_and_validation_name_the_key() {
        assertThat(SpreadGateConfig.defaults()).isEqualTo(new SpreadGateConfig(12.0, 200, true));
        assertThatThrownBy(() -> new SpreadGateConfig(0, 200, true)).hasMessageContaining("gating.max_spread_bps");
        assertThatThrownBy(() -> new SpreadGateConfig(12, -1, true)).hasMessageContaining("gating.max_quote_age_ms");
    }
}
