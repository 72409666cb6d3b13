package dev.horizon.domain.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureLibraryTest {

    @Test
    void names_are_the_29_features_of_the_design_in_order() {
        assertThat(FeatureLibrary.names()).containsExactly(
                "ret_1d", "ret_5d", "ret_10d", "ret_20d", "ret_60d",
                "vol_5d", "vol_10d", "vol_20d", "vol_60d",
                "rsi_7", "rsi_14", "rsi_21",
                "ma_ratio_10", "ma_ratio_20", "ma_ratio_50",
                "bb_position", "bb_width",
                "macd", "macd_signal", "macd_hist",
                "mom_5d", "mom_10d", "mom_20d",
                "atr_14", "high_low_range", "volume_ma_ratio", "volume_change",
                "close_to_high_52w", "close_to_low_52w");
        assertThat(FeatureLibrary.size()).isEqualTo(29);
    }

    @Test
    void index_of_a_name_is_its_column_and_its_enum_ordinal() {
        for (int i = 0; i < FeatureLibrary.size(); i++) {
            String name = FeatureLibrary.names().get(i);
            assertThat(FeatureLibrary.indexOf(name)).isEqualTo(i);
            assertThat(FeatureLibrary.feature(name).ordinal()).isEqualTo(i);
            assertThat(FeatureLibrary.isKnown(name)).isTrue();
        }
        assertThat(FeatureLibrary.indexOf("rsi_14")).isEqualTo(10);
        assertThat(FeatureLibrary.indexOf("close_to_low_52w")).isEqualTo(28);
    }

    @Test
    void unknown_names_are_not_known() {
        assertThat(FeatureLibrary.isKnown("rsi_9")).isFalse();
        assertThat(FeatureLibrary.isKnown("RSI_14")).isFalse();
        assertThat(FeatureLibrary.isKnown(null)).isFalse();
        assertThat(FeatureLibrary.indexOf("ret_2d")).isEqualTo(-1);
        assertThat(FeatureLibrary.indexOf(null)).isEqualTo(-1);
    }

    @Test
    void unknown_feature_in_a_model_list_is_an_error_naming_it_fix() {
        assertThat(FeatureLibrary.indicesOf(List.of("macd", "ret_1d", "vol_60d"))).containsExactly(17, 0, 8);
        assertThatThrownBy(() -> FeatureLibrary.indicesOf(List.of("ret_1d", "sentiment_score")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown feature 'sentiment_score'");
        assertThatThrownBy(() -> FeatureLibrary.feature("foo"))
                .hasMessageContaining("'foo'");
    }

    @Test
    void gather_narrows_selected_columns_to_float_and_reports_incomplete_vectors() {
        double[] row = new double[FeatureLibrary.size()];
        for (int i = 0; i < row.length; i++) {
            row[i] = i + 0.1;
        }
        float[] batch = new float[8];
        assertThat(FeatureLibrary.gather(row, new int[] {3, 0, 28}, batch, 2)).isTrue();
        assertThat(batch).containsExactly(0f, 0f, 3.1f, 0.1f, 28.1f, 0f, 0f, 0f);

        row[0] = Double.NaN;
        assertThat(FeatureLibrary.gather(row, new int[] {3, 0}, batch, 0)).isFalse();
        row[0] = 1e300; // finite in double, infinite as float32
        assertThat(FeatureLibrary.gather(row, new int[] {3, 0}, batch, 0)).isFalse();
        // an unselected NaN column does not matter
        row[0] = Double.NaN;
        assertThat(FeatureLibrary.gather(row, new int[] {3}, batch, 0)).isTrue();
    }

    @Test
    void default_history_is_300_bars() {
        assertThat(FeatureLibrary.DEFAULT_HISTORY_BARS).isEqualTo(300);
        assertThat(RollingFeatures.withDefaultHistory().historyBars()).isEqualTo(300);
    }
}
