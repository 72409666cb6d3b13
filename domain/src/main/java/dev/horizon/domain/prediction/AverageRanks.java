package dev.horizon.domain.prediction;

/**
 * Ranks of primitive values with ties given their average rank, in O(n log n) and without
 * allocating after construction (a bottom-up merge sort of indices into preallocated buffers).
 * Not thread-safe.
 */
final class AverageRanks {

    private final int[] order;
    private final int[] buffer;

    AverageRanks(int capacity) {
        order = new int[capacity];
        buffer = new int[capacity];
    }

    /**
     * Writes the 1-based ranks of {@code values[0..n)} into {@code ranks[0..n)}; equal values share
     * the mean of the ranks they span (e.g. two values tied for 4th and 5th both get 4.5).
     */
    void rank(double[] values, int n, double[] ranks) {
        if (n > order.length) {
            throw new IllegalArgumentException("cannot rank " + n + " values, capacity " + order.length);
        }
        int[] src = order;
        int[] dst = buffer;
        for (int i = 0; i < n; i++) {
            src[i] = i;
        }
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                int a = lo;
                int b = mid;
                for (int k = lo; k < hi; k++) {
                    if (a < mid && (b >= hi || values[src[a]] <= values[src[b]])) {
                        dst[k] = src[a++];
                    } else {
                        dst[k] = src[b++];
                    }
                }
            }
            int[] swap = src;
            src = dst;
            dst = swap;
        }
        int i = 0;
        while (i < n) {
            int j = i + 1;
            while (j < n && values[src[j]] == values[src[i]]) {
                j++;
            }
            // positions i..j-1 (0-based) hold ranks i+1..j; their mean is (i + 1 + j) / 2
            double rank = (i + 1 + j) / 2.0;
            for (int k = i; k < j; k++) {
                ranks[src[k]] = rank;
            }
            i = j;
        }
    }
}
