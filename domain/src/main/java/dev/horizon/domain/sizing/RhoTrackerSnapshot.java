package dev.horizon.domain.sizing;

import java.util.Arrays;
import java.util.Objects;

/**
 * The persisted window of a {@link RhoTracker}.
 *
 * @param values the q values in the window, oldest first
 */
public record RhoTrackerSnapshot(double[] values) {

    public RhoTrackerSnapshot {
        values = Objects.requireNonNull(values, "values").clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RhoTrackerSnapshot other && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "RhoTrackerSnapshot[values=" + Arrays.toString(values) + "]";
    }
}
