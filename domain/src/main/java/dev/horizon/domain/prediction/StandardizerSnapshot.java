package dev.horizon.domain.prediction;

import java.util.Arrays;

/**
 * The raw-prediction window of one {@link Standardizer}, oldest cycle first.
 *
 * @param cycleSizes the number of values of each cycle held, oldest first
 * @param values     the values of all cycles concatenated in the same order ({@code
 *                   Σ cycleSizes} values); within a cycle in ascending order
 */
public record StandardizerSnapshot(int[] cycleSizes, double[] values) {

    private static final StandardizerSnapshot EMPTY = new StandardizerSnapshot(new int[0], new double[0]);

    /** A missing array (an older state file) reads as empty. */
    public StandardizerSnapshot {
        cycleSizes = cycleSizes == null ? new int[0] : cycleSizes.clone();
        values = values == null ? new double[0] : values.clone();
        long total = 0;
        for (int size : cycleSizes) {
            if (size < 0) {
                throw new IllegalArgumentException("standardizer state: negative cycle size " + size);
            }
            total += size;
        }
        if (total != values.length) {
            throw new IllegalArgumentException("standardizer state: cycle sizes add up to " + total
                    + " but " + values.length + " values are stored");
        }
        Snapshots.requireFinite("standardizer state", values);
    }

    /** No history. */
    public static StandardizerSnapshot empty() {
        return EMPTY;
    }

    @Override
    public int[] cycleSizes() {
        return cycleSizes.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    int cycleSize(int i) {
        return cycleSizes[i];
    }

    int cycleCount() {
        return cycleSizes.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StandardizerSnapshot other
                && Arrays.equals(cycleSizes, other.cycleSizes) && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(cycleSizes) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "StandardizerSnapshot[cycleSizes=" + Arrays.toString(cycleSizes)
                + ", values=" + Arrays.toString(values) + "]";
    }
}
