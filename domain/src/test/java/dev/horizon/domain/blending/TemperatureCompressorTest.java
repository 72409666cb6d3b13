package dev.horizon.domain.blending;

import static dev.horizon.domain.blending.Approx.assertRel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.horizon.domain.market.Horizon;
import org.junit.jupiter.api.Test;

class TemperatureCompressorTest {

    private final TemperatureCompressor compressor = new TemperatureCompressor();

    @Test
    void golden_three_weights_at_075_flatten_with_power_t_not_one_over_t() {
        assertRel(compressor.compress(new double[] {.5, .3, .2}, 0.75),
                0.45772770409486496, 0.3120474491767743, 0.23022484672836077);
    }

    @Test
    void golden_two_weights_at_085() {
        assertRel(compressor.compress(new double[] {.8, .2}, 0.85), 0.7646510369310004, 0.2353489630689996);
    }

    @Test
    void golden_temperature_one_leaves_weights_unchanged() {
        assertThat(compressor.compress(new double[] {.8, .2}, 1.0)).containsExactly(.8, .2);
    }

    @Test
    void golden_temperature_zero_gives_equal_weights() {
        assertThat(compressor.compress(new double[] {.8, .2}, 0.0)).containsExactly(.5, .5);
    }

    @Test
    void temperature_above_one_leaves_weights_unchanged_and_negative_gives_equal() {
        assertThat(compressor.compress(new double[] {.8, .2}, 1.7)).containsExactly(.8, .2);
        assertThat(compressor.compress(new double[] {.7, .2, .1}, -0.5)).containsExactly(1.0 / 3, 1.0 / 3, 1.0 / 3);
    }

    @Test
    void zero_weight_stays_zero_under_compression() {
        double[] w = compressor.compress(new double[] {0.6847982708933719, 0.0, 0.3152017291066282}, 0.75);
        assertThat(w[1]).isEqualTo(0.0);
        assertThat(w[0] + w[2]).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(w[0]).isLessThan(0.6847982708933719);
    }

    @Test
    void nan_temperature_is_rejected() {
        assertThatThrownBy(() -> compressor.compress(new double[] {1.0}, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void default_schedule_compresses_only_the_short_horizons() {
        TemperatureSchedule schedule = TemperatureSchedule.defaults();
        assertThat(schedule.temperatureFor(Horizon.parse("5m", 390))).isEqualTo(0.75);
        assertThat(schedule.temperatureFor(Horizon.parse("10m", 390))).isEqualTo(0.85);
        assertThat(schedule.temperatureFor(Horizon.parse("15m", 390))).isEqualTo(0.90);
        assertThat(schedule.temperatureFor(Horizon.parse("30m", 390))).isEqualTo(1.0);
        assertThat(schedule.temperatureFor(Horizon.parse("1h", 390))).isEqualTo(1.0);
        assertThat(schedule.temperatureFor(Horizon.parse("1d", 390))).isEqualTo(1.0);
    }
}
