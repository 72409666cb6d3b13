package dev.horizon.domain.prediction;

/**
 * The last {@code capacity} pairs of doubles, in two parallel ring arrays, the oldest evicted
 * first: the window of {@link IcTracker} (prediction, realised return) and of
 * {@link StabilityTracker} (score, realised z), with the snapshot (pairs oldest first) and restore
 * (the newest pairs that fit) they share. Arrays are allocated once. Not thread-safe.
 */
final class PairWindow {

    /** Receives the pairs of a restore, oldest first. */
    @FunctionalInterface
    interface PairSink {
        void accept(double first, double second);
    }

    private final int capacity;
    /** The pairs' first and second values, indexed by slot. */
    final double[] first;
    final double[] second;
    private int oldest;
    private int size;

    /** @param capacity the most pairs held, positive */
    PairWindow(int capacity) {
        this.capacity = capacity;
        this.first = new double[capacity];
        this.second = new double[capacity];
    }

    /** Stores a pair, evicting the oldest when full; returns the slot it went to. */
    int push(double a, double b) {
        int slot;
        if (size < capacity) {
            slot = oldest + size;
            if (slot >= capacity) {
                slot -= capacity;
            }
            size++;
        } else {
            slot = oldest;
            oldest = oldest + 1 == capacity ? 0 : oldest + 1;
        }
        first[slot] = a;
        second[slot] = b;
        return slot;
    }

    /** Empties the window. */
    void clear() {
        oldest = 0;
        size = 0;
    }

    /** Slot of the oldest pair. */
    int oldest() {
        return oldest;
    }

    /** Pairs held. */
    int size() {
        return size;
    }

    /** The most pairs held. */
    int capacity() {
        return capacity;
    }

    /** The first values held, oldest first (a copy). */
    double[] firstOldestFirst() {
        return unroll(first);
    }

    /** The second values held, oldest first (a copy). */
    double[] secondOldestFirst() {
        return unroll(second);
    }

    /**
     * Empties the window and hands {@code sink} the newest pairs of {@code a}/{@code b} (oldest
     * first) that fit in it; the sink decides what to store (it validates, then pushes).
     */
    void restore(double[] a, double[] b, PairSink sink) {
        clear();
        for (int k = Math.max(0, a.length - capacity); k < a.length; k++) {
            sink.accept(a[k], b[k]);
        }
    }

    private double[] unroll(double[] values) {
        double[] out = new double[size];
        int head = Math.min(size, capacity - oldest);
        System.arraycopy(values, oldest, out, 0, head);
        System.arraycopy(values, 0, out, head, size - head);
        return out;
    }
}
