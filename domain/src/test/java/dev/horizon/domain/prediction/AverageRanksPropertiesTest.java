package dev.horizon.domain.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class AverageRanksPropertiesTest {

    @Property(tries = 500)
    void ranks_are_the_average_position_of_equal_values(@ForAll("values") List<Double> values) {
        double[] data = values.stream().mapToDouble(Double::doubleValue).toArray();
        double[] ranks = new double[data.length];

        new AverageRanks(Math.max(1, data.length)).rank(data, data.length, ranks);

        assertThat(ranks).containsExactly(naiveRanks(data));
    }

    @Test
    void values_that_differ_only_in_their_last_bits_are_ranked_by_value_not_by_position() {
        // Neighbouring doubles share every bit above the index bits the sort borrows.
        double[] data = {Math.nextUp(1.0), 1.0, Math.nextDown(1.0), Math.nextUp(Math.nextUp(1.0)), 1.0};
        double[] ranks = new double[data.length];

        new AverageRanks(1000).rank(data, data.length, ranks);

        assertThat(ranks).containsExactly(4.0, 2.5, 1.0, 5.0, 2.5);
    }

    @Test
    void negative_zero_ties_with_zero() {
        double[] ranks = new double[3];

        new AverageRanks(3).rank(new double[] {0.0, -1.0, -0.0}, 3, ranks);

        assertThat(ranks).containsExactly(2.5, 1.0, 2.5);
    }

    @Provide
    Arbitrary<List<Double>> values() {
        // few distinct values so ties are common, and neighbours that differ in the last bits
        Arbitrary<Double> coarse = Arbitraries.integers().between(-5, 5).map(i -> i / 2.0);
        Arbitrary<Double> fine = Arbitraries.integers().between(-3, 3).map(i -> 1.0 + i * Math.ulp(1.0));
        Arbitrary<Double> any = Arbitraries.doubles().between(-1e6, 1e6);
        return Arbitraries.oneOf(coarse, fine, any, Arbitraries.of(0.0, -0.0)).list().ofMaxSize(300);
    }

    private static double[] naiveRanks(double[] data) {
        double[] ranks = new double[data.length];
        for (int i = 0; i < data.length; i++) {
            int below = 0;
            int equal = 0;
            for (double v : data) {
                if (v < data[i]) {
                    below++;
                } else if (v == data[i]) {
                    equal++;
                }
            }
            ranks[i] = below + (equal + 1) / 2.0;
        }
        return ranks;
    }
}
