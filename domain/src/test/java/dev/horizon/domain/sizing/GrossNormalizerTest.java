package dev.horizon.domain.sizing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.horizon.domain.gating.Exposure;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class GrossNormalizerTest {

    private final GrossNormalizer normalizer = new GrossNormalizer(SizingConfig.defaults());

    private double[] normalize(double[] current, double[] target) {
        double[] out = new double[current.length];
        normalizer.normalize(current, target, out);
        return out;
    }

    @Test
    void gross_below_the_target_is_left_unchanged() {
        double[] target = {0.1, -0.2, 0.15};

        double[] out = new double[3];
        double scale = normalizer.normalize(new double[]{0.0, 0.0, 0.0}, target, out);

        assertThat(scale).isEqualTo(1.0);
        assertThat(out).containsExactly(0.1, -0.2, 0.15);
    }

    @Test
    void increases_are_scaled_so_the_gross_meets_the_target() {
        double[] out = new double[3];
        double scale = normalizer.normalize(new double[]{0.1, 0.0, 0.0}, new double[]{0.1, 0.3, -0.3}, out);

        assertThat(scale).isCloseTo(2.0 / 3.0, within(1e-15));
        assertThat(out[0]).as("a hold is not scaled").isEqualTo(0.1);
        assertThat(out[1]).isCloseTo(0.2, within(1e-15));
        assertThat(out[2]).isCloseTo(-0.2, within(1e-15));
        assertThat(GrossNormalizer.gross(out)).isLessThanOrEqualTo(0.5).isCloseTo(0.5, within(1e-15));
    }

    @Test
    void only_the_part_beyond_the_current_weight_is_scaled() {
        double[] out = normalize(new double[]{0.2}, new double[]{0.6});

        assertThat(out[0]).isCloseTo(0.5, within(1e-15));
    }

    @Test
    void reductions_are_never_scaled_up() {
        double[] out = normalize(new double[]{0.4, 0.0}, new double[]{0.3, 0.4});

        assertThat(out[0]).isEqualTo(0.3);
        assertThat(out[1]).isCloseTo(0.2, within(1e-15));
    }

    @Test
    void a_flip_keeps_the_flattening_and_scales_the_new_side() {
        double[] out = normalize(new double[]{0.1}, new double[]{-0.6});

        assertThat(out[0]).isCloseTo(-0.5, within(1e-15));
    }

    @Test
    void when_reductions_alone_exceed_the_target_every_increase_is_dropped() {
        double[] out = new double[3];
        double scale = normalizer.normalize(new double[]{0.6, 0.0, 0.05}, new double[]{0.55, 0.1, 0.08}, out);

        assertThat(scale).isZero();
        assertThat(out).containsExactly(0.55, 0.0, 0.05);
    }

    @Test
    void output_may_be_the_target_array() {
        double[] target = {0.1, 0.3, -0.3};
        normalizer.normalize(new double[]{0.1, 0.0, 0.0}, target, target);

        assertThat(target[1]).isCloseTo(0.2, within(1e-15));
    }

    @Test
    void mismatched_or_non_finite_input_is_refused() {
        assertThatThrownBy(() -> normalizer.normalize(new double[2], new double[3], new double[2]))
                .hasMessageContaining("equal lengths");
        assertThatThrownBy(() -> normalizer.normalize(new double[]{0.0}, new double[]{Double.NaN}, new double[1]))
                .hasMessageContaining("not finite");
    }

    @Provide
    Arbitrary<List<double[]>> books() {
        Arbitrary<Double> w = Arbitraries.doubles().between(-0.3, 0.3).withSpecialValue(0.0);
        return w.array(double[].class).ofSize(2).list().ofMinSize(1).ofMaxSize(40);
    }

    private static double[][] split(List<double[]> book) {
        double[] current = new double[book.size()];
        double[] target = new double[book.size()];
        for (int i = 0; i < book.size(); i++) {
            current[i] = book.get(i)[0];
            target[i] = book.get(i)[1];
        }
        return new double[][]{current, target};
    }

    @Property
    void gross_never_exceeds_the_target_when_reductions_alone_do_not(@ForAll("books") List<double[]> book) {
        double[][] ct = split(book);
        double[] kept = new double[ct[0].length];
        for (int i = 0; i < kept.length; i++) {
            kept[i] = Exposure.reductionOnly(ct[0][i], ct[1][i]);
        }
        Assume.that(GrossNormalizer.gross(kept) <= 0.5);

        double[] out = normalize(ct[0], ct[1]);

        assertThat(GrossNormalizer.gross(out)).isLessThanOrEqualTo(0.5);
        if (GrossNormalizer.gross(ct[1]) > 0.5) {
            assertThat(GrossNormalizer.gross(out)).isCloseTo(0.5, within(1e-12));
        }
    }

    @Property
    void reductions_and_holds_are_kept_and_increases_only_shrink(@ForAll("books") List<double[]> book) {
        double[][] ct = split(book);

        double[] out = normalize(ct[0], ct[1]);

        for (int i = 0; i < out.length; i++) {
            double kept = Exposure.reductionOnly(ct[0][i], ct[1][i]);
            if (kept == ct[1][i]) {
                assertThat(out[i]).isEqualTo(ct[1][i]);
            } else {
                assertThat(Math.abs(out[i])).isGreaterThanOrEqualTo(Math.abs(kept)).isLessThanOrEqualTo(Math.abs(ct[1][i]));
                assertThat(out[i] * ct[1][i]).isGreaterThanOrEqualTo(0.0);
            }
        }
    }

    @Property
    void normalisation_does_not_depend_on_symbol_order(@ForAll("books") List<double[]> book, @ForAll long seed) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < book.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed));
        List<double[]> shuffled = new ArrayList<>();
        for (int i : order) {
            shuffled.add(book.get(i));
        }
        double[][] ct = split(book);
        double[][] sct = split(shuffled);

        double[] out = normalize(ct[0], ct[1]);
        double[] shuffledOut = normalize(sct[0], sct[1]);

        for (int k = 0; k < order.size(); k++) {
            assertThat(shuffledOut[k]).isEqualTo(out[order.get(k)]);
        }
    }
}
