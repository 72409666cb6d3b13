package dev.horizon.domain.features;

import static dev.horizon.domain.features.FixedSeries.CLOSE;
import static dev.horizon.domain.features.FixedSeries.HIGH;
import static dev.horizon.domain.features.FixedSeries.LOW;
import static dev.horizon.domain.features.FixedSeries.OPEN;
import static dev.horizon.domain.features.FixedSeries.VOLUME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.horizon.domain.market.BarSeries;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class FeatureCalculatorTest {

    private final FeatureCalculator calculator = new FeatureCalculator();

    private static double[] fixed(int n) {
        return Rows.compute(OPEN, HIGH, LOW, CLOSE, VOLUME, n);
    }

    private static double[] row(double[] high, double[] low, double[] close, double[] volume) {
        return Rows.compute(null, high, low, close, volume, close.length);
    }

    private static double[] constant(int n, double value) {
        double[] a = new double[n];
        Arrays.fill(a, value);
        return a;
    }

    // --- hand-computed values on the fixed series ---

    @Test
    void every_feature_matches_hand_computed_values_with_full_history() {
        Rows.assertRow(fixed(70), FixedSeries.EXPECTED_70);
    }

    @Test
    void rsi21_and_bands_at_exactly_21_bars_count_the_first_change_as_zero() {
        Rows.assertRow(fixed(21), FixedSeries.EXPECTED_21);
    }

    @Test
    void atr14_at_exactly_14_bars_uses_high_minus_low_for_the_first_true_range() {
        Rows.assertRow(fixed(14), FixedSeries.EXPECTED_14);
    }

    @Test
    void rsi7_at_exactly_7_bars_and_short_history_nans() {
        Rows.assertRow(fixed(7), FixedSeries.EXPECTED_7);
    }

    @Test
    void single_bar_gives_only_macd_zeros_and_high_low_range() {
        Rows.assertRow(fixed(1), FixedSeries.EXPECTED_1);
        assertThat(fixed(1)[Feature.MACD.ordinal()]).isZero();
    }

    @Test
    void no_bars_gives_all_nan() {
        double[] out = new double[FeatureLibrary.size()];
        Arrays.fill(out, 7.0);
        calculator.compute(OPEN, HIGH, LOW, CLOSE, VOLUME, 0, out);
        assertThat(out).containsOnly(Double.NaN);
    }

    // --- minimum history, feature by feature ---

    @ParameterizedTest(name = "{0} is NaN with {0}.minBars - 1 bars and defined with minBars")
    @EnumSource(Feature.class)
    void too_little_history_gives_nan(Feature feature) {
        int min = feature.minBars();
        if (min > 1) {
            assertThat(fixed(min - 1)[feature.ordinal()]).as(feature + " with " + (min - 1) + " bars").isNaN();
        }
        assertThat(fixed(min)[feature.ordinal()]).as(feature + " with " + min + " bars").isFinite();
    }

    @Test
    void minimum_history_table_matches_the_design() {
        assertThat(Feature.RET_1D.minBars()).isEqualTo(2);
        assertThat(Feature.RET_60D.minBars()).isEqualTo(61);
        assertThat(Feature.VOL_5D.minBars()).isEqualTo(6);
        assertThat(Feature.VOL_60D.minBars()).isEqualTo(61);
        assertThat(Feature.RSI_14.minBars()).isEqualTo(14);
        assertThat(Feature.MA_RATIO_50.minBars()).isEqualTo(50);
        assertThat(Feature.BB_POSITION.minBars()).isEqualTo(20);
        assertThat(Feature.MACD_SIGNAL.minBars()).isEqualTo(1);
        assertThat(Feature.MOM_20D.minBars()).isEqualTo(21);
        assertThat(Feature.ATR_14.minBars()).isEqualTo(14);
        assertThat(Feature.VOLUME_MA_RATIO.minBars()).isEqualTo(20);
        assertThat(Feature.VOLUME_CHANGE.minBars()).isEqualTo(2);
        assertThat(Feature.CLOSE_TO_LOW_52W.minBars()).isEqualTo(20);
    }

    // --- RSI ---

    @Test
    void rsi_without_losses_gives_100_fix() {
        double[] c = new double[21];
        for (int i = 0; i < c.length; i++) {
            c[i] = 10 + i;
        }
        double[] out = row(c, c, c, constant(21, 100));
        assertThat(out[Feature.RSI_7.ordinal()]).isEqualTo(100.0);
        assertThat(out[Feature.RSI_14.ordinal()]).isEqualTo(100.0);
        assertThat(out[Feature.RSI_21.ordinal()]).isEqualTo(100.0);
    }

    @Test
    void rsi_of_a_flat_window_gives_50_fix() {
        double[] c = constant(21, 42.0);
        double[] out = row(c, c, c, constant(21, 100));
        assertThat(out[Feature.RSI_7.ordinal()]).isEqualTo(50.0);
        assertThat(out[Feature.RSI_21.ordinal()]).isEqualTo(50.0);
    }

    @Test
    void rsi_with_only_losses_gives_0() {
        double[] c = new double[7];
        for (int i = 0; i < c.length; i++) {
            c[i] = 50 - i;
        }
        assertThat(row(c, c, c, constant(7, 1))[Feature.RSI_7.ordinal()]).isEqualTo(0.0);
    }

    @Test
    void rsi_uses_simple_means_of_gains_and_losses() {
        // changes over 7 bars: 0 (first bar), +2, -1, +3, -2, +1, -1 → G = 6/7, L = 4/7, RS = 1.5 → 60
        double[] c = {10, 12, 11, 14, 12, 13, 12};
        assertThat(row(c, c, c, constant(7, 1))[Feature.RSI_7.ordinal()]).isCloseTo(60.0, within(1e-12));
    }

    // --- Bollinger ---

    @Test
    void bollinger_with_zero_std_gives_position_half_fix() {
        double[] c = constant(20, 25.0);
        double[] out = row(c, c, c, constant(20, 10));
        assertThat(out[Feature.BB_POSITION.ordinal()]).isEqualTo(0.5);
        assertThat(out[Feature.BB_WIDTH.ordinal()]).isZero();
    }

    @Test
    void bollinger_uses_sma20_and_sample_std_of_20_closes() {
        // closes 1..20: m = 10.5, s = sqrt(35) (sample), C_t = 20
        double[] c = new double[20];
        for (int i = 0; i < 20; i++) {
            c[i] = i + 1;
        }
        double[] out = row(c, c, c, constant(20, 10));
        double s = Math.sqrt(35.0);
        assertThat(out[Feature.BB_POSITION.ordinal()]).isCloseTo((20 - (10.5 - 2 * s)) / (4 * s), within(1e-12));
        assertThat(out[Feature.BB_WIDTH.ordinal()]).isCloseTo(4 * s / 10.5, within(1e-12));
        assertThat(out[Feature.MA_RATIO_20.ordinal()]).isCloseTo(20 / 10.5 - 1, within(1e-12));
        assertThat(out[Feature.MA_RATIO_10.ordinal()]).isCloseTo(20 / 15.5 - 1, within(1e-12));
    }

    // --- EMA / MACD ---

    @Test
    void macd_recursion_seeds_with_the_first_value() {
        // by hand, y0 = x0, y = (1 - a) y + a x over 10, 11, 12, 11.5 (computed in exact decimals)
        double[] c = {10, 11, 12, 11.5};
        double[] out = row(c, c, c, constant(4, 1));
        assertThat(out[Feature.MACD.ordinal()]).isCloseTo(0.2894825635387806, within(1e-15));
        assertThat(out[Feature.MACD_SIGNAL.ordinal()]).isCloseTo(0.10348886991264894, within(1e-15));
        assertThat(out[Feature.MACD_HIST.ordinal()]).isCloseTo(0.18599369362613166, within(1e-15));
    }

    @Test
    void macd_after_two_bars_follows_one_recursion_step() {
        double[] c = {10, 13};
        double[] out = row(c, c, c, constant(2, 1));
        double e12 = (11.0 / 13) * 10 + (2.0 / 13) * 13;
        double e26 = (25.0 / 27) * 10 + (2.0 / 27) * 13;
        double macd = e12 - e26;
        double signal = 0.8 * 0.0 + 0.2 * macd;
        assertThat(out[Feature.MACD.ordinal()]).isCloseTo(macd, within(1e-14));
        assertThat(out[Feature.MACD_SIGNAL.ordinal()]).isCloseTo(signal, within(1e-14));
        assertThat(out[Feature.MACD_HIST.ordinal()]).isCloseTo(macd - signal, within(1e-14));
    }

    @Test
    void macd_recurses_over_the_whole_supplied_history() {
        double[] whole = new double[FeatureLibrary.size()];
        double[] tail = new double[FeatureLibrary.size()];
        calculator.compute(OPEN, HIGH, LOW, CLOSE, VOLUME, 0, 70, whole);
        calculator.compute(OPEN, HIGH, LOW, CLOSE, VOLUME, 40, 30, tail);
        assertThat(tail[Feature.MACD.ordinal()]).isNotEqualTo(whole[Feature.MACD.ordinal()]);
        // features with a fixed window do not depend on the history length
        assertThat(tail[Feature.RSI_21.ordinal()]).isEqualTo(whole[Feature.RSI_21.ordinal()]);
        assertThat(tail[Feature.ATR_14.ordinal()]).isEqualTo(whole[Feature.ATR_14.ordinal()]);
    }

    // --- the other NaN and divide-by-zero rules ---

    @Test
    void volume_ma_ratio_with_zero_volume_sma_gives_nan() {
        double[] c = constant(20, 10);
        double[] out = row(c, c, c, constant(20, 0));
        assertThat(out[Feature.VOLUME_MA_RATIO.ordinal()]).isNaN();
    }

    @Test
    void volume_change_after_zero_volume_gives_nan_never_infinity() {
        double[] c = constant(3, 10);
        assertThat(row(c, c, c, new double[] {5, 0, 7})[Feature.VOLUME_CHANGE.ordinal()]).isNaN();
        assertThat(row(c, c, c, new double[] {5, 0, 0})[Feature.VOLUME_CHANGE.ordinal()]).isNaN();
        assertThat(row(c, c, c, new double[] {5, 4, 0})[Feature.VOLUME_CHANGE.ordinal()]).isEqualTo(-1.0);
    }

    @Test
    void close_to_low_52w_with_zero_min_gives_nan() {
        double[] c = constant(20, 10);
        c[3] = 0;
        double[] out = row(c, c, c, constant(20, 1));
        assertThat(out[Feature.CLOSE_TO_LOW_52W.ordinal()]).isNaN();
        assertThat(out[Feature.CLOSE_TO_HIGH_52W.ordinal()]).isEqualTo(1.0);
    }

    @Test
    void range_52w_looks_back_at_most_252_bars() {
        int n = 300;
        double[] c = constant(n, 10);
        c[n - 253] = 100; // just outside the window
        c[n - 253 + 1] = 20; // oldest bar inside the window
        c[n - 30] = 2;
        double[] out = row(c, c, c, constant(n, 1));
        assertThat(out[Feature.CLOSE_TO_HIGH_52W.ordinal()]).isEqualTo(0.5);
        assertThat(out[Feature.CLOSE_TO_LOW_52W.ordinal()]).isEqualTo(5.0);
    }

    @Test
    void range_52w_with_short_history_uses_all_bars() {
        double[] c = constant(25, 10);
        c[0] = 40;
        double[] out = row(c, c, c, constant(25, 1));
        assertThat(out[Feature.CLOSE_TO_HIGH_52W.ordinal()]).isEqualTo(0.25);
    }

    @Test
    void atr_takes_the_gap_to_the_previous_close_when_larger() {
        // 14 flat bars of range 1 around 10, then the last bar gaps up to [15, 16]: TR = 16 - 10 = 6
        int n = 15;
        double[] h = constant(n, 10.5);
        double[] l = constant(n, 9.5);
        double[] c = constant(n, 10);
        h[n - 1] = 16;
        l[n - 1] = 15;
        c[n - 1] = 15.5;
        double[] out = row(h, l, c, constant(n, 1));
        assertThat(out[Feature.ATR_14.ordinal()]).isCloseTo((13 * 1.0 + 6.0) / 14, within(1e-12));
    }

    @Test
    void momentum_is_an_absolute_price_difference() {
        double[] out = fixed(70);
        assertThat(out[Feature.MOM_5D.ordinal()]).isEqualTo(CLOSE[69] - CLOSE[64]);
        assertThat(out[Feature.RET_5D.ordinal()]).isEqualTo(CLOSE[69] / CLOSE[64] - 1);
    }

    // --- the two entry points agree ---

    @ParameterizedTest(name = "{0} bars in a ring of 50")
    @ValueSource(ints = {1, 13, 49, 50, 51, 70})
    void bar_series_and_arrays_give_identical_rows(int bars) {
        BarSeries series = FixedSeries.series(bars, 50);
        double[] fromSeries = new double[FeatureLibrary.size()];
        calculator.compute(series, fromSeries);
        int held = Math.min(bars, 50);
        double[] fromArrays = new double[FeatureLibrary.size()];
        new FeatureCalculator().compute(OPEN, HIGH, LOW, CLOSE, VOLUME, bars - held, held, fromArrays);
        assertThat(fromSeries).containsExactly(fromArrays);
    }

    @Test
    void a_calculator_reused_across_series_keeps_no_state() {
        RandomBars a = RandomBars.gbm(1, 300);
        double[] first = new double[FeatureLibrary.size()];
        double[] again = new double[FeatureLibrary.size()];
        calculator.compute(a.open(), a.high(), a.low(), a.close(), a.volume(), 300, first);
        calculator.compute(OPEN, HIGH, LOW, CLOSE, VOLUME, 70, again);
        calculator.compute(FixedSeries.series(7, 300), again);
        calculator.compute(a.open(), a.high(), a.low(), a.close(), a.volume(), 300, again);
        assertThat(again).containsExactly(first);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void agrees_with_a_naive_reference_on_random_series(long seed) {
        RandomBars b = RandomBars.gbm(seed, 300);
        for (int n : new int[] {1, 2, 6, 14, 20, 21, 50, 61, 62, 252, 253, 300}) {
            double[] out = Rows.compute(b.open(), b.high(), b.low(), b.close(), b.volume(), n);
            Rows.assertRow(out, ReferenceFeatures.at(b.high(), b.low(), b.close(), b.volume(), n), 1e-14);
        }
    }

    // --- contract ---

    @Test
    void rejects_a_short_output_row_and_a_range_outside_the_arrays() {
        assertThatThrownBy(() -> calculator.compute(OPEN, HIGH, LOW, CLOSE, VOLUME, 70, new double[28]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("29");
        assertThatThrownBy(() -> calculator.compute(OPEN, HIGH, LOW, CLOSE, VOLUME, 71,
                new double[FeatureLibrary.size()]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> calculator.compute(OPEN, HIGH, LOW, CLOSE, VOLUME, 60, 11,
                new double[FeatureLibrary.size()]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void steady_state_calls_do_not_allocate() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        RandomBars b = RandomBars.gbm(9, 300);
        BarSeries series = FixedSeries.series(70, 300);
        double[] out = new double[FeatureLibrary.size()];
        for (int i = 0; i < 200; i++) {
            calculator.compute(b.open(), b.high(), b.low(), b.close(), b.volume(), 300, out);
            calculator.compute(series, out);
        }
        long tid = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(tid);
        for (int i = 0; i < 10_000; i++) {
            calculator.compute(b.open(), b.high(), b.low(), b.close(), b.volume(), 300, out);
            calculator.compute(series, out);
        }
        long allocated = threads.getThreadAllocatedBytes(tid) - before;
        // 20,000 calls: anything per call would show up as hundreds of kilobytes
        assertThat(allocated).isLessThan(20_000);
    }
}
