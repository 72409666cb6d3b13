package dev.horizon.domain.sizing;

import java.util.Arrays;

/**
 * ρ_h for one horizon: the root-mean-square of q = α/σ_h over the last {@code rho_window}
 * symbol-cycles, or the prior until {@code rho_min_observations} values have been seen.
 *
 * <p>Values are added a whole cycle at a time, and ρ only changes when a cycle is added: every
 * symbol of a cycle is sized with the ρ of the window as of the start of that cycle, and the
 * cycle's q values enter the window afterwards. A batch is sorted before it is appended, so which
 * values are evicted when the window overflows — and hence ρ — does not depend on the order the
 * symbols were sized in. ρ is recomputed from the window on each cycle (no running sum to drift).
 *
 * <p>Not thread-safe; one engine cycle at a time.
 */
public final class RhoTracker {

    /** Below this RMS the window carries no scale information; the prior is used instead. */
    private static final double MIN_RHO = 1e-12;

    private final int minObservations;
    private final double prior;
    private final double[] ring;
    private int start;
    private int count;
    private double rho;

    /** An empty tracker; ρ is the prior. */
    public RhoTracker(int window, int minObservations, double prior) {
        if (window < 1 || minObservations < 1 || minObservations > window) {
            throw new IllegalArgumentException("rho tracker needs 1 <= min observations (" + minObservations
                    + ") <= window (" + window + ")");
        }
        if (!(prior > 0) || Double.isInfinite(prior)) {
            throw new IllegalArgumentException("rho prior must be a positive number, was " + prior);
        }
        this.minObservations = minObservations;
        this.prior = prior;
        this.ring = new double[window];
        this.rho = prior;
    }

    /** A tracker per {@code config}, empty. */
    public static RhoTracker create(SizingConfig config) {
        return new RhoTracker(config.rhoWindow(), config.rhoMinObservations(), config.rhoPrior());
    }

    /** A tracker per {@code config} holding the snapshot's window (its newest values if it is longer). */
    public static RhoTracker restore(SizingConfig config, RhoTrackerSnapshot snapshot) {
        RhoTracker tracker = create(config);
        double[] values = snapshot.values();
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("rho tracker snapshot holds a non-finite value " + v);
            }
        }
        tracker.append(values, values.length);
        tracker.recompute();
        return tracker;
    }

    /** ρ as of the last added cycle. */
    public double rho() {
        return rho;
    }

    /** How many q values the window holds. */
    public int observations() {
        return count;
    }

    /**
     * Adds one cycle's q values (the first {@code n} of {@code qs}; non-finite values are skipped)
     * and recomputes ρ. {@code qs} is not modified.
     */
    public void addCycle(double[] qs, int n) {
        double[] batch = new double[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (Double.isFinite(qs[i])) {
                batch[m++] = qs[i];
            }
        }
        Arrays.sort(batch, 0, m);
        append(batch, m);
        recompute();
    }

    /** The window, oldest first. */
    public RhoTrackerSnapshot snapshot() {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = ring[(start + i) % ring.length];
        }
        return new RhoTrackerSnapshot(values);
    }

    private void append(double[] values, int n) {
        for (int i = 0; i < n; i++) {
            if (count < ring.length) {
                ring[(start + count) % ring.length] = values[i];
                count++;
            } else {
                ring[start] = values[i];
                start = (start + 1) % ring.length;
            }
        }
    }

    private void recompute() {
        if (count < minObservations) {
            rho = prior;
            return;
        }
        double sumSquares = 0.0;
        for (int i = 0; i < count; i++) {
            double q = ring[(start + i) % ring.length];
            sumSquares += q * q;
        }
        double rms = Math.sqrt(sumSquares / count);
        rho = rms >= MIN_RHO ? rms : prior;
    }
}
