package dev.horizon.domain.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class DoubleSortPropertiesTest {

    @Property(tries = 500)
    void sorts_a_range_like_arrays_sort_and_leaves_the_rest_alone(
            @ForAll @Size(max = 80) List<Double> values, @ForAll @IntRange(max = 5) int margin) {
        double[] data = new double[values.size() + 2 * margin];
        for (int i = 0; i < values.size(); i++) {
            data[margin + i] = values.get(i);
        }
        Arrays.fill(data, 0, margin, 7.0);
        Arrays.fill(data, margin + values.size(), data.length, -7.0);
        double[] expected = data.clone();
        Arrays.sort(expected, margin, margin + values.size());

        DoubleSort.sort(data, margin, margin + values.size());

        // Arrays.equals compares bit patterns: -0.0 before 0.0, as Arrays.sort orders them
        assertThat(Arrays.equals(data, expected)).as(Arrays.toString(data)).isTrue();
    }
}
