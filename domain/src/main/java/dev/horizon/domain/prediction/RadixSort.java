package dev.horizon.domain.prediction;

import java.util.Arrays;

/**
 * Radix sort of signed longs into their natural order, with caller owned buffers so a sort
 * allocates nothing. Least-significant-byte-first passes of 256 buckets over the <em>upper four
 * bytes</em> only, then an insertion pass on the whole keys: keys that agree in their upper 32 bits
 * (for the sortable form of doubles: sign, exponent and 20 bits of mantissa, a relative difference
 * below 1e-6) are rare in a batch of predictions or returns, and the stable passes leave them
 * adjacent, so the insertion pass moves next to nothing — half the passes of a full byte-wise
 * sort. A pass in which every key has the same byte is skipped. The result is the sorted order of
 * the keys, fully determined by them.
 */
final class RadixSort {

    private final long[] scratch;
    private final int[] counts = new int[256];

    /** @param capacity the most keys one call sorts */
    RadixSort(int capacity) {
        this.scratch = new long[capacity];
    }

    /** The most keys one call sorts. */
    int capacity() {
        return scratch.length;
    }

    /** Sorts {@code keys[0..n)} ascending (signed order). */
    void sort(long[] keys, int n) {
        if (n > scratch.length) {
            throw new IllegalArgumentException("cannot sort " + n + " keys, capacity " + scratch.length);
        }
        if (n < 2) {
            return;
        }
        long[] src = keys;
        long[] dst = scratch;
        for (int shift = 32; shift < 64; shift += 8) {
            // the top byte holds the sign: flipping its high bit puts negative keys first
            int flip = shift == 56 ? 0x80 : 0;
            Arrays.fill(counts, 0);
            for (int i = 0; i < n; i++) {
                counts[(int) ((src[i] >>> shift) & 0xFF) ^ flip]++;
            }
            if (counts[(int) ((src[0] >>> shift) & 0xFF) ^ flip] == n) {
                continue;
            }
            int sum = 0;
            for (int b = 0; b < 256; b++) {
                int c = counts[b];
                counts[b] = sum;
                sum += c;
            }
            for (int i = 0; i < n; i++) {
                long key = src[i];
                dst[counts[(int) ((key >>> shift) & 0xFF) ^ flip]++] = key;
            }
            long[] swap = src;
            src = dst;
            dst = swap;
        }
        if (src != keys) {
            System.arraycopy(src, 0, keys, 0, n);
        }
        // the lower 32 bits: equal upper halves are adjacent now, in input order; order them fully
        for (int i = 1; i < n; i++) {
            long key = keys[i];
            if (keys[i - 1] <= key) {
                continue;
            }
            int j = i - 1;
            while (j >= 0 && keys[j] > key) {
                keys[j + 1] = keys[j];
                j--;
            }
            keys[j + 1] = key;
        }
    }

    /** A long whose signed order is the {@link Double#compare} order of {@code value} (NaN last). */
    static long sortable(double value) {
        long bits = Double.doubleToLongBits(value);
        return bits ^ ((bits >> 63) & Long.MAX_VALUE);
    }

    /** The inverse of {@link #sortable}. */
    static double fromSortable(long key) {
        return Double.longBitsToDouble(key ^ ((key >> 63) & Long.MAX_VALUE));
    }
}
