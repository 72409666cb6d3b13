package dev.horizon.domain.prediction;

import java.util.Arrays;

/**
 * The average ranks of the values held in the slots of a ring window, kept up to date as slots
 * are written: the slots stay sorted by value between two updates, so an update sorts only the
 * slots written since the last one and merges them in — O(n + k log k) for k new values instead
 * of sorting the whole window. When every slot is new it is one sort of the window.
 *
 * <p>Ranks are 1-based and handed out <em>doubled</em>, as integers: values equal by {@code ==}
 * (so {@code -0.0} ties with {@code 0.0}) share the mean of the ranks they span, which is a whole
 * or half number, so twice it is exact in an {@code int} and sums of products of centred doubled
 * ranks are exact in a {@code long} (no rounding, in any order). Ranks depend only on the values,
 * never on the order in which they arrived. Buffers are allocated once. Not thread-safe.
 *
 * <p>Values are compared by a {@code long} key whose signed order is {@link Double#compare}'s
 * ({@link RadixSort#sortable}), taken of {@code value + 0.0} so that {@code -0.0} and {@code 0.0}
 * get the same key: two values tie exactly when their keys are equal.
 */
final class SlotRanks {

    /** Below this many keys a comparison sort beats the radix sort's four 256-bucket passes. */
    private static final int SMALL = 64;

    private final int capacity;
    private final long indexMask;
    private final RadixSort radix;
    /** Scratch: (key with the slot in its low bits) of the fresh slots, for the sort. */
    private final long[] packed;
    /** Occupied slots in value order, and their keys alongside (merges read them sequentially). */
    private int[] order;
    private int[] merged;
    private long[] sortedKeys;
    private long[] mergedKeys;
    private int count;
    /** Slots written since the last update, a flag per slot, and their keys once sorted. */
    private final int[] fresh;
    private final long[] freshKeys;
    private int freshCount;
    private final boolean[] changed;
    private final int[] doubledRanks;
    private long centredSquares;

    /** @param capacity slots in the window */
    SlotRanks(int capacity) {
        this.capacity = capacity;
        int bits = 32 - Integer.numberOfLeadingZeros(Math.max(1, capacity - 1));
        this.indexMask = (1L << bits) - 1;
        this.radix = new RadixSort(capacity);
        this.packed = new long[capacity];
        this.order = new int[capacity];
        this.merged = new int[capacity];
        this.sortedKeys = new long[capacity];
        this.mergedKeys = new long[capacity];
        this.fresh = new int[capacity];
        this.freshKeys = new long[capacity];
        this.changed = new boolean[capacity];
        this.doubledRanks = new int[capacity];
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
     * Brings the order up to date with {@code values} (indexed by slot) and returns twice the rank
     * of every occupied slot, indexed by slot. The occupied slots are those ever written since the
     * last {@link #clear}.
     */
    int[] doubledRanks(double[] values) {
        // keep the unchanged slots, in their order (without a branch: which ones changed is random)
        int kept = 0;
        for (int i = 0; i < count; i++) {
            int slot = order[i];
            order[kept] = slot;
            sortedKeys[kept] = sortedKeys[i];
            kept += changed[slot] ? 0 : 1;
        }
        int k = freshCount;
        sortFresh(values);
        merge(kept, k);
        for (int i = 0; i < k; i++) {
            changed[fresh[i]] = false;
        }
        freshCount = 0;
        assignRanks();
        return doubledRanks;
    }

    /** Whether every slot written has been ranked (nothing new since the last update). */
    boolean upToDate() {
        return freshCount == 0;
    }

    /**
     * Takes {@code other}'s order and ranks, for a window whose occupied slots hold exactly the
     * values of {@code other}'s, which must be {@link #upToDate}: the same as ranking them here.
     */
    void copyFrom(SlotRanks other) {
        if (other.capacity != capacity || !other.upToDate()) {
            throw new IllegalStateException("ranks can only be copied from an up-to-date window of the same capacity");
        }
        clear();
        count = other.count;
        System.arraycopy(other.order, 0, order, 0, count);
        System.arraycopy(other.sortedKeys, 0, sortedKeys, 0, count);
        System.arraycopy(other.doubledRanks, 0, doubledRanks, 0, capacity);
        centredSquares = other.centredSquares;
    }

    /** Twice the rank of every occupied slot as of the last update, indexed by slot. */
    int[] currentDoubledRanks() {
        return doubledRanks;
    }

    /**
     * Σ (2·rank − (n + 1))² over the occupied slots as of the last {@link #doubledRanks}: four times
     * the sum of squared deviations of the ranks from their mean.
     */
    long centredSquares() {
        return centredSquares;
    }

    /**
     * Merges the kept slots {@code order[0..kept)} and the sorted fresh ones into value order.
     * Keys that tie may come out in either order: they share a rank.
     */
    private void merge(int kept, int k) {
        long[] keys = sortedKeys;
        long[] outKeys = mergedKeys;
        int[] outSlots = merged;
        int total = kept + k;
        // Two independent merges, smallest first from the front and largest first from the back,
        // each filling half the output: every step of one merge waits on its previous comparison,
        // so two chains run about twice as fast as one. Neither runs past the other's half.
        int a = 0;
        int b = 0;
        int ra = kept - 1;
        int rb = k - 1;
        int front = 0;
        int back = total - 1;
        int half = total >>> 1;
        while (front < half) {
            // front: the smaller head; back: the larger tail (each side has one while the output is unfilled)
            boolean takeKept = b >= k || (a < kept && keys[a] <= freshKeys[b]);
            outKeys[front] = takeKept ? keys[a] : freshKeys[b];
            outSlots[front] = takeKept ? order[a] : fresh[b];
            a += takeKept ? 1 : 0;
            b += takeKept ? 0 : 1;
            front++;
            boolean takeKeptTail = rb < 0 || (ra >= 0 && keys[ra] > freshKeys[rb]);
            outKeys[back] = takeKeptTail ? keys[ra] : freshKeys[rb];
            outSlots[back] = takeKeptTail ? order[ra] : fresh[rb];
            ra -= takeKeptTail ? 1 : 0;
            rb -= takeKeptTail ? 0 : 1;
            back--;
        }
        if (front == back) {
            // an odd total leaves the middle element: whichever side still holds one
            boolean takeKept = a <= ra;
            outKeys[front] = takeKept ? keys[a] : freshKeys[b];
            outSlots[front] = takeKept ? order[a] : fresh[b];
        }
        int[] swap = order;
        order = merged;
        merged = swap;
        long[] swapKeys = sortedKeys;
        sortedKeys = mergedKeys;
        mergedKeys = swapKeys;
        count = total;
    }

    /** Doubled average ranks by slot from the value order, and their centred sum of squares. */
    private void assignRanks() {
        long centre = count + 1;
        long squares = 0;
        int i = 0;
        while (i < count) {
            long key = sortedKeys[i];
            int j = i + 1;
            while (j < count && sortedKeys[j] == key) {
                j++;
            }
            // positions i..j-1 (0-based) hold ranks i+1..j; their mean is (i + 1 + j) / 2
            int rank2 = i + 1 + j;
            long d = rank2 - centre;
            squares += (j - i) * d * d;
            for (int p = i; p < j; p++) {
                doubledRanks[order[p]] = rank2;
            }
            i = j;
        }
        centredSquares = squares;
    }

    /**
     * Sorts {@code fresh[0..freshCount)} by value into {@code freshKeys}: a sort of (key, slot)
     * packed in longs (the JDK's for a few keys, allocation-free at that size; the radix sort for
     * more), then exact order.
     */
    private void sortFresh(double[] values) {
        int k = freshCount;
        for (int i = 0; i < k; i++) {
            packed[i] = (key(values[fresh[i]]) & ~indexMask) | fresh[i];
        }
        if (k < SMALL) {
            Arrays.sort(packed, 0, k);
        } else {
            radix.sort(packed, k);
        }
        for (int i = 0; i < k; i++) {
            int slot = (int) (packed[i] & indexMask);
            fresh[i] = slot;
            freshKeys[i] = key(values[slot]);
        }
        // keys equal in all but the borrowed slot bits come out by slot: order them by key
        for (int i = 1; i < k; i++) {
            long key = freshKeys[i];
            if (freshKeys[i - 1] <= key) {
                continue;
            }
            int slot = fresh[i];
            int j = i - 1;
            while (j >= 0 && freshKeys[j] > key) {
                freshKeys[j + 1] = freshKeys[j];
                fresh[j + 1] = fresh[j];
                j--;
            }
            freshKeys[j + 1] = key;
            fresh[j + 1] = slot;
        }
    }

    /** The sort key of a value: {@link Double#compare} order, with {@code -0.0} made {@code 0.0}. */
    private static long key(double value) {
        return RadixSort.sortable(value + 0.0);
    }

    int capacity() {
        return capacity;
    }
}
