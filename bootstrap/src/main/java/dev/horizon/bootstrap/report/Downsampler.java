package dev.horizon.bootstrap.report;

import java.util.Arrays;

/**
 * Thins a long series for a chart without hiding its extremes: the series is cut into equal
 * buckets of consecutive points and each bucket keeps its lowest and its highest point (in time
 * order); the first and last points are always kept. A drawdown's trough or a spike survives,
 * which averaging or taking every n-th point would lose.
 */
final class Downsampler {

    private Downsampler() {
    }

    /**
     * The indices of {@code y} to keep, ascending: all of them when there are at most
     * {@code maxPoints}, else at most {@code maxPoints} (≥ 4) chosen by min/max per bucket.
     */
    static int[] minMax(double[] y, int maxPoints) {
        if (maxPoints < 4) {
            throw new IllegalArgumentException("keep at least 4 points, asked " + maxPoints);
        }
        int n = y.length;
        if (n <= maxPoints) {
            int[] all = new int[n];
            Arrays.setAll(all, i -> i);
            return all;
        }
        int buckets = (maxPoints - 2) / 2;
        int interior = n - 2;
        int[] keep = new int[2 + 2 * buckets];
        int k = 0;
        keep[k++] = 0;
        for (int b = 0; b < buckets; b++) {
            int from = 1 + (int) ((long) interior * b / buckets);
            int to = 1 + (int) ((long) interior * (b + 1) / buckets);
            if (from >= to) {
                continue;
            }
            int lo = from;
            int hi = from;
            for (int i = from + 1; i < to; i++) {
                if (y[i] < y[lo]) {
                    lo = i;
                }
                if (y[i] > y[hi]) {
                    hi = i;
                }
            }
            keep[k++] = Math.min(lo, hi);
            if (hi != lo) {
                keep[k++] = Math.max(lo, hi);
            }
        }
        keep[k++] = n - 1;
        return Arrays.copyOf(keep, k);
    }
}
