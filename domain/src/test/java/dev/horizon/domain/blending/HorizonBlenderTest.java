package dev.horizon.domain.blending;

import static dev.horizon.domain.blending.Approx.assertRel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.horizon.domain.market.Horizon;
import java.util.List;
import org.junit.jupiter.api.Test;

class HorizonBlenderTest {

    private static final double NaN = Double.NaN;
    private static final Horizon H5 = Horizon.parse("5m", 390);
    private static final Horizon H30 = Horizon.parse("30m", 390);
    private static final List<String> AB = List.of("A", "B");

    private static final double[][] CALIBRATED = {{0.3, NaN, 0.3, NaN}, {0.6, 0.6, NaN, NaN}};
    private static final double[][] CONFIDENCE = {{0.1, 0.2, 0.3, 0.4}, {0.05, 0.1, 0.15, 0.2}};
    private static final double[] SIGMA_H = {0.01, 0.02, 0.005, 0.01};
    private static final double[] IC = {0.2, 0.1};

    private static BlendInput input() {
        // The standardized scores only feed the correlation window; with one cycle Σ = I.
        return new BlendInput(CALIBRATED, CALIBRATED, CONFIDENCE, IC, null, SIGMA_H);
    }

    @Test
    void score_is_renormalised_over_the_models_present_for_each_symbol_fix() {
        HorizonBlender blender = new HorizonBlender(H30, AB, BlendingConfig.defaults());
        HorizonBlend blend = blender.blend(blender.newHistory(), input());

        // Σ = I (too few rows), IC 0.2 / 0.1 → w = 2/3, 1/3; T = 1 at 30m.
        assertRel(blend.weights(), 2.0 / 3, 1.0 / 3);
        assertRel(blend.score(0), 2.0 / 3 * 0.3 + 1.0 / 3 * 0.6);
        // Only B predicted symbol 1: its score is B's, not B's diluted by A's weight.
        assertRel(blend.score(1), 0.6);
        assertRel(blend.score(2), 0.3);
        assertThat(blend.isPresent(3)).isFalse();
        assertThat(blend.score(3)).isNaN();
        assertThat(blend.alpha(3)).isNaN();
        assertThat(blend.confidence(3)).isNaN();
    }

    @Test
    void alpha_is_sigma_h_times_blended_score() {
        HorizonBlender blender = new HorizonBlender(H30, AB, BlendingConfig.defaults());
        HorizonBlend blend = blender.blend(blender.newHistory(), input());
        assertRel(blend.alpha(0), 0.01 * (2.0 / 3 * 0.3 + 1.0 / 3 * 0.6));
        assertRel(blend.alpha(1), 0.02 * 0.6);
        assertRel(blend.alpha(2), 0.005 * 0.3);
        assertThat(blend.alphas()).hasSize(4);
    }

    @Test
    void blended_confidence_is_weight_average_of_present_models() {
        HorizonBlender blender = new HorizonBlender(H30, AB, BlendingConfig.defaults());
        HorizonBlend blend = blender.blend(blender.newHistory(), input());
        assertRel(blend.confidence(0), 2.0 / 3 * 0.1 + 1.0 / 3 * 0.05);
        assertRel(blend.confidence(1), 0.1);
        assertRel(blend.confidence(2), 0.3);
    }

    @Test
    void horizon_temperature_flattens_the_ridge_weights() {
        HorizonBlender blender = new HorizonBlender(H5, AB, BlendingConfig.defaults());
        HorizonBlend blend = blender.blend(blender.newHistory(), input());
        assertThat(blend.temperature()).isEqualTo(0.75);
        assertRel(blend.ridgeWeights(), 2.0 / 3, 1.0 / 3);
        double a = Math.pow(2.0 / 3, 0.75);
        double b = Math.pow(1.0 / 3, 0.75);
        assertRel(blend.weights(), a / (a + b), b / (a + b));
        assertRel(blend.score(0), (a * 0.3 + b * 0.6) / (a + b));
    }

    @Test
    void cost_share_lowers_the_target() {
        HorizonBlender blender = new HorizonBlender(H30, AB, BlendingConfig.defaults());
        BlendInput withCost = new BlendInput(CALIBRATED, CALIBRATED, CONFIDENCE, IC, new double[] {0.2, 0.0}, SIGMA_H);
        HorizonBlend blend = blender.blend(blender.newHistory(), withCost);
        assertRel(blend.targets(), 0.1, 0.1);
        assertRel(blend.weights(), 0.5, 0.5);
    }

    @Test
    void symbol_predicted_only_by_zero_weight_model_is_absent() {
        HorizonBlender blender = new HorizonBlender(H30, AB, BlendingConfig.defaults());
        BlendingHistory history = blender.newHistory();
        // 25 aligned rows of strongly correlated scores; B adds little beyond A and has the
        // lower IC, so its ridge weight is negative and clipped.
        double[][] standardized = new double[2][25];
        for (int i = 0; i < 25; i++) {
            standardized[0][i] = Math.sin(i);
            standardized[1][i] = Math.sin(i) + 0.1 * Math.cos(3 * i);
        }
        double[][] calibrated = new double[2][25];
        double[][] confidence = new double[2][25];
        calibrated[0][0] = NaN;
        calibrated[1][0] = 0.8;
        double[] sigma = new double[25];
        java.util.Arrays.fill(sigma, 0.01);
        HorizonBlend blend = blender.blend(history,
                new BlendInput(standardized, calibrated, confidence, new double[] {0.1, 0.01}, null, sigma));
        assertThat(blend.alignedRows()).isEqualTo(25);
        assertThat(blend.weights()).containsExactly(1.0, 0.0);
        assertThat(blend.isPresent(0)).isFalse();
        assertThat(blend.isPresent(1)).isTrue();
    }

    @Test
    void each_blend_adds_one_cycle_to_the_history() {
        HorizonBlender blender = new HorizonBlender(H30, AB, BlendingConfig.defaults());
        BlendingHistory history = blender.newHistory();
        blender.blend(history, input());
        blender.blend(history, input());
        assertThat(history.cycles()).isEqualTo(2);
        // Only symbol 0 has both standardized scores.
        assertThat(history.rows()).isEqualTo(2);
    }

    @Test
    void single_model_horizon_passes_the_score_through() {
        HorizonBlender blender = new HorizonBlender(H5, List.of("Ridge"), BlendingConfig.defaults());
        double[][] scores = {{0.4, -0.2}};
        HorizonBlend blend = blender.blend(blender.newHistory(),
                new BlendInput(scores, scores, new double[][] {{0.5, 0.5}}, new double[] {0.03}, null,
                        new double[] {0.01, 0.02}));
        assertThat(blend.weights()).containsExactly(1.0);
        assertRel(blend.alphas(), 0.004, -0.004);
    }

    @Test
    void history_of_other_models_is_rejected_and_not_restored() {
        HorizonBlender blender = new HorizonBlender(H30, AB, BlendingConfig.defaults());
        BlendingHistory other = new BlendingHistory(List.of("A", "C"), 50);
        assertThatThrownBy(() -> blender.blend(other, input())).hasMessageContaining("[A, C]");

        other.append(new double[][] {{1.0}, {2.0}});
        BlendingHistory restored = blender.restoreHistory(other.snapshot());
        assertThat(restored.families()).isEqualTo(AB);
        assertThat(restored.rows()).isZero();
    }

    @Test
    void restored_history_continues_the_window() {
        HorizonBlender blender = new HorizonBlender(H30, AB, BlendingConfig.defaults());
        BlendingHistory history = blender.newHistory();
        blender.blend(history, input());
        BlendingHistory restored = blender.restoreHistory(history.snapshot());
        assertThat(restored.rows()).isEqualTo(1);
        assertThat(restored.cycles()).isEqualTo(1);
    }

    @Test
    void unsorted_families_are_rejected() {
        assertThatThrownBy(() -> new HorizonBlender(H5, List.of("XGBoost", "LightGBM"), BlendingConfig.defaults()))
                .hasMessageContaining("horizon 5m").hasMessageContaining("sorted by name");
    }

    @Test
    void trace_reports_weights_per_family() {
        HorizonBlender blender = new HorizonBlender(H30, AB, BlendingConfig.defaults());
        HorizonBlend blend = blender.blend(blender.newHistory(), input());
        assertThat(blend.trace().values()).containsEntry("horizon", "30m").containsKey("models");
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> models = (java.util.Map<String, Object>) blend.trace().values().get("models");
        assertThat(models).containsOnlyKeys("A", "B");
        assertThat(blend.trace(1).values()).containsEntry("score", 0.6);
    }
}
