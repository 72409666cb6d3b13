package dev.horizon.domain.gating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BarrierGateTest {

    private final BarrierGate gate = new BarrierGate(BarrierGateConfig.defaults());

    private static void assertRel(double actual, double expected) {
        assertThat(actual).isCloseTo(expected, within(Math.abs(expected) * 1e-12));
    }

    @ParameterizedTest(name = "g({0}, {1}) = {2}")
    @CsvSource({
            "0.3, 0.3, 0.5643580423808985",
            "0.1, 0.6, 0.8049844718999243",
            "0.6, 0.0, 0.28284271247461906",
            "0.0, 0.0, 0.7071067811865476",
            "0.0, 1.0, 1.0"})
    void golden_barrier_gate_factor(double pBad, double pGood, double expected) {
        assertRel(gate.factor(pBad, pGood), expected);
    }

    @Test
    void golden_long_at_the_peak_threshold_is_allowed_with_factor_0_2828() {
        BarrierVerdict v = gate.evaluate(BarrierProbabilities.of(0.6, 0.0), +1, 0.0);

        assertThat(v.status()).isEqualTo(BarrierVerdict.Status.ALLOWED);
        assertRel(v.factor(), 0.28284271247461906);
        assertThat(v.reason()).isEmpty();
    }

    @Test
    void golden_long_with_peak_0_6000001_is_blocked_reading_peak_prob_0_60_gt_0_60() {
        BarrierVerdict v = gate.evaluate(BarrierProbabilities.of(0.6000001, 0.1), +1, 0.0);

        assertThat(v.status()).isEqualTo(BarrierVerdict.Status.BLOCKED);
        assertThat(v.reason()).isEqualTo("peak_prob 0.60 > 0.60");
        assertThat(v.allowedTarget(0.0, 0.02)).isEqualTo(0.0);
    }

    @Test
    void long_entry_blocked_when_peak_above_0_6_with_two_decimal_reason() {
        BarrierVerdict v = gate.evaluate(BarrierProbabilities.of(0.62, 0.2), +1, 0.0);

        assertThat(v.reason()).isEqualTo("peak_prob 0.62 > 0.60");
    }

    @Test
    void short_entry_blocked_when_valley_above_0_55() {
        BarrierVerdict v = gate.evaluate(BarrierProbabilities.of(0.1, 0.57), -1, 0.0);

        assertThat(v.status()).isEqualTo(BarrierVerdict.Status.BLOCKED);
        assertThat(v.reason()).isEqualTo("valley_prob 0.57 > 0.55");
    }

    @Test
    void short_at_the_valley_threshold_is_allowed() {
        assertThat(gate.evaluate(BarrierProbabilities.of(0.1, 0.55), -1, 0.0).status())
                .isEqualTo(BarrierVerdict.Status.ALLOWED);
    }

    @Test
    void a_high_valley_does_not_block_a_long_nor_a_high_peak_a_short() {
        assertThat(gate.evaluate(BarrierProbabilities.of(0.1, 0.58), +1, 0.0).status())
                .isEqualTo(BarrierVerdict.Status.ALLOWED);
        assertThat(gate.evaluate(BarrierProbabilities.of(0.62, 0.1), -1, 0.0).status())
                .isEqualTo(BarrierVerdict.Status.ALLOWED);
    }

    @Test
    void long_uses_peak_as_bad_and_valley_as_good_short_the_reverse() {
        BarrierProbabilities p = BarrierProbabilities.of(0.1, 0.3);

        assertRel(gate.evaluate(p, +1, 0.0).factor(), 0.9 * Math.sqrt(0.65));
        assertRel(gate.evaluate(p, -1, 0.0).factor(), 0.7 * Math.sqrt(0.55));
    }

    @Test
    void factor_is_floored_at_g_min() {
        BarrierGate loose = new BarrierGate(new BarrierGateConfig(1.0, 1.0, 1.0, 1.0, 0.2, 1.0, 0.5));

        BarrierVerdict v = loose.evaluate(BarrierProbabilities.of(0.9, 0.0), +1, 0.0);

        assertThat(v.status()).isEqualTo(BarrierVerdict.Status.ALLOWED);
        assertThat(v.factor()).isEqualTo(0.2);
    }

    @Test
    void no_barrier_models_turns_the_gate_off_with_factor_1_fix() {
        BarrierVerdict v = gate.evaluate(BarrierProbabilities.none(), +1, 0.0);

        assertThat(v.status()).isEqualTo(BarrierVerdict.Status.OFF);
        assertThat(v.factor()).isEqualTo(1.0);
        assertThat(v.allowedTarget(0.0, 0.03)).isEqualTo(0.03);
    }

    @Test
    void non_finite_probability_blocks_the_entry_as_invalid_barrier_prob() {
        for (BarrierProbabilities p : new BarrierProbabilities[]{BarrierProbabilities.of(Double.NaN, 0.2),
                BarrierProbabilities.of(0.2, Double.POSITIVE_INFINITY)}) {
            BarrierVerdict v = gate.evaluate(p, +1, 0.0);
            assertThat(v.status()).isEqualTo(BarrierVerdict.Status.BLOCKED);
            assertThat(v.reason()).isEqualTo("invalid_barrier_prob");
            assertThat(v.factor()).isEqualTo(1.0);
            assertThat(v.allowedTarget(0.0, 0.03)).isEqualTo(0.0);
        }
    }

    @Test
    void probabilities_are_the_mean_of_the_models_and_a_side_without_prediction_blocks() {
        BarrierProbabilities p = BarrierProbabilities.fromPredictions(new double[]{0.2, 0.4}, new double[]{0.1});
        assertThat(p.available()).isTrue();
        assertRel(p.peak(), 0.30000000000000004);
        assertThat(p.valley()).isEqualTo(0.1);

        BarrierProbabilities missing = BarrierProbabilities.fromPredictions(new double[]{0.2}, new double[0]);
        assertThat(gate.evaluate(missing, +1, 0.0).reason()).isEqualTo("invalid_barrier_prob");
    }

    @Test
    void held_long_with_peak_above_0_65_exits_to_zero() {
        BarrierVerdict v = gate.evaluate(BarrierProbabilities.of(0.70, 0.1), +1, 0.03);

        assertThat(v.status()).isEqualTo(BarrierVerdict.Status.EXIT);
        assertThat(v.reason()).isEqualTo("barrier_exit: peak_prob 0.70 > 0.65");
        assertThat(v.allowedTarget(0.03, 0.05)).isEqualTo(0.0);
    }

    @Test
    void held_short_with_valley_above_0_60_exits_to_zero_whatever_the_direction() {
        BarrierVerdict v = gate.evaluate(BarrierProbabilities.of(0.1, 0.61), 0, -0.03);

        assertThat(v.status()).isEqualTo(BarrierVerdict.Status.EXIT);
        assertThat(v.reason()).isEqualTo("barrier_exit: valley_prob 0.61 > 0.60");
        assertThat(v.allowedTarget(-0.03, -0.03)).isEqualTo(0.0);
    }

    @Test
    void exit_thresholds_are_strict_and_need_a_held_position() {
        assertThat(gate.evaluate(BarrierProbabilities.of(0.65, 0.1), -1, 0.03).status())
                .isEqualTo(BarrierVerdict.Status.ALLOWED);
        assertThat(gate.evaluate(BarrierProbabilities.of(0.1, 0.60), +1, -0.03).status())
                .isEqualTo(BarrierVerdict.Status.ALLOWED);
        assertThat(gate.evaluate(BarrierProbabilities.of(0.9, 0.1), -1, 0.0).status())
                .as("flat: no exit, a short is allowed").isEqualTo(BarrierVerdict.Status.ALLOWED);
        assertThat(gate.evaluate(BarrierProbabilities.of(0.1, 0.9), -1, 0.03).status())
                .as("a high valley does not exit a long").isEqualTo(BarrierVerdict.Status.BLOCKED);
    }

    @Test
    void barrier_gate_never_blocks_a_reduction_fix() {
        BarrierVerdict blocked = gate.evaluate(BarrierProbabilities.of(0.62, 0.1), +1, 0.04);
        assertThat(blocked.status()).isEqualTo(BarrierVerdict.Status.BLOCKED);

        assertThat(blocked.allowedTarget(0.04, 0.02)).as("smaller long").isEqualTo(0.02);
        assertThat(blocked.allowedTarget(0.04, 0.06)).as("larger long").isEqualTo(0.04);
        assertThat(blocked.allowedTarget(-0.03, 0.02)).as("covering a short, then long").isEqualTo(0.0);

        BarrierVerdict invalid = gate.evaluate(BarrierProbabilities.of(Double.NaN, Double.NaN), -1, -0.04);
        assertThat(invalid.allowedTarget(-0.04, -0.01)).isEqualTo(-0.01);
    }

    @Test
    void no_direction_is_allowed_with_factor_1() {
        BarrierVerdict v = gate.evaluate(BarrierProbabilities.of(0.3, 0.3), 0, 0.0);

        assertThat(v.status()).isEqualTo(BarrierVerdict.Status.ALLOWED);
        assertThat(v.factor()).isEqualTo(1.0);
    }

    @Test
    void config_validation_names_the_key() {
        assertThatThrownBy(() -> new BarrierGateConfig(1.2, 0.55, 0.65, 0.6, 0.2, 1, 0.5))
                .hasMessageContaining("gating.barrier.max_peak_for_long");
        assertThatThrownBy(() -> new BarrierGateConfig(0.6, 0.55, 0.65, 0.6, 1.5, 1, 0.5))
                .hasMessageContaining("gating.barrier.min_factor");
    }
}
