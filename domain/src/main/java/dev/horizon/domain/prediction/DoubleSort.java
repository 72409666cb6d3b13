package dev.horizon.domain.prediction;

/**
 * Sorts a range of doubles in place, ordered like {@link Double#compare} ({@code -0.0} before
 * {@code 0.0}, NaN last), so the result is the same whatever the input order. An instance sorts
 * ranges up to its capacity with a {@link RadixSort} on buffers allocated once (a cycle's batch:
 * no allocation, a few microseconds); the static {@link #sort} serves one-off calls.
 */
final class DoubleSort {

    private final RadixSort radix;
    private final long[] keys;

    /** @param capacity the longest range {@link #sortRange} sorts */
    DoubleSort(int capacity) {
        this.radix = new RadixSort(capacity);
        this.keys = new long[capacity];
    }

    /** Sorts {@code a[from..to)}, at most the capacity. */
    void sortRange(double[] a, int from, int to) {
        int n = to - from;
        for (int i = 0; i < n; i++) {
            keys[i] = RadixSort.sortable(a[from + i]);
        }
        radix.sort(keys, n);
        for (int i = 0; i < n; i++) {
            a[from + i] = RadixSort.fromSortable(keys[i]);
        }
    }

    /** Sorts {@code a[from..to)}; allocates, for occasional use. */
    static void sort(double[] a, int from, int to) {
        int n = to - from;
        if (n > 0) {
            new DoubleSort(n).sortRange(a, from, to);
        }
    }
}
