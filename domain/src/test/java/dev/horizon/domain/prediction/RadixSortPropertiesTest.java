package dev.horizon.domain.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

class RadixSortPropertiesTest {

    @Property(tries = 500)
    void sorts_signed_longs_like_arrays_sort(@ForAll @Size(max = 600) List<Long> values) {
        long[] keys = values.stream().mapToLong(Long::longValue).toArray();
        long[] expected = keys.clone();
        Arrays.sort(expected);

        new RadixSort(Math.max(1, keys.length)).sort(keys, keys.length);

        assertThat(keys).containsExactly(expected);
    }

    @Property(tries = 300)
    void sorts_keys_equal_in_their_upper_half_fully(@ForAll @Size(max = 600) List<Integer> lows,
                                                  @ForAll @Size(min = 1, max = 3) List<Integer> highs) {
        // keys that differ only in the lower 32 bits, which the byte passes do not look at
        long[] keys = new long[lows.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = ((long) highs.get(i % highs.size()) << 32) | (lows.get(i) & 0xFFFFFFFFL);
        }
        long[] expected = keys.clone();
        Arrays.sort(expected);

        new RadixSort(Math.max(1, keys.length)).sort(keys, keys.length);

        assertThat(keys).containsExactly(expected);
    }

    @Property(tries = 200)
    void sortable_keys_order_doubles_like_double_compare(@ForAll double a, @ForAll double b) {
        assertThat(Long.signum(Long.compare(RadixSort.sortable(a), RadixSort.sortable(b))))
                .isEqualTo(Integer.signum(Double.compare(a, b)));
        assertThat(RadixSort.fromSortable(RadixSort.sortable(a))).isEqualTo(a);
    }
}
