package dev.horizon.domain.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;

class StandardizerPropertiesTest {

    private static final int MAX = 30;

    @Property(tries = 300)
    void symbol_order_does_not_matter_permuting_a_batch_permutes_the_scores(
            @ForAll @Size(max = 6) List<@Size(min = 1, max = MAX) List<@DoubleRange(min = -0.05, max = 0.05) Double>> history,
            @ForAll @Size(min = 1, max = MAX) List<@DoubleRange(min = -0.05, max = 0.05) Double> batch,
            @ForAll long seed) {
        Random random = new Random(seed);
        Standardizer inOrder = new Standardizer(4, MAX, 10, 3.0);
        Standardizer shuffled = new Standardizer(4, MAX, 10, 3.0);
        for (List<Double> cycle : history) {
            inOrder.standardize(toArray(cycle), cycle.size(), new double[MAX]);
            List<Double> copy = new ArrayList<>(cycle);
            Collections.shuffle(copy, random);
            shuffled.standardize(toArray(copy), copy.size(), new double[MAX]);
        }

        int n = batch.size();
        List<Integer> permutation = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            permutation.add(i);
        }
        Collections.shuffle(permutation, random);
        double[] raw = toArray(batch);
        double[] permuted = new double[n];
        for (int i = 0; i < n; i++) {
            permuted[i] = raw[permutation.get(i)];
        }

        double[] scores = new double[n];
        double[] permutedScores = new double[n];
        inOrder.standardize(raw, n, scores);
        shuffled.standardize(permuted, n, permutedScores);

        for (int i = 0; i < n; i++) {
            assertThat(permutedScores[i]).isEqualTo(scores[permutation.get(i)]);
        }
    }

    private static double[] toArray(List<Double> values) {
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }
}
