package dev.horizon.domain.blending;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.assertj.core.data.Offset;

class TemperaturePropertiesTest {

    private final TemperatureCompressor compressor = new TemperatureCompressor();

    @Property
    void compression_keeps_sum_one_and_never_raises_the_largest_weight(
            @ForAll @Size(min = 1, max = 10) List<@DoubleRange(min = 0.0, max = 1.0) Double> raw,
            @ForAll @DoubleRange(min = 0.01, max = 0.99) double t) {
        double[] w = normalised(raw);
        double[] out = compressor.compress(w, t);
        double sum = 0;
        double maxBefore = 0;
        double maxAfter = 0;
        double minBefore = Double.MAX_VALUE;
        double minPositiveAfter = Double.MAX_VALUE;
        for (int i = 0; i < w.length; i++) {
            assertThat(out[i]).isFinite().isGreaterThanOrEqualTo(0.0);
            sum += out[i];
            maxBefore = Math.max(maxBefore, w[i]);
            maxAfter = Math.max(maxAfter, out[i]);
            if (w[i] > 0) {
                minBefore = Math.min(minBefore, w[i]);
                minPositiveAfter = Math.min(minPositiveAfter, out[i]);
            }
        }
        assertThat(sum).isCloseTo(1.0, Offset.offset(1e-12));
        assertThat(maxAfter).isLessThanOrEqualTo(maxBefore * (1 + 1e-12));
        assertThat(minPositiveAfter).isGreaterThanOrEqualTo(minBefore * (1 - 1e-12));
    }

    @Property
    void temperature_of_one_or_more_is_the_identity(
            @ForAll @Size(min = 1, max = 10) List<@DoubleRange(min = 0.0, max = 1.0) Double> raw,
            @ForAll @DoubleRange(min = 1.0, max = 10.0) double t) {
        double[] w = normalised(raw);
        assertThat(compressor.compress(w, t)).containsExactly(w);
    }

    private static double[] normalised(List<Double> raw) {
        double[] w = raw.stream().mapToDouble(Double::doubleValue).toArray();
        double sum = 0;
        for (double v : w) {
            sum += v;
        }
        if (sum == 0) {
            java.util.Arrays.fill(w, 1.0 / w.length);
            return w;
        }
        for (int i = 0; i < w.length; i++) {
            w[i] /= sum;
        }
        return w;
    }
}
