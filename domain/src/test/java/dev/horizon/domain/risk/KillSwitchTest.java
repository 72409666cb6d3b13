package dev.horizon.domain.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.horizon.domain.state.EngineState;
import dev.horizon.domain.state.KillSwitchKind;
import dev.horizon.domain.state.KillSwitchState;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class KillSwitchTest {

    private static final LocalDate D1 = LocalDate.of(2024, 3, 4);
    private static final LocalDate D2 = D1.plusDays(1);
    private static final LocalDate D3 = D1.plusDays(2);
    private static final Instant T0 = Instant.parse("2024-03-04T14:31:00Z");

    private final KillSwitch killSwitch = new KillSwitch(KillSwitchConfig.defaults());

    private static BigDecimal pv(String value) {
        return new BigDecimal(value);
    }

    private static Instant at(int minute) {
        return T0.plusSeconds(60L * minute);
    }

    private KillSwitchCheck start(LocalDate day, String value) {
        return killSwitch.evaluate(SessionRiskState.initial(), day, pv(value), at(0));
    }

    @Test
    void golden_daily_loss_exactly_2_percent_allowed_97999_tripped_stays_tripped_clears_next_session() {
        KillSwitchCheck c = start(D1, "100000");
        assertThat(c.newSession()).isTrue();
        assertThat(c.state().startOfDayValue()).isEqualByComparingTo("100000");

        c = killSwitch.evaluate(c.state(), D1, pv("98000"), at(1));
        assertThat(c.dailyReturn()).isCloseTo(-0.02, within(1e-14));
        assertThat(c.tripped()).as("-2.000% is allowed (strict inequality)").isFalse();

        c = killSwitch.evaluate(c.state(), D1, pv("97999"), at(2));
        assertThat(c.tripped()).isTrue();
        assertThat(c.trippedNow()).isTrue();
        KillSwitchState tripped = c.state().killSwitch();
        assertThat(tripped.kind()).isEqualTo(KillSwitchKind.DAILY_LOSS);
        assertThat(tripped.reason()).isEqualTo("daily_loss: -2.00% (limit -2.00%)");
        assertThat(tripped.trippedAt()).isEqualTo(at(2));

        c = killSwitch.evaluate(c.state(), D1, pv("101000"), at(3));
        assertThat(c.tripped()).as("recovery within the session does not clear").isTrue();
        assertThat(c.trippedNow()).isFalse();
        assertThat(c.state().killSwitch()).isEqualTo(tripped);
        assertThat(c.state().highWaterMark()).isEqualByComparingTo("101000");

        c = killSwitch.evaluate(c.state(), D2, pv("101000"), at(2000));
        assertThat(c.newSession()).isTrue();
        assertThat(c.tripped()).as("a daily-loss trip clears at the next session").isFalse();
        assertThat(c.state().startOfDayValue()).isEqualByComparingTo("101000");
        assertThat(c.state().sessionDay()).isEqualTo(D2);
    }

    @Test
    void daily_loss_reason_shows_two_decimals_of_percent() {
        KillSwitchCheck c = start(D1, "100000");

        c = killSwitch.evaluate(c.state(), D1, pv("97990"), at(1));

        assertThat(c.state().killSwitch().reason()).isEqualTo("daily_loss: -2.01% (limit -2.00%)");
    }

    @Test
    void daily_loss_is_decided_exactly_on_decimal_values() {
        // 29,400 / 30,000 − 1 is exactly −2%; with cents the boundary is still exact.
        assertThat(killSwitch.evaluate(start(D1, "30000.00").state(), D1, pv("29400.00"), at(1)).tripped()).isFalse();
        assertThat(killSwitch.evaluate(start(D1, "30000.00").state(), D1, pv("29399.99"), at(1)).tripped()).isTrue();
        assertThat(killSwitch.evaluate(start(D1, "12345.67").state(), D1, pv("12098.7566"), at(1)).tripped()).isFalse();
        assertThat(killSwitch.evaluate(start(D1, "12345.67").state(), D1, pv("12098.7565"), at(1)).tripped()).isTrue();
    }

    @Test
    void start_of_day_value_is_the_value_at_the_first_cycle_of_the_session() {
        KillSwitchCheck c = start(D1, "100000");
        c = killSwitch.evaluate(c.state(), D1, pv("99000"), at(1));

        // Overnight gap to 97,000: the new session measures from its own first cycle.
        c = killSwitch.evaluate(c.state(), D2, pv("97000"), at(1500));
        assertThat(c.state().startOfDayValue()).isEqualByComparingTo("97000");
        assertThat(c.dailyReturn()).isZero();
        assertThat(c.tripped()).isFalse();

        c = killSwitch.evaluate(c.state(), D2, pv("96000"), at(1501));
        assertThat(c.state().startOfDayValue()).isEqualByComparingTo("97000");
        assertThat(c.dailyReturn()).isCloseTo(-1000.0 / 97000.0, within(1e-15));
    }

    @Test
    void high_water_mark_is_the_highest_value_seen() {
        KillSwitchCheck c = start(D1, "100000");
        c = killSwitch.evaluate(c.state(), D1, pv("104000.50"), at(1));
        c = killSwitch.evaluate(c.state(), D2, pv("103000"), at(1500));

        assertThat(c.state().highWaterMark()).isEqualByComparingTo("104000.50");
        assertThat(c.drawdown()).isCloseTo(1000.5 / 104000.5, within(1e-15));
    }

    @Test
    void drawdown_beyond_10_percent_trips_and_persists_across_sessions_until_reset() {
        KillSwitchCheck c = start(D1, "100000");
        c = killSwitch.evaluate(c.state(), D2, pv("90000"), at(1500));
        assertThat(c.drawdown()).isCloseTo(0.1, within(1e-15));
        assertThat(c.tripped()).as("exactly -10% is allowed").isFalse();

        c = killSwitch.evaluate(c.state(), D2, pv("89500"), at(1501));
        assertThat(c.tripped()).isTrue();
        assertThat(c.state().killSwitch().kind()).isEqualTo(KillSwitchKind.DRAWDOWN);
        assertThat(c.state().killSwitch().reason()).isEqualTo("drawdown: -10.50% (limit -10.00%)");

        c = killSwitch.evaluate(c.state(), D3, pv("95000"), at(3000));
        assertThat(c.tripped()).as("a drawdown trip does not clear at a new session").isTrue();
        assertThat(c.state().killSwitch().reason()).isEqualTo("drawdown: -10.50% (limit -10.00%)");

        SessionRiskState reset = KillSwitch.reset(c.state(), pv("95000"));
        assertThat(reset.killSwitch().active()).isFalse();
        assertThat(reset.highWaterMark()).isEqualByComparingTo("95000");
        c = killSwitch.evaluate(reset, D3, pv("94000"), at(3001));
        assertThat(c.tripped()).as("reset re-bases the high-water mark").isFalse();
    }

    @Test
    void a_drawdown_breach_replaces_a_standing_daily_loss_trip() {
        KillSwitchCheck c = start(D1, "100000");
        c = killSwitch.evaluate(c.state(), D1, pv("97000"), at(1));
        assertThat(c.state().killSwitch().kind()).isEqualTo(KillSwitchKind.DAILY_LOSS);

        c = killSwitch.evaluate(c.state(), D1, pv("88000"), at(2));
        assertThat(c.trippedNow()).isTrue();
        assertThat(c.state().killSwitch().kind()).isEqualTo(KillSwitchKind.DRAWDOWN);
        assertThat(c.state().killSwitch().reason()).isEqualTo("drawdown: -12.00% (limit -10.00%)");

        c = killSwitch.evaluate(c.state(), D2, pv("99000"), at(1500));
        assertThat(c.tripped()).isTrue();
    }

    @Test
    void both_breached_in_one_cycle_records_the_drawdown() {
        KillSwitchCheck c = start(D1, "100000");

        c = killSwitch.evaluate(c.state(), D1, pv("85000"), at(1));

        assertThat(c.state().killSwitch().kind()).isEqualTo(KillSwitchKind.DRAWDOWN);
        assertThat(c.state().killSwitch().reason()).isEqualTo("drawdown: -15.00% (limit -10.00%)");
    }

    @Test
    void a_restart_never_clears_a_trip_fix() {
        KillSwitchCheck c = start(D1, "100000");
        c = killSwitch.evaluate(c.state(), D1, pv("97000"), at(1));
        EngineState persisted = c.state().applyTo(EngineState.initial(pv("100000")));

        SessionRiskState loaded = SessionRiskState.of(persisted);
        assertThat(loaded).isEqualTo(c.state());
        KillSwitchCheck afterRestart = killSwitch.evaluate(loaded, D1, pv("100500"), at(30));

        assertThat(afterRestart.tripped()).isTrue();
        assertThat(afterRestart.newSession()).isFalse();
        assertThat(afterRestart.state().startOfDayValue()).isEqualByComparingTo("100000");
    }

    @Test
    void a_manual_trip_stays_across_sessions_until_reset() {
        SessionRiskState s = KillSwitch.tripManually(start(D1, "100000").state(), "operator", at(1));

        KillSwitchCheck c = killSwitch.evaluate(s, D2, pv("100000"), at(1500));

        assertThat(c.state().killSwitch().kind()).isEqualTo(KillSwitchKind.MANUAL);
        assertThat(KillSwitch.decisionReason(c.state().killSwitch())).isEqualTo("kill_switch: operator");
        assertThat(KillSwitch.reset(c.state(), pv("100000")).killSwitch().active()).isFalse();
    }

    @Test
    void halt_allows_reductions_and_exits_but_no_new_risk() {
        KillSwitchState tripped = KillSwitchState.inactive().trip(KillSwitchKind.DAILY_LOSS,
                "daily_loss: -2.00% (limit -2.00%)", at(1));

        assertThat(killSwitch.allowedTarget(tripped, 0.04, 0.02)).isEqualTo(0.02);
        assertThat(killSwitch.allowedTarget(tripped, 0.04, 0.0)).isEqualTo(0.0);
        assertThat(killSwitch.allowedTarget(tripped, 0.04, 0.06)).isEqualTo(0.04);
        assertThat(killSwitch.allowedTarget(tripped, 0.0, -0.03)).isEqualTo(0.0);
        assertThat(killSwitch.allowedTarget(KillSwitchState.inactive(), 0.0, 0.03)).isEqualTo(0.03);
        assertThat(KillSwitch.decisionReason(tripped)).isEqualTo("kill_switch: daily_loss: -2.00% (limit -2.00%)");
    }

    @Test
    void flatten_targets_zero_for_every_position() {
        KillSwitch flatten = new KillSwitch(new KillSwitchConfig(0.02, 0.10, OnKill.FLATTEN));
        KillSwitchState tripped = KillSwitchState.inactive().trip(KillSwitchKind.DRAWDOWN, "drawdown: x", at(1));

        assertThat(flatten.allowedTarget(tripped, 0.04, 0.06)).isEqualTo(0.0);
        assertThat(flatten.allowedTarget(tripped, -0.04, -0.02)).isEqualTo(0.0);
        assertThat(flatten.allowedTarget(KillSwitchState.inactive(), 0.04, 0.06)).isEqualTo(0.06);
    }

    @Test
    void decision_reason_needs_a_tripped_switch() {
        assertThatThrownBy(() -> KillSwitch.decisionReason(KillSwitchState.inactive()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void session_state_needs_day_and_start_value_together() {
        assertThatThrownBy(() -> new SessionRiskState(D1, null, null, KillSwitchState.inactive()))
                .hasMessageContaining("must be set together");
    }

    @Test
    void config_defaults_and_validation_name_the_key() {
        assertThat(KillSwitchConfig.defaults()).isEqualTo(new KillSwitchConfig(0.02, 0.10, OnKill.HALT));
        assertThatThrownBy(() -> new KillSwitchConfig(2, 0.10, OnKill.HALT))
                .hasMessageContaining("risk.max_daily_loss").hasMessageContaining("fraction");
        assertThatThrownBy(() -> new KillSwitchConfig(0.02, 0, OnKill.HALT)).hasMessageContaining("risk.max_drawdown");
    }
}
