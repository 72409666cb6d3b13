package dev.horizon.domain.prediction;

import java.util.Arrays;

/**
 * Sorts a range of doubles in place, ordered like {@link Double#compare} ({@code -0.0} before
 * {@code 0.0}, NaN last), so the result is the same whatever the input order. Ranges of up to
 * {@value #QUICKSORT_MAX} values — a cycle's batch — go to {@link Arrays#sort(double[], int, int)}
 * (dual-pivot quicksort, which allocates nothing at that size and is several times faster than a
 * heapsort); longer ones to an in-place heapsort, which never allocates (the JDK's sort may
 * allocate a run buffer on long, partly sorted input).
 */
final class DoubleSort {

    /** The JDK sort only tries run merging (and allocates) above 4,096 values. */
    static final int QUICKSORT_MAX = 4096;

    private DoubleSort() {
    }

    static void sort(double[] a, int from, int to) {
        int n = to - from;
        if (n <= QUICKSORT_MAX) {
            Arrays.sort(a, from, to);
            return;
        }
        for (int root = n / 2 - 1; root >= 0; root--) {
            siftDown(a, from, root, n);
        }
        for (int end = n - 1; end > 0; end--) {
            double top = a[from];
            a[from] = a[from + end];
            a[from + end] = top;
            siftDown(a, from, 0, end);
        }
    }

    private static void siftDown(double[] a, int from, int root, int n) {
        double value = a[from + root];
        int i = root;
        while (true) {
            int child = 2 * i + 1;
            if (child >= n) {
                break;
            }
            if (child + 1 < n && Double.compare(a[from + child], a[from + child + 1]) < 0) {
                child++;
            }
            if (Double.compare(value, a[from + child]) >= 0) {
                break;
            }
            a[from + i] = a[from + child];
            i = child;
        }
        a[from + i] = value;
    }
}
