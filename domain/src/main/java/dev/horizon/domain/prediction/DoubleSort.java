package dev.horizon.domain.prediction;

/**
 * In-place heapsort of a range of doubles: O(n log n) worst case and no allocation at all
 * ({@link java.util.Arrays#sort(double[], int, int)} may allocate a run buffer on partly sorted
 * input). Orders like {@link Double#compare}, so {@code -0.0} sorts before {@code 0.0} and the
 * result is the same whatever the input order.
 */
final class DoubleSort {

    private DoubleSort() {
    }

    static void sort(double[] a, int from, int to) {
        int n = to - from;
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
