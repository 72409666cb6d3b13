package dev.horizon.domain.blending;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;

class RidgeRiskParityPropertiesTest {

    private final RidgeRiskParity ridge = new RidgeRiskParity(0.15);

    @Property
    void weights_are_non_negative_and_sum_to_one_for_any_estimated_correlation(
            @ForAll @Size(min = 1, max = 8) List<@DoubleRange(min = -0.5, max = 0.5) Double> ic,
            @ForAll long seed) {
        double[][] sigma = pearsonOfRandomData(ic.size(), new Random(seed));
        assertValidWeights(ridge.weights(targets(ic), sigma));
    }

    @Property
    void weights_are_non_negative_and_sum_to_one_for_any_symmetric_unit_diagonal_matrix(
            @ForAll @Size(min = 1, max = 8) List<@DoubleRange(min = -0.5, max = 0.5) Double> ic,
            @ForAll long seed) {
        // Not necessarily positive semi-definite: what NaN → 0 and clipping could in principle leave.
        int n = ic.size();
        Random random = new Random(seed);
        double[][] sigma = new double[n][n];
        for (int i = 0; i < n; i++) {
            sigma[i][i] = 1.0;
            for (int j = i + 1; j < n; j++) {
                double v = random.nextInt(10) == 0 ? (random.nextBoolean() ? 1.0 : -1.0) : 2 * random.nextDouble() - 1;
                sigma[i][j] = v;
                sigma[j][i] = v;
            }
        }
        assertValidWeights(ridge.weights(targets(ic), sigma));
    }

    private static double[] targets(List<Double> ic) {
        return RidgeRiskParity.targets(ic.stream().mapToDouble(Double::doubleValue).toArray(), null, 0.5, 0.01);
    }

    private static void assertValidWeights(double[] w) {
        double sum = 0;
        for (double v : w) {
            assertThat(v).isFinite().isGreaterThanOrEqualTo(0.0);
            sum += v;
        }
        assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
    }

    /** Σ of random correlated data through the real estimator: always a proper correlation matrix. */
    private static double[][] pearsonOfRandomData(int models, Random random) {
        List<String> families = new java.util.ArrayList<>();
        for (int m = 0; m < models; m++) {
            families.add("F" + m);
        }
        BlendingHistory history = new BlendingHistory(families, 50);
        double[] loading = new double[models];
        for (int m = 0; m < models; m++) {
            loading[m] = 2 * random.nextDouble() - 1;
        }
        int symbols = 30;
        double[][] scores = new double[models][symbols];
        for (int s = 0; s < symbols; s++) {
            double common = random.nextGaussian();
            for (int m = 0; m < models; m++) {
                scores[m][s] = loading[m] * common + 0.3 * random.nextGaussian();
            }
        }
        history.append(scores);
        return history.correlation(20);
    }
}
