package dev.horizon.domain.prediction;

import java.util.Arrays;

/**
 * The average ranks of the values held in the slots of a ring window, kept up to date as slots
 * are written: the slots stay sorted by value between two updates, so an update sorts only the
 * slots written since the last one and merges them in — O(n + k log k) for k new values instead
 * of sorting the whole window. When every slot is new it is one sort of the window.
 *
 * <p>Ranks are 1-based; values equal by {@code ==} (so {@code -0.0} ties with {@code 0.0}) share
 * the mean of the ranks they span. They depend only on the values, never on the order in which
 * they arrived. Buffers are allocated once. Not thread-safe.
 */
final class SlotRanks {

    /** Below this many keys a comparison sort beats the radix sort's 256-bucket passes. */
    private static final int SMALL = 256;

    private final int capacity;
    private final long indexMask;
    private final RadixSort radix;
    private final long[] keys;
    /** Occupied slots in value order, and their values alongside (merges read them sequentially). */
    private int[] order;
    private int[] merged;
    private double[] sortedValues;
    private double[] mergedValues;
    private int count;
    /** Slots written since the last update, and a flag per slot. */
    private final int[] fresh;
    private int freshCount;
    private final boolean[] changed;
    private final double[] ranks;

    /** @param capacity slots in the window */
    SlotRanks(int capacity) {
        this.capacity = capacity;
        int bits = 32 - Integer.numberOfLeadingZeros(Math.max(1, capacity - 1));
        this.indexMask = (1L << bits) - 1;
        this.radix = new RadixSort(capacity);
        this.keys = new long[capacity];
        this.order = new int[capacity];
        this.merged = new int[capacity];
        this.sortedValues = new double[capacity];
        this.mergedValues = new double[capacity];
        this.fresh = new int[capacity];
        this.changed = new boolean[capacity];
        this.ranks = new double[capacity];
    }

    /** Slot {@code slot} now holds a new value. */
    void written(int slot) {
        if (!changed[slot]) {
            changed[slot] = true;
            fresh[freshCount++] = slot;
        }
    }

    /** Forgets every slot (the window was emptied). */
    void clear() {
        count = 0;
        for (int i = 0; i < freshCount; i++) {
            changed[fresh[i]] = false;
        }
        freshCount = 0;
    }

    /**
     * Brings the order up to date with {@code values} (indexed by slot) and returns the rank of
     * every occupied slot, indexed by slot. The occupied slots are those ever written since the
     * last {@link #clear}.
     */
    double[] ranks(double[] values) {
        // keep the unchanged slots, in their order
        int kept = 0;
        for (int i = 0; i < count; i++) {
            int slot = order[i];
            if (!changed[slot]) {
                order[kept] = slot;
                sortedValues[kept] = sortedValues[i];
                kept++;
            }
        }
        int k = freshCount;
        sortFresh(values);
        // merge the kept slots and the fresh ones by value
        int a = 0;
        int b = 0;
        int out = 0;
        double freshValue = k > 0 ? values[fresh[0]] : 0.0;
        while (a < kept && b < k) {
            double keptValue = sortedValues[a];
            if (Double.compare(keptValue, freshValue) <= 0) {
                mergedValues[out] = keptValue;
                merged[out++] = order[a++];
            } else {
                mergedValues[out] = freshValue;
                merged[out++] = fresh[b++];
                if (b < k) {
                    freshValue = values[fresh[b]];
                }
            }
        }
        while (a < kept) {
            mergedValues[out] = sortedValues[a];
            merged[out++] = order[a++];
        }
        while (b < k) {
            mergedValues[out] = values[fresh[b]];
            merged[out++] = fresh[b++];
        }
        int[] swap = order;
        order = merged;
        merged = swap;
        double[] swapValues = sortedValues;
        sortedValues = mergedValues;
        mergedValues = swapValues;
        count = out;
        for (int i = 0; i < k; i++) {
            changed[fresh[i]] = false;
        }
        freshCount = 0;
        int i = 0;
        while (i < count) {
            int j = i + 1;
            double v = sortedValues[i];
            while (j < count && sortedValues[j] == v) {
                j++;
            }
            // positions i..j-1 (0-based) hold ranks i+1..j; their mean is (i + 1 + j) / 2
            double rank = (i + 1 + j) / 2.0;
            for (int p = i; p < j; p++) {
                ranks[order[p]] = rank;
            }
            i = j;
        }
        return ranks;
    }

    /**
     * Sorts {@code fresh[0..freshCount)} by value: a sort of (value bits, slot) packed in longs
     * (the JDK's for a few keys, allocation-free at that size; the radix sort for more), then exact
     * order.
     */
    private void sortFresh(double[] values) {
        int k = freshCount;
        for (int i = 0; i < k; i++) {
            keys[i] = (RadixSort.sortable(values[fresh[i]]) & ~indexMask) | fresh[i];
        }
        if (k < SMALL) {
            Arrays.sort(keys, 0, k);
        } else {
            radix.sort(keys, k);
        }
        for (int i = 0; i < k; i++) {
            fresh[i] = (int) (keys[i] & indexMask);
        }
        // values equal in all but the borrowed slot bits come out by slot: order them by value
        for (int i = 1; i < k; i++) {
            int slot = fresh[i];
            long key = RadixSort.sortable(values[slot]);
            int j = i - 1;
            while (j >= 0 && RadixSort.sortable(values[fresh[j]]) > key) {
                fresh[j + 1] = fresh[j];
                j--;
            }
            fresh[j + 1] = slot;
        }
    }

    int capacity() {
        return capacity;
    }
}
