package dev.horizon.domain.prediction;

import static dev.horizon.domain.prediction.Fixtures.assertRel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IcTrackerTest {

    private static IcTracker filled(IcTracker tracker, double[] predictions, double[] realised) {
        for (int i = 0; i < predictions.length; i++) {
            tracker.add(predictions[i], realised[i]);
        }
        return tracker;
    }

    @Test
    void golden_vector_spearman_with_average_ranks_shrunk_to_the_prior() {
        IcTracker tracker = filled(new IcTracker(500, 100, 0.02),
                new double[] {0.1, 0.4, 0.2, 0.4, 0.9, -0.3},
                new double[] {0.02, 0.01, 0.03, 0.05, 0.04, -0.01});

        assertRel(tracker.onlineIc(), 0.6667366910003157);
        assertRel(tracker.ic(), 0.05660773722643296);
        assertRel(tracker.icPlus(), 0.05660773722643296);
    }

    @Test
    void ties_get_average_ranks() {
        // ranks of x: 1, 2.5, 2.5, 4; of y: 1, 2, 3, 4 → ρ = 4.5 / √(4.5 · 5)
        IcTracker tracker = filled(new IcTracker(10, 0, 0.02),
                new double[] {1.0, 2.0, 2.0, 3.0}, new double[] {1.0, 2.0, 3.0, 4.0});
        assertRel(tracker.onlineIc(), 4.5 / Math.sqrt(22.5));

        AverageRanks ranks = new AverageRanks(8);
        double[] out = new double[7];
        ranks.rank(new double[] {5.0, 1.0, 5.0, 3.0, 5.0, 1.0, -2.0}, 7, out);
        assertThat(out).containsExactly(6.0, 2.5, 6.0, 4.0, 6.0, 2.5, 1.0);
    }

    @Test
    void constant_input_gives_zero_online_ic() {
        IcTracker constantPrediction = filled(new IcTracker(10, 100, 0.02),
                new double[] {0.3, 0.3, 0.3, 0.3}, new double[] {0.01, -0.02, 0.03, 0.0});
        assertThat(constantPrediction.onlineIc()).isZero();
        // n = 4 zero-IC pairs dilute the prior: 100 · 0.02 / 104
        assertRel(constantPrediction.ic(), 2.0 / 104.0);

        IcTracker constantRealised = filled(new IcTracker(10, 100, 0.02),
                new double[] {0.1, 0.2, 0.3}, new double[] {0.01, 0.01, 0.01});
        assertThat(constantRealised.onlineIc()).isZero();

        assertThat(filled(new IcTracker(10, 100, 0.02), new double[] {0.1}, new double[] {0.2}).onlineIc()).isZero();
    }

    @Test
    void without_pairs_the_ic_is_the_prior() {
        assertThat(new IcTracker(10, 100, 0.03).ic()).isEqualTo(0.03);
        assertThat(new IcTracker(10, 0, 0.03).ic()).isEqualTo(0.03);
    }

    @Test
    void prior_from_metadata_when_finite_else_the_configured_default() {
        PredictionSettings settings = PredictionSettings.defaults();
        IcTracker fromMetadata = IcTracker.of(Fixtures.regression("ret_5m/Ridge", "5m", 0.07), settings);
        IcTracker fromDefault = IcTracker.of(Fixtures.regression("ret_5m/Lasso", "5m", Double.NaN), settings);

        assertThat(fromMetadata.prior()).isEqualTo(0.07);
        assertThat(fromMetadata.ic()).isEqualTo(0.07);
        assertThat(fromDefault.prior()).isEqualTo(0.02);
        assertThat(IcTracker.priorOf(Fixtures.regression("ret_5m/Ridge", "5m", Double.POSITIVE_INFINITY), 0.02))
                .isEqualTo(0.02);
    }

    @Test
    void ic_plus_floors_a_negative_ic_at_zero() {
        IcTracker tracker = new IcTracker(500, 100, 0.02);
        for (int i = 0; i < 200; i++) {
            tracker.add(i, -i);
        }
        assertThat(tracker.onlineIc()).isEqualTo(-1.0);
        assertRel(tracker.ic(), (200 * -1.0 + 100 * 0.02) / 300);
        assertThat(tracker.icPlus()).isZero();
    }

    @Test
    void window_keeps_the_last_ic_window_pairs() {
        IcTracker tracker = new IcTracker(500, 100, 0.02);
        for (int i = 0; i < 300; i++) {
            tracker.add(i, -i); // anti-correlated, will be pushed out
        }
        for (int i = 0; i < 500; i++) {
            tracker.add(i, i * 0.001);
        }
        assertThat(tracker.size()).isEqualTo(500).isEqualTo(tracker.capacity());
        assertThat(tracker.onlineIc()).isEqualTo(1.0);
        assertThat(tracker.snapshot().size()).isEqualTo(500);
    }

    @Test
    void cached_online_ic_is_invalidated_by_a_new_pair() {
        IcTracker tracker = filled(new IcTracker(10, 0, 0.02),
                new double[] {1, 2, 3}, new double[] {1, 2, 3});
        assertThat(tracker.onlineIc()).isEqualTo(1.0);
        assertThat(tracker.onlineIc()).isEqualTo(1.0);
        tracker.add(4, -10);
        // ranks x 1..4, y 2,3,4,1 → Σdxdy = −1, Σdx² = Σdy² = 5
        assertRel(tracker.onlineIc(), -0.2);
    }

    @Test
    void refuses_non_finite_pairs() {
        assertThatThrownBy(() -> new IcTracker(10, 100, 0.02).add(Double.NaN, 0.01))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finite");
    }

    @Test
    void snapshot_then_restore_behaves_identically() {
        java.util.Random random = new java.util.Random(3);
        IcTracker original = new IcTracker(50, 100, 0.02);
        for (int i = 0; i < 80; i++) {
            double p = random.nextGaussian();
            original.add(p, 0.3 * p + random.nextGaussian());
        }
        IcTracker restored = new IcTracker(50, 100, 0.02);
        restored.restore(original.snapshot());

        assertThat(restored.snapshot()).isEqualTo(original.snapshot());
        assertThat(restored.ic()).isEqualTo(original.ic());
        for (int i = 0; i < 30; i++) {
            double p = random.nextGaussian();
            double r = random.nextGaussian();
            original.add(p, r);
            restored.add(p, r);
            assertThat(restored.ic()).isEqualTo(original.ic());
        }

        IcTracker smaller = new IcTracker(20, 100, 0.02);
        smaller.restore(original.snapshot());
        assertThat(smaller.snapshot().predictions())
                .containsExactly(java.util.Arrays.copyOfRange(original.snapshot().predictions(), 30, 50));
    }
}
