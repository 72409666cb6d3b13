package dev.horizon.domain.prediction;

import java.util.Arrays;

/**
 * The matured predictions one {@link StabilityTracker} holds, oldest first.
 *
 * @param scores    the standardized scores s at prediction time
 * @param realisedZ the realised returns in units of σ_h, {@code clip(r/σ_h, ±3)}, aligned with {@code scores}
 */
public record StabilitySnapshot(double[] scores, double[] realisedZ) {

    private static final StabilitySnapshot EMPTY = new StabilitySnapshot(new double[0], new double[0]);

    /** A missing array (an older state file) reads as empty. */
    public StabilitySnapshot {
        scores = scores == null ? new double[0] : scores.clone();
        realisedZ = realisedZ == null ? new double[0] : realisedZ.clone();
        Snapshots.requireLength("stability state", "realisedZ", scores.length, realisedZ.length);
        Snapshots.requireFinite("stability state scores", scores);
        Snapshots.requireFinite("stability state realised z", realisedZ);
    }

    /** Nothing matured. */
    public static StabilitySnapshot empty() {
        return EMPTY;
    }

    @Override
    public double[] scores() {
        return scores.clone();
    }

    @Override
    public double[] realisedZ() {
        return realisedZ.clone();
    }

    /** Number of matured predictions. */
    public int size() {
        return scores.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StabilitySnapshot other
                && Arrays.equals(scores, other.scores) && Arrays.equals(realisedZ, other.realisedZ);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(scores) + Arrays.hashCode(realisedZ);
    }

    @Override
    public String toString() {
        return "StabilitySnapshot[scores=" + Arrays.toString(scores)
                + ", realisedZ=" + Arrays.toString(realisedZ) + "]";
    }
}
