package dev.horizon.domain.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class StabilityTrackerTest {

    @Test
    void fewer_than_ten_matured_gives_one() {
        StabilityTracker tracker = new StabilityTracker(50, 10);
        for (int i = 0; i < 9; i++) {
            tracker.add(2.0, -0.03, 0.01); // a terrible forecast, but too little evidence
        }
        assertThat(tracker.stability(0.5)).isEqualTo(1.0);
        tracker.add(2.0, -0.03, 0.01);
        assertThat(tracker.stability(0.5)).isLessThan(1.0);
    }

    @Test
    void a_model_worse_than_the_naive_forecast_is_scaled_down_exactly() {
        StabilityTracker tracker = new StabilityTracker(50, 10);
        for (int i = 0; i < 10; i++) {
            tracker.add(2.0, i % 2 == 0 ? 0.01 : -0.01, 0.01); // z_r = ±1 exactly
        }
        // IC·s = 1: errors 0 and 2 → RMSE_model² = 20/10, RMSE_naive² = 10/10 → √(1/2)
        assertThat(tracker.stability(0.5)).isEqualTo(Math.sqrt(0.5));
    }

    @Test
    void an_exact_forecast_rmse_model_zero_gives_one() {
        StabilityTracker tracker = new StabilityTracker(50, 10);
        for (int i = 0; i < 12; i++) {
            double s = i % 3 - 1.0;
            tracker.add(s, 0.5 * s * 0.02, 0.02); // z_r = 0.5 · s
        }
        assertThat(tracker.stability(0.5)).isEqualTo(1.0);
    }

    @Test
    void a_calibrated_model_scores_about_one() {
        StabilityTracker tracker = new StabilityTracker(50, 10);
        Random random = new Random(42);
        double ic = 0.1;
        for (int i = 0; i < 50; i++) {
            double s = random.nextGaussian();
            double z = ic * s + Math.sqrt(1 - ic * ic) * random.nextGaussian();
            tracker.add(s, z * 0.004, 0.004);
        }
        assertThat(tracker.stability(ic)).isBetween(0.97, 1.0);
        // the same realised returns against a forecast ten times too confident
        assertThat(tracker.stability(1.0)).isLessThan(0.8);
    }

    @Test
    void zero_ic_is_the_naive_forecast_and_scores_one() {
        StabilityTracker tracker = new StabilityTracker(50, 10);
        for (int i = 0; i < 20; i++) {
            tracker.add(3.0, 0.01 * (i - 10), 0.05);
        }
        assertThat(tracker.stability(0.0)).isEqualTo(1.0);
    }

    @Test
    void realised_z_is_clipped_at_three_sigma_and_unknown_sigma_is_skipped() {
        StabilityTracker tracker = new StabilityTracker(50, 10);
        assertThat(tracker.add(1.0, 0.05, 0.01)).isTrue();
        assertThat(tracker.add(1.0, -0.05, 0.01)).isTrue();
        assertThat(tracker.add(1.0, 0.05, 0.0)).isFalse();
        assertThat(tracker.add(1.0, 0.05, Double.NaN)).isFalse();
        assertThat(tracker.snapshot().realisedZ()).containsExactly(3.0, -3.0);
    }

    @Test
    void window_keeps_the_last_fifty() {
        StabilityTracker tracker = StabilityTracker.of(PredictionSettings.defaults());
        for (int i = 0; i < 60; i++) {
            tracker.add(i < 10 ? 100.0 : 0.0, 0.01, 0.01); // the 10 wild scores leave the window
        }
        assertThat(tracker.size()).isEqualTo(50);
        assertThat(tracker.stability(0.5)).isEqualTo(1.0);
    }

    @Test
    void snapshot_then_restore_behaves_identically() {
        StabilityTracker original = new StabilityTracker(20, 10);
        Random random = new Random(5);
        for (int i = 0; i < 35; i++) {
            original.add(random.nextGaussian(), random.nextGaussian() * 0.01, 0.01);
        }
        StabilityTracker restored = new StabilityTracker(20, 10);
        restored.restore(original.snapshot());
        assertThat(restored.snapshot()).isEqualTo(original.snapshot());
        for (int i = 0; i < 10; i++) {
            double s = random.nextGaussian();
            double r = random.nextGaussian() * 0.01;
            original.add(s, r, 0.01);
            restored.add(s, r, 0.01);
            assertThat(restored.stability(0.3)).isEqualTo(original.stability(0.3));
        }
    }
}
