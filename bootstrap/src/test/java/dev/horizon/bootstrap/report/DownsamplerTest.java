package dev.horizon.bootstrap.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DownsamplerTest {

    @Test
    void a_short_series_is_kept_whole() {
        assertThat(Downsampler.minMax(new double[] {3, 1, 2}, 10)).containsExactly(0, 1, 2);
    }

    @Test
    void a_long_series_keeps_at_most_max_points_ascending_with_both_ends_and_every_extreme() {
        int n = 100_000;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = Math.sin(i / 500.0);
        }
        y[31_337] = -50;   // a crash lasting one point
        y[77_777] = 80;    // a spike

        int[] keep = Downsampler.minMax(y, 2000);

        assertThat(keep.length).isLessThanOrEqualTo(2000).isGreaterThan(1900);
        assertThat(keep[0]).isZero();
        assertThat(keep[keep.length - 1]).isEqualTo(n - 1);
        int[] sorted = keep.clone();
        Arrays.sort(sorted);
        assertThat(keep).containsExactly(sorted);
        assertThat(Arrays.stream(keep).distinct().count()).isEqualTo(keep.length);
        assertThat(keep).contains(31_337, 77_777);
    }

    @Test
    void each_bucket_keeps_its_lowest_and_highest_point() {
        // 10 points, 6 kept: the ends, and 2 buckets of the 8 inner points (1-4, 5-8) with their min and max
        double[] y = {0, 5, 9, 1, 4, 2, 8, 3, 7, 0};

        assertThat(Downsampler.minMax(y, 6)).containsExactly(0, 2, 3, 5, 6, 9);
    }
}
