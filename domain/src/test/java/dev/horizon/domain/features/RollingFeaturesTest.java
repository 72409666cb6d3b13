package dev.horizon.domain.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RollingFeaturesTest {

    private static double[] direct(RandomBars b, int from, int to) {
        double[] out = new double[FeatureLibrary.size()];
        new FeatureCalculator().compute(b.open(), b.high(), b.low(), b.close(), b.volume(), from, to - from + 1, out);
        return out;
    }

    @Test
    void row_i_uses_only_the_trailing_history_bars_window() {
        RandomBars b = RandomBars.gbm(11, 120);
        double[][] rows = new RollingFeatures(30).computeAll(b.open(), b.high(), b.low(), b.close(), b.volume(), 120);
        assertThat(rows).hasNumberOfRows(120);
        for (int i = 0; i < 120; i++) {
            assertThat(rows[i]).as("row " + i).containsExactly(direct(b, Math.max(0, i - 29), i));
        }
    }

    @Test
    void row_equals_what_live_serving_computes_from_history_bars() {
        // live hands exactly history_bars bars; the export row at the same bar must match it,
        // and must differ from a row computed over all earlier bars (the EMAs see more history)
        RandomBars b = RandomBars.gbm(12, 400);
        double[][] rows = RollingFeatures.withDefaultHistory()
                .computeAll(null, b.high(), b.low(), b.close(), b.volume(), 400);
        double[] live = direct(b, 100, 399);
        double[] allHistory = direct(b, 0, 399);
        assertThat(rows[399]).containsExactly(live);
        assertThat(rows[399][Feature.MACD.ordinal()]).isNotEqualTo(allHistory[Feature.MACD.ordinal()]);
    }

    @Test
    void early_rows_have_nan_where_history_is_too_short() {
        RandomBars b = RandomBars.gbm(13, 70);
        double[][] rows = RollingFeatures.withDefaultHistory()
                .computeAll(b.open(), b.high(), b.low(), b.close(), b.volume(), 70);
        assertThat(rows[0][Feature.RET_1D.ordinal()]).isNaN();
        assertThat(rows[1][Feature.RET_1D.ordinal()]).isFinite();
        assertThat(rows[59][Feature.RET_60D.ordinal()]).isNaN();
        assertThat(rows[60][Feature.RET_60D.ordinal()]).isFinite();
    }

    @Test
    void streaming_gives_the_same_rows_in_bar_order() {
        RandomBars b = RandomBars.gbm(14, 50);
        RollingFeatures rolling = new RollingFeatures(25);
        double[][] all = rolling.computeAll(b.open(), b.high(), b.low(), b.close(), b.volume(), 50);
        List<Integer> bars = new ArrayList<>();
        rolling.forEachBar(b.open(), b.high(), b.low(), b.close(), b.volume(), 50, (bar, features) -> {
            bars.add(bar);
            assertThat(features).containsExactly(all[bar]);
        });
        assertThat(bars).hasSize(50).isSorted();
        assertThat(bars.get(49)).isEqualTo(49);
    }

    @Test
    void history_bars_must_be_positive() {
        assertThatThrownBy(() -> new RollingFeatures(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("history_bars");
    }
}
