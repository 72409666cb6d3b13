package dev.horizon.domain.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TrainingLabelsTest {

    private static final double NAN = Double.NaN;

    private static void assertRelative(double actual, double expected) {
        assertThat(Math.abs(actual - expected)).as("%s vs %s", actual, expected)
                .isLessThanOrEqualTo(1e-12 * Math.abs(expected));
    }

    @Test
    void forward_return_is_close_h_bars_ahead_over_close_minus_one() {
        double[] close = {100, 102, 99, 101, 103, 98};
        double[] r = TrainingLabels.forwardReturns(close, close.length, 2);

        // 99/100 − 1, 101/102 − 1, 103/99 − 1, 98/101 − 1, in exact decimals.
        assertRelative(r[0], -0.01);
        assertRelative(r[1], -0.009803921568627450980);
        assertRelative(r[2], 0.040404040404040404040);
        assertRelative(r[3], -0.029702970297029702970);
        assertThat(r[4]).isNaN();
        assertThat(r[5]).isNaN();
    }

    @Test
    void forward_return_past_the_end_of_the_data_is_nan_never_a_shorter_window() {
        double[] close = {100, 102, 99, 101, 103, 98};
        // Only the first 4 bars exist: bar 2 + 2 = 4 is beyond them, whatever the array holds there.
        double[] r = TrainingLabels.forwardReturns(close, 4, 2);

        assertThat(r).hasSize(4);
        assertRelative(r[0], -0.01);
        assertRelative(r[1], -0.009803921568627450980);
        assertThat(r[2]).isNaN();
        assertThat(r[3]).isNaN();
    }

    /** Flat closes at 100, σ_h = 1 %: the k = 1 barriers sit at exactly 101 and 99. */
    private static final double[] FLAT = {100, 100, 100, 100, 100, 100};
    private static final double[] HIGH = {100, 100.9, 101, 100.2, 100.5, 103};
    private static final double[] LOW = {100, 99.5, 99.2, 99.0, 99.8, 97};
    private static final double[] SIGMA = {0.01, 0.01, NAN, 0.01, 0.01, 0.01};

    @Test
    void peak_is_one_when_a_future_high_touches_close_times_one_plus_k_sigma() {
        double[] peak = TrainingLabels.peaks(HIGH, FLAT, SIGMA, 1.0, 6, 2);

        // t0: highs 100.9, 101 touch 101 exactly; t1: 101, 100.2; t2: σ refused; t3: 100.5, 103;
        // t4, t5: the 2-bar window runs past the data.
        assertThat(peak).containsExactly(1, 1, NAN, 1, NAN, NAN);
    }

    @Test
    void valley_is_one_when_a_future_low_touches_close_times_one_minus_k_sigma() {
        double[] valley = TrainingLabels.valleys(LOW, FLAT, SIGMA, 1.0, 6, 2);

        // t0: lows 99.5, 99.2 stay above 99; t1: 99.2, 99.0 touches; t3: 99.8, 97.
        assertThat(valley).containsExactly(0, 1, NAN, 1, NAN, NAN);
    }

    @Test
    void barrier_width_scales_with_k() {
        // k = 2: barriers at 102 and 98; only bar 5 (high 103, low 97) reaches them.
        assertThat(TrainingLabels.peaks(HIGH, FLAT, SIGMA, 2.0, 6, 2)).containsExactly(0, 0, NAN, 1, NAN, NAN);
        assertThat(TrainingLabels.valleys(LOW, FLAT, SIGMA, 2.0, 6, 2)).containsExactly(0, 0, NAN, 1, NAN, NAN);
    }

    @Test
    void barrier_window_starts_after_bar_t_so_its_own_range_does_not_count() {
        double[] close = {100, 100, 100};
        double[] high = {110, 100, 100};
        double[] low = {90, 100, 100};
        double[] sigma = {0.01, 0.01, 0.01};

        assertThat(TrainingLabels.peaks(high, close, sigma, 1.0, 3, 2)[0]).isZero();
        assertThat(TrainingLabels.valleys(low, close, sigma, 1.0, 3, 2)[0]).isZero();
    }

    @Test
    void horizon_sigma_is_the_volatility_at_t_scaled_by_root_h_and_nan_while_refused() {
        // The VolatilityTest closes: 11 closes, σ_bar = 0.014147089700693716 at the last one.
        double[] close = {100, 101, 99.5, 100.2, 102, 101.1, 100.4, 103, 102.2, 101.9, 104};
        double[] sigma = TrainingLabels.horizonSigmas(close, close.length, Volatility.withDefaultLookback(), 5, 1);

        for (int t = 0; t < 10; t++) {
            assertThat(sigma[t]).as("bar %d has fewer than 10 returns", t).isNaN();
        }
        // 0.014147089700693716 · √5
        assertRelative(sigma[10], 0.031633854254538300);
    }

    @Test
    void labels_never_read_a_bar_at_or_after_n() {
        Random random = new Random(7);
        int total = 200;
        int n = 120;
        double[] close = new double[total];
        double[] high = new double[total];
        double[] low = new double[total];
        double price = 100;
        for (int i = 0; i < total; i++) {
            price *= 1 + 0.002 * random.nextGaussian();
            close[i] = price;
            high[i] = price * (1 + 0.001 * random.nextDouble());
            low[i] = price * (1 - 0.001 * random.nextDouble());
        }
        Volatility volatility = Volatility.withDefaultLookback();
        double[] sigma = TrainingLabels.horizonSigmas(close, n, volatility, 5, 1);
        double[] ret = TrainingLabels.forwardReturns(close, n, 5);
        double[] peak = TrainingLabels.peaks(high, close, sigma, 1.0, n, 5);
        double[] valley = TrainingLabels.valleys(low, close, sigma, 1.0, n, 5);

        // Wreck every bar from n on: nothing computed over [0, n) may change.
        double[] close2 = close.clone();
        double[] high2 = high.clone();
        double[] low2 = low.clone();
        Arrays.fill(close2, n, total, 1e9);
        Arrays.fill(high2, n, total, 1e9);
        Arrays.fill(low2, n, total, 1e-9);
        double[] sigma2 = TrainingLabels.horizonSigmas(close2, n, volatility, 5, 1);
        assertThat(sigma2).containsExactly(sigma);
        assertThat(TrainingLabels.forwardReturns(close2, n, 5)).containsExactly(ret);
        assertThat(TrainingLabels.peaks(high2, close2, sigma2, 1.0, n, 5)).containsExactly(peak);
        assertThat(TrainingLabels.valleys(low2, close2, sigma2, 1.0, n, 5)).containsExactly(valley);

        // The last 5 bars have no complete window; everything from bar 10 up to them does.
        for (int t = 10; t < n - 5; t++) {
            assertThat(ret[t]).isFinite();
            assertThat(peak[t]).isIn(0.0, 1.0);
            assertThat(valley[t]).isIn(0.0, 1.0);
        }
        for (int t = n - 5; t < n; t++) {
            assertThat(ret[t]).isNaN();
            assertThat(peak[t]).isNaN();
            assertThat(valley[t]).isNaN();
        }
    }

    @Test
    void horizon_must_be_a_whole_number_of_bars() {
        assertThat(TrainingLabels.horizonBars(15, 5)).isEqualTo(3);
        assertThatThrownBy(() -> TrainingLabels.horizonBars(10, 3)).hasMessageContaining("10 minutes");
        assertThatThrownBy(() -> TrainingLabels.forwardReturns(new double[3], 3, 0)).hasMessageContaining("one bar");
        assertThatThrownBy(() -> TrainingLabels.peaks(new double[3], new double[3], new double[3], 0.0, 3, 1))
                .hasMessageContaining("k must be");
        assertThatThrownBy(() -> TrainingLabels.forwardReturns(new double[3], 4, 1))
                .hasMessageContaining("4 bars requested, 3 close");
    }
}
