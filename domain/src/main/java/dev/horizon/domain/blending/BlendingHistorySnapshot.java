package dev.horizon.domain.blending;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The persisted form of a {@link BlendingHistory}: the aligned score rows of the held cycles,
 * oldest cycle first.
 *
 * <p>The arrays are copied in and out, so a snapshot is an immutable value; equality compares
 * their contents.
 *
 * @param families     model families in row order
 * @param rowsPerCycle aligned rows of each held cycle, oldest first (a cycle may have 0)
 * @param scores       all rows concatenated, row-major: {@code sum(rowsPerCycle) × families.size()}
 *                     values
 */
public record BlendingHistorySnapshot(List<String> families, int[] rowsPerCycle, double[] scores) {

    public BlendingHistorySnapshot {
        families = List.copyOf(families);
        rowsPerCycle = rowsPerCycle.clone();
        scores = scores.clone();
        long rows = 0;
        for (int r : rowsPerCycle) {
            if (r < 0) {
                throw new IllegalArgumentException("blending history snapshot: negative row count " + r);
            }
            rows += r;
        }
        for (double v : scores) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("blending history snapshot: scores must be finite, found " + v);
            }
        }
        if (rows * families.size() != scores.length) {
            throw new IllegalArgumentException("blending history snapshot: " + rows + " rows of " + families.size()
                    + " models need " + rows * families.size() + " scores, found " + scores.length);
        }
    }

    @Override
    public int[] rowsPerCycle() {
        return rowsPerCycle.clone();
    }

    @Override
    public double[] scores() {
        return scores.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BlendingHistorySnapshot other
                && families.equals(other.families)
                && Arrays.equals(rowsPerCycle, other.rowsPerCycle)
                && Arrays.equals(scores, other.scores);
    }

    @Override
    public int hashCode() {
        return Objects.hash(families, Arrays.hashCode(rowsPerCycle), Arrays.hashCode(scores));
    }

    @Override
    public String toString() {
        return "BlendingHistorySnapshot[families=" + families + ", cycles=" + rowsPerCycle.length
                + ", rows=" + Arrays.stream(rowsPerCycle).sum() + "]";
    }
}
