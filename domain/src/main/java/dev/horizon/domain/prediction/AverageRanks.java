package dev.horizon.domain.prediction;

/**
 * Ranks of primitive values with ties given their average rank, in O(n log n) and without
 * allocating after construction. Not thread-safe.
 *
 * <p>The values are sorted as primitive longs: each value's bits, mapped so that signed long order
 * is {@link Double#compare} order, with the lowest bits replaced by the value's index. One
 * {@link RadixSort} then orders the indices; values that differ only in those lowest bits may come
 * out of order, and a final insertion pass on the exact values puts them right (it moves nothing
 * on ordinary data). Equal values (by {@code ==}, so {@code -0.0} ties with {@code 0.0}) share the
 * mean of the ranks they span.
 */
final class AverageRanks {

    private final long[] keys;
    private final RadixSort radix;
    private final long[] exact;
    private final int[] order;
    private final long indexMask;

    AverageRanks(int capacity) {
        keys = new long[capacity];
        radix = new RadixSort(capacity);
        exact = new long[capacity];
        order = new int[capacity];
        int bits = 32 - Integer.numberOfLeadingZeros(Math.max(1, capacity - 1));
        indexMask = (1L << bits) - 1;
    }

    /**
     * Writes the 1-based ranks of {@code values[0..n)} into {@code ranks[0..n)}; equal values share
     * the mean of the ranks they span (e.g. two values tied for 4th and 5th both get 4.5).
     */
    void rank(double[] values, int n, double[] ranks) {
        if (n > order.length) {
            throw new IllegalArgumentException("cannot rank " + n + " values, capacity " + order.length);
        }
        for (int i = 0; i < n; i++) {
            long key = RadixSort.sortable(values[i]);
            exact[i] = key;
            keys[i] = (key & ~indexMask) | i;
        }
        radix.sort(keys, n);
        for (int k = 0; k < n; k++) {
            order[k] = (int) (keys[k] & indexMask);
        }
        // Values equal in all but the index bits are ordered by index: order them by value.
        for (int k = 1; k < n; k++) {
            int index = order[k];
            long key = exact[index];
            int j = k - 1;
            while (j >= 0 && exact[order[j]] > key) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = index;
        }
        int i = 0;
        while (i < n) {
            int j = i + 1;
            while (j < n && values[order[j]] == values[order[i]]) {
                j++;
            }
            // positions i..j-1 (0-based) hold ranks i+1..j; their mean is (i + 1 + j) / 2
            double rank = (i + 1 + j) / 2.0;
            for (int k = i; k < j; k++) {
                ranks[order[k]] = rank;
            }
            i = j;
        }
    }
}
