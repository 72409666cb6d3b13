package dev.horizon.domain.prediction;

import static dev.horizon.domain.prediction.Fixtures.assertRel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StandardizerTest {

    private static double[] run(Standardizer standardizer, double... raw) {
        double[] out = new double[raw.length];
        standardizer.standardize(raw, raw.length, out);
        return out;
    }

    @Test
    void golden_vector_pooled_window_including_current_batch_population_std() {
        Standardizer standardizer = new Standardizer(2, 2, 4, 3.0);

        assertThat(run(standardizer, 0.01, 0.03)).containsExactly(0.0, 0.0);

        double[] s = run(standardizer, 0.02, 0.06);
        assertRel(s[0], -0.5345224838248488);
        assertRel(s[1], 1.6035674514745464);
    }

    @Test
    void standardization_warmup_gives_zero_fix() {
        Standardizer standardizer = Standardizer.of(PredictionSettings.defaults(), 5);

        for (int cycle = 0; cycle < 3; cycle++) {
            // 5, 10, 15 pooled values: below z_min_obs = 20, no signal (not the raw value)
            assertThat(run(standardizer, 0.01, -0.02, 0.03, 0.5, -0.4)).containsOnly(0.0);
        }
        double[] s = run(standardizer, 0.01, -0.02, 0.03, 0.5, -0.4);
        assertThat(standardizer.pooledValues()).isEqualTo(20);
        assertThat(s[3]).isGreaterThan(1.0);
        assertThat(s[4]).isLessThan(-1.0);
    }

    @Test
    void sigma_below_1e_minus_12_gives_zero() {
        Standardizer constant = new Standardizer(20, 20, 20, 3.0);
        double[] same = new double[20];
        java.util.Arrays.fill(same, 0.01);
        assertThat(run(constant, same)).containsOnly(0.0);

        Standardizer tiny = new Standardizer(20, 20, 20, 3.0);
        double[] nearlySame = new double[20];
        for (int i = 0; i < 20; i++) {
            nearlySame[i] = 1.0 + (i % 2) * 1e-13;
        }
        assertThat(run(tiny, nearlySame)).containsOnly(0.0);
    }

    @Test
    void scores_are_clipped_at_plus_and_minus_z_clip() {
        double[] batch = new double[20];
        batch[19] = 100.0;
        double[] s = run(new Standardizer(20, 20, 20, 3.0), batch);
        // μ = 5, σ = √475: the outlier is 4.36σ away → clipped to 3; the others are inside
        assertThat(s[19]).isEqualTo(3.0);
        assertRel(s[0], -5.0 / Math.sqrt(475.0));

        batch[19] = -100.0;
        assertThat(run(new Standardizer(20, 20, 20, 3.0), batch)[19]).isEqualTo(-3.0);
    }

    @Test
    void window_keeps_only_the_last_z_window_cycles() {
        Standardizer standardizer = new Standardizer(2, 2, 1, 3.0);
        run(standardizer, 10.0, 20.0);
        run(standardizer, 0.0, 2.0);
        double[] s = run(standardizer, 4.0, 6.0);
        // cycle {10, 20} has left: window {0, 2, 4, 6}, μ = 3, σ = √5
        assertRel(s[0], 1.0 / Math.sqrt(5.0));
        assertRel(s[1], 3.0 / Math.sqrt(5.0));
        assertThat(standardizer.cycles()).isEqualTo(2);
        assertThat(standardizer.pooledValues()).isEqualTo(4);
    }

    @Test
    void memory_does_not_grow_past_window_times_symbols() {
        Standardizer standardizer = new Standardizer(20, 50, 20, 3.0);
        assertThat(standardizer.capacity()).isEqualTo(1000);
        java.util.Random random = new java.util.Random(7);
        double[] raw = new double[50];
        double[] out = new double[50];
        for (int cycle = 0; cycle < 500; cycle++) {
            int n = 1 + random.nextInt(50);
            for (int i = 0; i < n; i++) {
                raw[i] = random.nextGaussian() * 0.01;
            }
            standardizer.standardize(raw, n, out);
            assertThat(standardizer.cycles()).isLessThanOrEqualTo(20);
            assertThat(standardizer.pooledValues()).isLessThanOrEqualTo(standardizer.capacity());
        }
        assertThat(standardizer.snapshot().cycleSizes()).hasSize(20);
    }

    @Test
    void empty_batch_is_not_a_cycle() {
        Standardizer standardizer = new Standardizer(2, 2, 1, 3.0);
        run(standardizer, 1.0, 3.0);
        standardizer.standardize(new double[0], 0, new double[0]);
        assertThat(standardizer.cycles()).isEqualTo(1);
        double[] s = run(standardizer, 1.0, 3.0);
        assertThat(s).containsExactly(-1.0, 1.0);
    }

    @Test
    void output_may_overwrite_the_input() {
        double[] raw = {0.01, 0.03, 0.02, 0.06};
        new Standardizer(1, 4, 4, 3.0).standardize(raw, 4, raw);
        assertRel(raw[0], -0.02 / 0.018708286933869705);
        assertRel(raw[3], 0.03 / 0.018708286933869705);
    }

    @Test
    void refuses_non_finite_values_and_oversized_batches() {
        Standardizer standardizer = new Standardizer(2, 2, 1, 3.0);
        assertThatThrownBy(() -> run(standardizer, 0.1, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("raw prediction 1 is NaN");
        assertThatThrownBy(() -> run(standardizer, 0.1, 0.2, 0.3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("capacity 2");
        assertThat(standardizer.cycles()).isZero();
    }

    @Test
    void unreachable_min_obs_is_a_config_error() {
        assertThatThrownBy(() -> new Standardizer(2, 3, 7, 3.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("prediction.z_min_obs (7) can never be reached");
    }

    @Test
    void snapshot_then_restore_behaves_identically() {
        Standardizer original = new Standardizer(3, 4, 5, 3.0);
        java.util.Random random = new java.util.Random(11);
        for (int cycle = 0; cycle < 5; cycle++) {
            run(original, random.nextGaussian(), random.nextGaussian(), random.nextGaussian());
        }
        StandardizerSnapshot snapshot = original.snapshot();
        Standardizer restored = new Standardizer(3, 4, 5, 3.0);
        restored.restore(snapshot);

        assertThat(restored.snapshot()).isEqualTo(snapshot);
        for (int cycle = 0; cycle < 4; cycle++) {
            double[] batch = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
            assertThat(run(restored, batch)).containsExactly(run(original, batch));
        }
        assertThat(restored.snapshot()).isEqualTo(original.snapshot());
    }

    @Test
    void restore_into_a_smaller_window_keeps_the_newest_cycles_that_fit() {
        StandardizerSnapshot snapshot = new StandardizerSnapshot(new int[] {1, 3, 2, 2},
                new double[] {9.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0});

        Standardizer twoCycles = new Standardizer(2, 3, 1, 3.0);
        twoCycles.restore(snapshot);
        assertThat(twoCycles.snapshot()).isEqualTo(new StandardizerSnapshot(new int[] {2, 2},
                new double[] {4.0, 5.0, 6.0, 7.0}));

        // a cycle of 3 no longer fits 2 symbols per cycle: it and everything older is left out
        Standardizer narrow = new Standardizer(10, 2, 1, 3.0);
        narrow.restore(snapshot);
        assertThat(narrow.snapshot().cycleSizes()).containsExactly(2, 2);
    }
}
