package dev.horizon.domain.blending;

import java.util.Arrays;

/**
 * Ridge risk parity: the blend weights of one horizon's models from their target returns μ and
 * the correlation Σ of their scores, by solving {@code (Σ + λI) w = μ}.
 *
 * <p>The ridge term keeps the system well conditioned when models are highly correlated and pulls
 * the weights toward μ itself. Negative weights are clipped to 0 (a model is never bet against),
 * then the weights are normalised to sum to 1. Whenever the solve cannot give a usable answer
 * (a zero pivot, a non-finite result, nothing positive left) the weights fall back to equal.
 *
 * <p>Stateless and thread-safe.
 */
public final class RidgeRiskParity {

    private final double lambda;

    /**
     * @param lambda the ridge term λ, finite and {@code >= 0}
     */
    public RidgeRiskParity(double lambda) {
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("ridge lambda must be a finite number >= 0, was " + lambda);
        }
        this.lambda = lambda;
    }

    /**
     * The target vector {@code μ_m = max(IC_m − λ_c·cost_share_m, floor)}.
     *
     * <p>A non-finite IC or cost share gives the floor: no evidence, smallest target.
     *
     * @param ic         IC per model (model order)
     * @param costShare  cost share per model, or {@code null} for all zero
     * @param costLambda λ_c
     * @param floor      the floor, e.g. 0.01
     */
    public static double[] targets(double[] ic, double[] costShare, double costLambda, double floor) {
        if (costShare != null && costShare.length != ic.length) {
            throw new IllegalArgumentException("cost shares (" + costShare.length + ") and ICs (" + ic.length
                    + ") must have one value per model");
        }
        double[] mu = new double[ic.length];
        for (int m = 0; m < ic.length; m++) {
            double target = ic[m] - costLambda * (costShare == null ? 0.0 : costShare[m]);
            // Math.max(NaN, floor) is NaN, so a missing IC would poison the solve: test explicitly.
            mu[m] = Double.isFinite(target) && target > floor ? target : floor;
        }
        return mu;
    }

    /**
     * The weights for targets {@code mu} and correlation {@code sigma}: non-negative, summing to 1.
     *
     * @param mu    target per model, finite
     * @param sigma the n×n correlation matrix (not modified)
     * @return a new array of n weights; {@code [1.0]} for one model
     */
    public double[] weights(double[] mu, double[][] sigma) {
        int n = mu.length;
        if (n == 0) {
            throw new IllegalArgumentException("ridge risk parity needs at least one model");
        }
        if (sigma.length != n) {
            throw new IllegalArgumentException("correlation matrix has " + sigma.length + " rows for " + n + " models");
        }
        if (n == 1) {
            return new double[] {1.0};
        }
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            if (sigma[i].length != n) {
                throw new IllegalArgumentException("correlation matrix row " + i + " has " + sigma[i].length
                        + " columns for " + n + " models");
            }
            a[i] = sigma[i].clone();
            a[i][i] += lambda;
        }
        double[] w = solve(a, mu.clone());
        if (w == null) {
            return equalWeights(n);
        }
        double sum = 0.0;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(w[i])) {
                return equalWeights(n);
            }
            if (w[i] < 0) {
                w[i] = 0.0;
            }
            sum += w[i];
        }
        if (!(sum > 0) || Double.isInfinite(sum)) {
            return equalWeights(n);
        }
        for (int i = 0; i < n; i++) {
            w[i] /= sum;
        }
        return w;
    }

    /** {@code 1/n} for each of n models. */
    static double[] equalWeights(int n) {
        double[] w = new double[n];
        Arrays.fill(w, 1.0 / n);
        return w;
    }

    /**
     * Solves {@code a x = b} in place by LU decomposition with partial pivoting (Doolittle, row
     * swaps recorded in the order they happen).
     *
     * @return x (stored in {@code b}), or {@code null} when a pivot is exactly zero (singular)
     */
    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int k = 0; k < n; k++) {
            int p = k;
            double max = Math.abs(a[k][k]);
            for (int i = k + 1; i < n; i++) {
                double v = Math.abs(a[i][k]);
                if (v > max) {
                    max = v;
                    p = i;
                }
            }
            if (max == 0.0 || Double.isNaN(max)) {
                return null;
            }
            if (p != k) {
                double[] row = a[p];
                a[p] = a[k];
                a[k] = row;
                int t = perm[p];
                perm[p] = perm[k];
                perm[k] = t;
            }
            double pivot = a[k][k];
            for (int i = k + 1; i < n; i++) {
                double factor = a[i][k] / pivot;
                a[i][k] = factor;
                for (int j = k + 1; j < n; j++) {
                    a[i][j] -= factor * a[k][j];
                }
            }
        }
        // Forward substitution L y = P b (unit lower triangle), then back substitution U x = y.
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double s = b[perm[i]];
            for (int j = 0; j < i; j++) {
                s -= a[i][j] * x[j];
            }
            x[i] = s;
        }
        for (int i = n - 1; i >= 0; i--) {
            double s = x[i];
            for (int j = i + 1; j < n; j++) {
                s -= a[i][j] * x[j];
            }
            x[i] = s / a[i][i];
        }
        return x;
    }
}
