package dev.horizon.domain.features;

import java.util.Arrays;
import java.util.Objects;

/**
 * The training targets of a bar series (PIPELINE.md §1.1): forward returns {@code ret_<h>} and the
 * barrier labels {@code will_peak_<h>} / {@code will_valley_<h>}, one value per bar.
 *
 * <p>Definitions, for bar t, a horizon of {@code h} bars and closes, highs, lows C, H, L:
 * <ul>
 *   <li>forward return r_t = C_{t+h}/C_t − 1 — the realised return the engine later scores the
 *       prediction against (§1.5);</li>
 *   <li>peak = 1 when max(H_{t+1..t+h}) ≥ C_t·(1 + k·σ_h), else 0;</li>
 *   <li>valley = 1 when min(L_{t+1..t+h}) ≤ C_t·(1 − k·σ_h), else 0;</li>
 * </ul>
 * with σ_h = σ_bar·√(h_minutes/bar_minutes) and σ_bar from {@link Volatility} over the closes up to
 * and including t (what the engine knows at t).
 *
 * <p>Every method reads only bars {@code [0, n)}: a label whose window reaches bar n or beyond is
 * {@code NaN}, never a value from a partial window. Passing the number of bars before a cutoff as
 * {@code n} therefore guarantees no label looks past the cutoff. A barrier label is also
 * {@code NaN} when the volatility at t is refused. Pure functions over primitive arrays; thread-safe.
 */
public final class TrainingLabels {

    /** Default barrier width in σ_h, the k of {@code C_t·(1 ± k·σ_h)}. */
    public static final double DEFAULT_BARRIER_K = 1.0;

    private TrainingLabels() {
    }

    /**
     * The horizon in bars.
     *
     * @throws IllegalArgumentException unless the horizon is a positive whole number of bars
     */
    public static int horizonBars(int horizonMinutes, int barMinutes) {
        if (horizonMinutes <= 0 || barMinutes <= 0 || horizonMinutes % barMinutes != 0) {
            throw new IllegalArgumentException("horizon of " + horizonMinutes + " minutes is not a positive whole "
                    + "number of " + barMinutes + "-minute bars");
        }
        return horizonMinutes / barMinutes;
    }

    /**
     * Forward returns over {@code bars} bars: {@code out[t] = close[t + bars]/close[t] − 1}, NaN for
     * {@code t + bars ≥ n}.
     *
     * @return an array of length {@code n}
     */
    public static double[] forwardReturns(double[] close, int n, int bars) {
        checkArray(close, "close", n);
        checkBars(bars);
        double[] out = new double[n];
        Arrays.fill(out, Double.NaN);
        for (int t = 0; t + bars < n; t++) {
            out[t] = close[t + bars] / close[t] - 1.0;
        }
        return out;
    }

    /**
     * σ_h at every bar: the {@link Volatility} estimate over {@code close[0 .. t]} scaled to the
     * horizon, NaN where the estimate is refused (too little history, flat prices).
     *
     * @return an array of length {@code n}
     */
    public static double[] horizonSigmas(double[] close, int n, Volatility volatility, int horizonMinutes,
                                         int barMinutes) {
        checkArray(close, "close", n);
        Objects.requireNonNull(volatility, "volatility");
        horizonBars(horizonMinutes, barMinutes);
        double[] out = new double[n];
        for (int t = 0; t < n; t++) {
            VolatilityEstimate estimate = volatility.estimate(close, t + 1);
            out[t] = estimate.isValid() ? estimate.sigmaHorizon(horizonMinutes, barMinutes) : Double.NaN;
        }
        return out;
    }

    /**
     * Peak labels: 1 when some high of bars {@code t+1 .. t+bars} reaches
     * {@code close[t]·(1 + k·sigmaH[t])}, else 0; NaN when the window passes bar {@code n − 1} or
     * {@code sigmaH[t]} is NaN.
     *
     * @return an array of length {@code n} of 0, 1 and NaN
     */
    public static double[] peaks(double[] high, double[] close, double[] sigmaH, double k, int n, int bars) {
        checkBarrier(high, "high", close, sigmaH, k, n, bars);
        double[] out = new double[n];
        Arrays.fill(out, Double.NaN);
        for (int t = 0; t + bars < n; t++) {
            if (Double.isNaN(sigmaH[t])) {
                continue;
            }
            double barrier = close[t] * (1.0 + k * sigmaH[t]);
            double max = Double.NEGATIVE_INFINITY;
            for (int j = t + 1; j <= t + bars; j++) {
                max = Math.max(max, high[j]);
            }
            out[t] = max >= barrier ? 1.0 : 0.0;
        }
        return out;
    }

    /**
     * Valley labels: 1 when some low of bars {@code t+1 .. t+bars} reaches
     * {@code close[t]·(1 − k·sigmaH[t])}, else 0; NaN when the window passes bar {@code n − 1} or
     * {@code sigmaH[t]} is NaN.
     *
     * @return an array of length {@code n} of 0, 1 and NaN
     */
    public static double[] valleys(double[] low, double[] close, double[] sigmaH, double k, int n, int bars) {
        checkBarrier(low, "low", close, sigmaH, k, n, bars);
        double[] out = new double[n];
        Arrays.fill(out, Double.NaN);
        for (int t = 0; t + bars < n; t++) {
            if (Double.isNaN(sigmaH[t])) {
                continue;
            }
            double barrier = close[t] * (1.0 - k * sigmaH[t]);
            double min = Double.POSITIVE_INFINITY;
            for (int j = t + 1; j <= t + bars; j++) {
                min = Math.min(min, low[j]);
            }
            out[t] = min <= barrier ? 1.0 : 0.0;
        }
        return out;
    }

    private static void checkBarrier(double[] extremes, String name, double[] close, double[] sigmaH, double k,
                                     int n, int bars) {
        checkArray(extremes, name, n);
        checkArray(close, "close", n);
        checkArray(sigmaH, "sigmaH", n);
        checkBars(bars);
        if (!(k > 0.0) || !Double.isFinite(k)) {
            throw new IllegalArgumentException("barrier k must be finite and positive, was " + k);
        }
    }

    private static void checkBars(int bars) {
        if (bars <= 0) {
            throw new IllegalArgumentException("horizon must be at least one bar, was " + bars);
        }
    }

    private static void checkArray(double[] a, String name, int n) {
        Objects.requireNonNull(a, name);
        if (n < 0 || n > a.length) {
            throw new IllegalArgumentException(n + " bars requested, " + a.length + " " + name + " values supplied");
        }
    }
}
