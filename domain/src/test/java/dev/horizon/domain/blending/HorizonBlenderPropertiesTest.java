package dev.horizon.domain.blending;

import static org.assertj.core.api.Assertions.assertThat;

import dev.horizon.domain.market.Horizon;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class HorizonBlenderPropertiesTest {

    @Property(tries = 300)
    void results_do_not_depend_on_the_order_of_symbols(
            @ForAll @IntRange(min = 1, max = 4) int models,
            @ForAll @IntRange(min = 1, max = 15) int symbols,
            @ForAll @IntRange(min = 1, max = 5) int cycles,
            @ForAll long seed) {
        Random random = new Random(seed);
        List<String> families = new ArrayList<>();
        for (int m = 0; m < models; m++) {
            families.add("M" + m);
        }
        HorizonBlender blender = new HorizonBlender(Horizon.parse("5m", 390), families, BlendingConfig.defaults());
        BlendingHistory original = blender.newHistory();
        BlendingHistory shuffled = blender.newHistory();
        double[] ic = new double[models];
        for (int m = 0; m < models; m++) {
            ic[m] = random.nextDouble() * 0.2 - 0.05;
        }
        for (int c = 0; c < cycles; c++) {
            BlendInput in = randomInput(random, models, symbols, ic);
            int[] perm = permutation(random, symbols);
            HorizonBlend a = blender.blend(original, in);
            HorizonBlend b = blender.blend(shuffled, permute(in, perm));
            for (int m = 0; m < models; m++) {
                assertClose(b.weight(m), a.weight(m));
            }
            for (int s = 0; s < symbols; s++) {
                int from = perm[s];
                assertClose(b.score(s), a.score(from));
                assertClose(b.alpha(s), a.alpha(from));
                assertClose(b.confidence(s), a.confidence(from));
            }
        }
    }

    private static void assertClose(double actual, double expected) {
        if (Double.isNaN(expected)) {
            assertThat(actual).isNaN();
        } else {
            assertThat(Math.abs(actual - expected)).isLessThanOrEqualTo(1e-12 * Math.max(1.0, Math.abs(expected)));
        }
    }

    private static BlendInput randomInput(Random random, int models, int symbols, double[] ic) {
        double[][] z = new double[models][symbols];
        double[][] calibrated = new double[models][symbols];
        double[][] confidence = new double[models][symbols];
        double[] sigma = new double[symbols];
        for (int s = 0; s < symbols; s++) {
            double common = random.nextGaussian();
            sigma[s] = 0.001 + 0.02 * random.nextDouble();
            for (int m = 0; m < models; m++) {
                if (random.nextInt(6) == 0) {
                    z[m][s] = Double.NaN;
                    calibrated[m][s] = Double.NaN;
                    confidence[m][s] = Double.NaN;
                } else {
                    z[m][s] = Math.max(-3, Math.min(3, common + random.nextGaussian()));
                    confidence[m][s] = random.nextDouble();
                    calibrated[m][s] = z[m][s] * confidence[m][s];
                }
            }
        }
        return new BlendInput(z, calibrated, confidence, ic.clone(), null, sigma);
    }

    /** result[s] = source[perm[s]]. */
    private static BlendInput permute(BlendInput in, int[] perm) {
        return new BlendInput(permuteRows(in.standardized(), perm), permuteRows(in.calibrated(), perm),
                permuteRows(in.confidence(), perm), in.ic(), null, permuteRow(in.sigmaH(), perm));
    }

    private static double[][] permuteRows(double[][] matrix, int[] perm) {
        double[][] out = new double[matrix.length][];
        for (int m = 0; m < matrix.length; m++) {
            out[m] = permuteRow(matrix[m], perm);
        }
        return out;
    }

    private static double[] permuteRow(double[] row, int[] perm) {
        double[] out = new double[row.length];
        for (int s = 0; s < row.length; s++) {
            out[s] = row[perm[s]];
        }
        return out;
    }

    private static int[] permutation(Random random, int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
