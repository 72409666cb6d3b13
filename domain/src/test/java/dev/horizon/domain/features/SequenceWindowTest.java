package dev.horizon.domain.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.horizon.domain.market.BarSeries;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SequenceWindowTest {

    private static final double[] O = {9, 10, 11, 12};
    private static final double[] H = {11, 12, 12.5, 13};
    private static final double[] L = {8, 9.5, 10, 11};
    private static final double[] C = {10, 11, 12, 12.5};
    private static final double[] V = {100, 200, 50, 150};
    private static final float SENTINEL = -999f;

    /** T = 3 over the 4 bars above: the window is bars 1..3, C0 = 11, V0 = 200. */
    private static float[] fill(String normalization, double[] volume) {
        SequenceWindow window = SequenceWindow.of(3, SequenceWindow.DEFAULT_CHANNELS, normalization);
        float[] dst = new float[window.width()];
        assertThat(window.fill(O, H, L, C, volume, 4, dst, 0)).isTrue();
        return dst;
    }

    private static void assertWindow(float[] actual, double[][] expectedRows) {
        for (int k = 0; k < expectedRows.length; k++) {
            for (int c = 0; c < expectedRows[k].length; c++) {
                assertThat((double) actual[k * 5 + c]).as("bar %d channel %d", k, c)
                        .isCloseTo(expectedRows[k][c], within(1e-6));
            }
        }
    }

    @Test
    void returns_normalise_prices_by_the_first_close_and_volume_by_the_first_volume() {
        assertWindow(fill("returns", V), new double[][] {
                {10 / 11.0 - 1, 12 / 11.0 - 1, 9.5 / 11 - 1, 0, 0},
                {0, 12.5 / 11 - 1, 10 / 11.0 - 1, 12 / 11.0 - 1, -0.75},
                {12 / 11.0 - 1, 13 / 11.0 - 1, 0, 12.5 / 11 - 1, -0.25}});
    }

    @Test
    void log_returns_take_logs_of_the_same_ratios() {
        assertWindow(fill("log_returns", V), new double[][] {
                {Math.log(10 / 11.0), Math.log(12 / 11.0), Math.log(9.5 / 11), 0, 0},
                {0, Math.log(12.5 / 11), Math.log(10 / 11.0), Math.log(12 / 11.0), Math.log(0.25)},
                {Math.log(12 / 11.0), Math.log(13 / 11.0), 0, Math.log(12.5 / 11), Math.log(0.75)}});
    }

    @Test
    void minmax_scales_each_channel_over_the_window() {
        assertWindow(fill("minmax", V), new double[][] {
                {0, 0, 0, 0, 1},
                {0.5, 0.5, 1 / 3.0, 2 / 3.0, 0},
                {1, 1, 1, 1, 2 / 3.0}});
    }

    @Test
    void none_passes_raw_values() {
        assertWindow(fill("none", V), new double[][] {
                {10, 12, 9.5, 11, 200},
                {11, 12.5, 10, 12, 50},
                {12, 13, 11, 12.5, 150}});
    }

    @Test
    void minmax_of_a_constant_channel_is_zero() {
        float[] dst = fill("minmax", new double[] {7, 7, 7, 7});
        for (int k = 0; k < 3; k++) {
            assertThat(dst[k * 5 + 4]).isZero();
        }
    }

    @Test
    void zero_first_volume_writes_a_zero_volume_channel_not_nan() {
        double[] v = {100, 0, 50, 150};
        for (String mode : List.of("returns", "log_returns")) {
            float[] dst = fill(mode, v);
            for (int k = 0; k < 3; k++) {
                assertThat(dst[k * 5 + 4]).as(mode + " bar " + k).isZero();
            }
            assertThat(dst[5 + 3]).as(mode + ": the close channel is unaffected").isNotZero();
        }
    }

    @Test
    void zero_volume_inside_the_window_zeroes_the_log_volume_channel_but_not_returns() {
        double[] v = {100, 200, 0, 150};
        float[] log = fill("log_returns", v);
        float[] ret = fill("returns", v);
        for (int k = 0; k < 3; k++) {
            assertThat(log[k * 5 + 4]).isZero();
        }
        assertThat(ret[5 + 4]).isEqualTo(-1f);
        assertThat((double) ret[10 + 4]).isCloseTo(-0.25, within(1e-7));
    }

    @Test
    void fewer_bars_than_the_window_leaves_the_symbol_out() {
        SequenceWindow window = SequenceWindow.of(3, SequenceWindow.DEFAULT_CHANNELS, "returns");
        float[] dst = new float[window.width()];
        Arrays.fill(dst, SENTINEL);
        assertThat(window.fill(O, H, L, C, V, 2, dst, 0)).isFalse();
        assertThat(window.fill(FixedSeries.series(2, 10), dst, 0)).isFalse();
        assertThat(dst).containsOnly(SENTINEL);
        assertThat(window.fill(O, H, L, C, V, 3, dst, 0)).isTrue();
    }

    @Test
    void writes_t_by_c_rows_at_the_offset_of_a_batch() {
        SequenceWindow window = SequenceWindow.of(2, List.of("close", "volume"), "none");
        assertThat(window.width()).isEqualTo(4);
        float[] batch = new float[3 * window.width()];
        Arrays.fill(batch, SENTINEL);
        assertThat(window.fill(null, null, null, C, V, 4, batch, window.width())).isTrue();
        assertThat(batch).containsExactly(
                SENTINEL, SENTINEL, SENTINEL, SENTINEL,
                12f, 50f, 12.5f, 150f,
                SENTINEL, SENTINEL, SENTINEL, SENTINEL);
        assertThatThrownBy(() -> window.fill(null, null, null, C, V, 4, batch, 9))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @EnumSource(SequenceNormalization.class)
    void bar_series_and_arrays_give_the_same_window(SequenceNormalization normalization) {
        BarSeries series = FixedSeries.series(70, 100);
        SequenceWindow window = new SequenceWindow(SequenceWindow.DEFAULT_LENGTH,
                List.of(SequenceChannel.values()), normalization);
        float[] fromSeries = new float[window.width()];
        float[] fromArrays = new float[window.width()];
        assertThat(window.fill(series, fromSeries, 0)).isTrue();
        assertThat(window.fill(FixedSeries.OPEN, FixedSeries.HIGH, FixedSeries.LOW, FixedSeries.CLOSE,
                FixedSeries.VOLUME, 70, fromArrays, 0)).isTrue();
        assertThat(fromSeries).containsExactly(fromArrays);
        // anchored on the first bar of the window (bar 6), not on each bar's predecessor
        if (normalization == SequenceNormalization.RETURNS) {
            assertThat(fromSeries[3]).isZero();
            assertThat((double) fromSeries[63 * 5 + 3]).isCloseTo(FixedSeries.CLOSE[69] / FixedSeries.CLOSE[6] - 1,
                    within(1e-7));
        }
    }

    @Test
    void a_zero_price_leaves_the_symbol_out_and_writes_no_nan_or_infinity() {
        double[] c = C.clone();
        c[1] = 0; // the anchor close
        SequenceWindow window = SequenceWindow.of(3, List.of("close", "open"), "returns");
        float[] dst = new float[window.width()];
        assertThat(window.fill(O, H, L, c, V, 4, dst, 0)).isFalse();
        for (float x : dst) {
            assertThat(Float.isFinite(x)).isTrue();
        }
    }

    @Test
    void unknown_channel_or_normalisation_is_an_error_naming_it() {
        assertThatThrownBy(() -> SequenceWindow.of(64, List.of("close", "vwap"), "returns"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'vwap'");
        assertThatThrownBy(() -> SequenceWindow.of(64, List.of("close"), "zscore"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'zscore'");
        assertThatThrownBy(() -> SequenceWindow.of(0, List.of("close"), "none"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SequenceWindow.of(8, List.of(), "none"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void steady_state_fills_do_not_allocate() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        BarSeries series = FixedSeries.series(70, 100);
        SequenceWindow window = SequenceWindow.of(64, SequenceWindow.DEFAULT_CHANNELS, "log_returns");
        float[] batch = new float[window.width()];
        for (int i = 0; i < 200; i++) {
            window.fill(series, batch, 0);
        }
        long tid = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(tid);
        for (int i = 0; i < 10_000; i++) {
            window.fill(series, batch, 0);
        }
        assertThat(threads.getThreadAllocatedBytes(tid) - before).isLessThan(10_000);
    }

    @Test
    void metadata_names_parse_ignoring_case_and_blanks() {
        SequenceWindow window = SequenceWindow.of(64, List.of(" Close", "VOLUME"), "Log_Returns ");
        assertThat(window.channels()).containsExactly(SequenceChannel.CLOSE, SequenceChannel.VOLUME);
        assertThat(window.normalization()).isEqualTo(SequenceNormalization.LOG_RETURNS);
        assertThat(window.length()).isEqualTo(64);
        assertThat(SequenceWindow.DEFAULT_LENGTH).isEqualTo(64);
    }
}
