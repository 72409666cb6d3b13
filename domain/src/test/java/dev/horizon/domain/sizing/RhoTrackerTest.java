package dev.horizon.domain.sizing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class RhoTrackerTest {

    @Test
    void window_keeps_the_last_values_and_evicts_the_oldest() {
        RhoTracker tracker = new RhoTracker(3, 1, 0.05);
        tracker.addCycle(new double[]{0.1, 0.2}, 2);
        tracker.addCycle(new double[]{0.4, 0.3}, 2);

        assertThat(tracker.snapshot().values()).containsExactly(0.2, 0.3, 0.4);
        assertThat(tracker.observations()).isEqualTo(3);
        assertThat(tracker.rho()).isCloseTo(Math.sqrt((0.04 + 0.09 + 0.16) / 3), within(1e-15));
    }

    @Test
    void non_finite_values_are_skipped_and_only_the_first_n_are_read() {
        RhoTracker tracker = new RhoTracker(10, 1, 0.05);
        tracker.addCycle(new double[]{0.1, Double.NaN, Double.POSITIVE_INFINITY, 0.3, 99.0}, 4);

        assertThat(tracker.snapshot().values()).containsExactly(0.1, 0.3);
    }

    @Test
    void all_zero_window_falls_back_to_the_prior() {
        RhoTracker tracker = new RhoTracker(10, 2, 0.05);
        tracker.addCycle(new double[]{0.0, 0.0, 0.0}, 3);

        assertThat(tracker.rho()).isEqualTo(0.05);
    }

    @Test
    void restore_keeps_the_newest_values_when_the_window_shrank() {
        SizingConfig small = new SizingConfig(2, 1, 0.05, 3, 0.02, 0.05, 0.008, 0.5, BigDecimal.ONE);

        RhoTracker tracker = RhoTracker.restore(small, new RhoTrackerSnapshot(new double[]{0.1, 0.2, 0.3}));

        assertThat(tracker.snapshot().values()).containsExactly(0.2, 0.3);
    }

    @Test
    void snapshot_equality_compares_array_contents() {
        RhoTrackerSnapshot a = new RhoTrackerSnapshot(new double[]{0.1, 0.2});
        RhoTrackerSnapshot b = new RhoTrackerSnapshot(new double[]{0.1, 0.2});
        double[] source = {0.1};
        RhoTrackerSnapshot c = new RhoTrackerSnapshot(source);
        source[0] = 9.0;

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.toString()).contains("[0.1, 0.2]");
        assertThat(c.values()).as("defensive copy").containsExactly(0.1);
    }
}
