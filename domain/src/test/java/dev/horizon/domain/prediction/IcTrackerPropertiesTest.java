package dev.horizon.domain.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class IcTrackerPropertiesTest {

    @Property(tries = 300)
    void the_kept_ranks_give_exactly_the_ic_of_ranking_the_window_afresh(
            @ForAll @IntRange(min = 1, max = 40) int window, @ForAll("batches") List<List<Double>> batches) {
        IcTracker tracker = new IcTracker(window, 10, 0.02);
        int i = 0;
        for (List<Double> batch : batches) {
            for (double v : batch) {
                // realised returns with many ties; predictions with a few
                tracker.add(v, Math.round(v * 3 + i % 5) / 4.0);
                i++;
            }
            assertThat(tracker.onlineIc()).isEqualTo(fromScratch(tracker.snapshot()));
        }
        IcTracker restored = new IcTracker(window, 10, 0.02);
        restored.restore(tracker.snapshot());
        assertThat(restored.onlineIc()).isEqualTo(tracker.onlineIc());
    }

    @Test
    void large_batches_are_ranked_like_small_ones() {
        // batches of hundreds take the radix sort, a few dozen the comparison sort
        IcTracker tracker = new IcTracker(700, 10, 0.02);
        java.util.Random random = new java.util.Random(11);
        for (int batch : new int[] {400, 300, 30, 500}) {
            for (int i = 0; i < batch; i++) {
                double v = random.nextInt(7) == 0 ? 0.5 : random.nextGaussian();
                tracker.add(v, random.nextInt(9) / 8.0 - 0.5);
            }
            assertThat(tracker.onlineIc()).isEqualTo(fromScratch(tracker.snapshot()));
        }
    }

    @Property(tries = 200)
    void peers_sharing_realised_ranks_give_exactly_the_ic_of_trackers_alone(
            @ForAll @IntRange(min = 2, max = 30) int window, @ForAll("batches") List<List<Double>> batches,
            @ForAll @IntRange(min = 0, max = 7) int skipEvery) {
        IcTracker.Peers peers = new IcTracker.Peers();
        IcTracker first = new IcTracker(window, 10, 0.02, peers);
        IcTracker second = new IcTracker(window, 10, 0.02, peers);
        IcTracker third = new IcTracker(window, 10, 0.02, peers);
        IcTracker alone = new IcTracker(window, 10, 0.02);
        int i = 0;
        for (List<Double> batch : batches) {
            for (double v : batch) {
                double realised = Math.round(v * 3 + i % 5) / 4.0;
                first.add(v, realised);
                second.add(-v * 0.5 + i % 3, realised);
                alone.add(-v * 0.5 + i % 3, realised);
                // the third misses some pairs, so its realised window differs from its peers'
                if (skipEvery == 0 || i % skipEvery != 0) {
                    third.add(v * v, realised);
                }
                i++;
            }
            // alternate which peer ranks first
            if (i % 2 == 0) {
                assertThat(first.onlineIc()).isEqualTo(fromScratch(first.snapshot()));
                assertThat(second.onlineIc()).isEqualTo(alone.onlineIc());
            } else {
                assertThat(second.onlineIc()).isEqualTo(alone.onlineIc());
                assertThat(first.onlineIc()).isEqualTo(fromScratch(first.snapshot()));
            }
            assertThat(third.onlineIc()).isEqualTo(fromScratch(third.snapshot()));
        }
    }

    @Provide
    Arbitrary<List<List<Double>>> batches() {
        Arbitrary<Double> value = Arbitraries.oneOf(
                Arbitraries.integers().between(-4, 4).map(k -> k / 2.0),
                Arbitraries.doubles().between(-1, 1).ofScale(6),
                Arbitraries.of(0.0, -0.0));
        return value.list().ofMaxSize(30).list().ofMaxSize(12);
    }

    /** Spearman of the snapshot's pairs, both sides ranked afresh, summed oldest first. */
    private static double fromScratch(IcSnapshot snapshot) {
        double[] x = snapshot.predictions();
        double[] y = snapshot.realised();
        int n = x.length;
        if (n < 2) {
            return 0.0;
        }
        double[] rx = new double[n];
        double[] ry = new double[n];
        new AverageRanks(n).rank(x, n, rx);
        new AverageRanks(n).rank(y, n, ry);
        double mean = (n + 1) / 2.0;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int k = 0; k < n; k++) {
            double dx = rx[k] - mean;
            double dy = ry[k] - mean;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        if (sxx == 0 || syy == 0) {
            return 0.0;
        }
        return Math.max(-1.0, Math.min(1.0, sxy / Math.sqrt(sxx * syy)));
    }
}
