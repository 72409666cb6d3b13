package dev.horizon.domain.prediction;

import java.util.Arrays;

/**
 * The matured (prediction, realised return) pairs of one {@link IcTracker}, oldest first.
 *
 * @param predictions the raw predictions r̂
 * @param realised    the realised returns {@code C_{t+h}/C_t − 1}, aligned with {@code predictions}
 */
public record IcSnapshot(double[] predictions, double[] realised) {

    private static final IcSnapshot EMPTY = new IcSnapshot(new double[0], new double[0]);

    /** A missing array (an older state file) reads as empty. */
    public IcSnapshot {
        predictions = predictions == null ? new double[0] : predictions.clone();
        realised = realised == null ? new double[0] : realised.clone();
        Snapshots.requireLength("IC state", "realised", predictions.length, realised.length);
        Snapshots.requireFinite("IC state predictions", predictions);
        Snapshots.requireFinite("IC state realised returns", realised);
    }

    /** No pairs. */
    public static IcSnapshot empty() {
        return EMPTY;
    }

    @Override
    public double[] predictions() {
        return predictions.clone();
    }

    @Override
    public double[] realised() {
        return realised.clone();
    }

    /** Number of pairs. */
    public int size() {
        return predictions.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IcSnapshot other
                && Arrays.equals(predictions, other.predictions) && Arrays.equals(realised, other.realised);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(predictions) + Arrays.hashCode(realised);
    }

    @Override
    public String toString() {
        return "IcSnapshot[predictions=" + Arrays.toString(predictions)
                + ", realised=" + Arrays.toString(realised) + "]";
    }
}
