package dev.horizon.domain.features;

import dev.horizon.domain.market.BarSeries;
import java.util.Arrays;
import java.util.Objects;

/**
 * Evaluates every feature of the library at the last bar of a history (PIPELINE.md §1.2).
 *
 * <p>C, H, L, V are close, high, low, volume; {@code t} is the last bar, {@code n} the number of
 * bars supplied. A feature with too little history is {@code NaN}. Definitions:
 * <ul>
 *   <li>{@code ret_k} = C_t/C_{t−k} − 1; {@code mom_k} = C_t − C_{t−k}; need k+1 bars.</li>
 *   <li>{@code vol_k}: sample std (ddof 1) of the last k one-bar simple returns; k+1 bars.</li>
 *   <li>{@code rsi_N}: d_j = C_j − C_{j−1}, the first bar's d = 0; G, L = means of the last N
 *       gains and losses; 100 − 100/(1 + G/L); L = 0 gives 100 when G &gt; 0 else 50; N bars.</li>
 *   <li>{@code ma_ratio_k} = C_t / SMA_k(C) − 1; k bars.</li>
 *   <li>{@code bb_position} = (C_t − (m − 2s)) / (4s), {@code bb_width} = 4s/m, with m = SMA20(C),
 *       s = sample std of the last 20 closes; s = 0 gives position 0.5 (and width 0); 20 bars.</li>
 *   <li>{@code macd} = EMA12(C) − EMA26(C), {@code macd_signal} = EMA9(macd),
 *       {@code macd_hist} = macd − signal; EMA y_j = (1−α)·y_{j−1} + α·x_j, α = 2/(span+1),
 *       y_0 = x_0, recursing over the whole supplied history; 1 bar.</li>
 *   <li>{@code atr_14}: mean of the last 14 true ranges, TR_j = max(H_j − L_j, |H_j − C_{j−1}|,
 *       |L_j − C_{j−1}|), the first bar's TR = H − L; 14 bars.</li>
 *   <li>{@code high_low_range} = (H_t − L_t)/C_t; 1 bar.</li>
 *   <li>{@code volume_ma_ratio} = V_t / SMA20(V), NaN when the SMA is 0; 20 bars.</li>
 *   <li>{@code volume_change} = V_t/V_{t−1} − 1, NaN when V_{t−1} = 0 (a ratio to nothing is
 *       undefined, and an infinity would only poison an export); 2 bars.</li>
 *   <li>{@code close_to_high_52w}, {@code close_to_low_52w} = C_t over the max / min close of the
 *       last ≤ 252 bars, NaN for a min of 0; 20 bars.</li>
 * </ul>
 * Prices are expected finite and positive, as {@link dev.horizon.domain.market.Bar} guarantees;
 * other inputs simply follow IEEE arithmetic.
 *
 * <p>Cost matters (hundreds of symbols per cycle): every rolling quantity is computed once, the
 * SMA and std passes are shared between features, the EMAs are evaluated as algebraically
 * identical dot products with weights cached per history length (a new length recomputes them in
 * O(n); the steady state, {@code engine.history_bars}, reuses them), and a call allocates nothing
 * once the scratch buffers have grown to the history length. Live, the engine hands a
 * {@link BarWindow} per symbol, which keeps what does not change between cycles (the one-bar
 * returns, the 52-week extremes) and saves copying the series. An instance is not thread-safe: use
 * one per thread.
 */
public final class FeatureCalculator {

    /** Bars in the 52-week window of {@code close_to_high_52w}/{@code close_to_low_52w}. */
    static final int WINDOW_52W = 252;

    private static final double A12 = 2.0 / (12 + 1);
    private static final double A26 = 2.0 / (26 + 1);
    private static final double A9 = 2.0 / (9 + 1);
    private static final double B12 = 1.0 - A12;
    private static final double B26 = 1.0 - A26;
    private static final double B9 = 1.0 - A9;

    /** Longest return window (vol_60d): returns kept in scratch, newest first. */
    private static final int MAX_RETURNS = 60;

    private final double[] returns = new double[MAX_RETURNS];
    /** MACD and signal weights for a history of {@code weightsLength} bars (see {@code macd}). */
    private double[] macdWeights = new double[0];
    private double[] signalWeights = new double[0];
    private int weightsLength = -1;
    private double[] high = new double[0];
    private double[] low = new double[0];
    private double[] close = new double[0];
    private double[] volume = new double[0];

    /** Creates a calculator with empty scratch buffers; they grow on first use. */
    public FeatureCalculator() {
    }

    /**
     * Features at the newest bar of {@code series}, over all the bars it holds.
     *
     * @param out receives {@link FeatureLibrary#size()} values indexed as {@link FeatureLibrary#names()}
     */
    public void compute(BarSeries series, double[] out) {
        int n = series.size();
        if (close.length < n) {
            // Grows once to the series capacity; steady-state calls allocate nothing.
            int capacity = Math.max(n, series.capacity());
            high = new double[capacity];
            low = new double[capacity];
            close = new double[capacity];
            volume = new double[capacity];
        }
        series.copyHighs(high);
        series.copyLows(low);
        series.copyCloses(close);
        series.copyVolumes(volume);
        compute(null, high, low, close, volume, 0, n, out);
    }

    /**
     * Features at bar {@code n − 1} over bars {@code [0, n)} of plain arrays (oldest first).
     *
     * @param open accepted for a uniform OHLCV signature; no feature reads it, so it may be null
     * @param out  receives {@link FeatureLibrary#size()} values indexed as {@link FeatureLibrary#names()}
     */
    public void compute(double[] open, double[] high, double[] low, double[] close, double[] volume,
                        int n, double[] out) {
        compute(open, high, low, close, volume, 0, n, out);
    }

    /**
     * Features at bar {@code from + n − 1} over the bars {@code [from, from + n)} of plain arrays,
     * so a long series can be evaluated over trailing windows without copying.
     *
     * @param open accepted for a uniform OHLCV signature; no feature reads it, so it may be null
     * @param out  receives {@link FeatureLibrary#size()} values indexed as {@link FeatureLibrary#names()}
     * @throws IllegalArgumentException if the range lies outside an array or {@code out} is too short
     */
    public void compute(double[] open, double[] high, double[] low, double[] close, double[] volume,
                        int from, int n, double[] out) {
        checkRange(high, "high", from, n);
        checkRange(low, "low", from, n);
        checkRange(close, "close", from, n);
        checkRange(volume, "volume", from, n);
        checkRow(out);
        if (evaluate(high, low, close, volume, null, from, n, out)) {
            range52w(close, n, from + n - 1, close[from + n - 1], out);
        }
    }

    /**
     * Features at the newest bar of a {@link BarWindow}, over all the bars it holds: the same
     * numbers, bit for bit, as {@link #compute(BarSeries, double[])} on its series, at a lower cost
     * per call — nothing is copied, the one-bar returns are the window's, and the 52-week range is
     * read off its running maximum and minimum instead of a 252-bar scan. Syncs the window first.
     *
     * @param out receives {@link FeatureLibrary#size()} values indexed as {@link FeatureLibrary#names()}
     */
    public void compute(BarWindow window, double[] out) {
        window.sync();
        checkRow(out);
        int n = window.size();
        int from = window.begin();
        double[] close = window.closes();
        if (evaluate(window.highs(), window.lows(), close, window.volumes(), window.simpleReturns(), from, n, out)
                && n >= 20) {
            double ct = close[from + n - 1];
            double min = window.minClose52w();
            out[Feature.CLOSE_TO_HIGH_52W.ordinal()] = ct / window.maxClose52w();
            out[Feature.CLOSE_TO_LOW_52W.ordinal()] = min == 0.0 ? Double.NaN : ct / min;
        }
    }

    private static void checkRow(double[] out) {
        if (out.length < FeatureLibrary.size()) {
            throw new IllegalArgumentException("feature row holds " + out.length + " values, the library has "
                    + FeatureLibrary.size());
        }
    }

    /**
     * Every feature but the 52-week range, at bar {@code from + n − 1} over {@code [from, from + n)}.
     *
     * @param simpleReturns one-bar simple returns by bar index, or null to compute them here
     * @return false when there are no bars (the row is all NaN)
     */
    private boolean evaluate(double[] high, double[] low, double[] close, double[] volume, double[] simpleReturns,
                             int from, int n, double[] out) {
        Arrays.fill(out, 0, FeatureLibrary.size(), Double.NaN);
        if (n == 0) {
            return false;
        }
        int t = from + n - 1;
        double ct = close[t];

        returnsMomentumAndVolatility(close, simpleReturns, n, t, out);
        rsi(close, from, n, t, out);
        movingAveragesAndBands(close, n, t, ct, out);
        macd(close, from, n, t, out);
        atr(high, low, close, from, n, t, out);
        volume(volume, n, t, out);
        out[Feature.HIGH_LOW_RANGE.ordinal()] = (high[t] - low[t]) / ct;
        return true;
    }

    private void returnsMomentumAndVolatility(double[] c, double[] simpleReturns, int n, int t, double[] out) {
        double ct = c[t];
        if (n >= 2) {
            out[Feature.RET_1D.ordinal()] = ct / c[t - 1] - 1.0;
        }
        if (n >= 6) {
            out[Feature.RET_5D.ordinal()] = ct / c[t - 5] - 1.0;
            out[Feature.MOM_5D.ordinal()] = ct - c[t - 5];
        }
        if (n >= 11) {
            out[Feature.RET_10D.ordinal()] = ct / c[t - 10] - 1.0;
            out[Feature.MOM_10D.ordinal()] = ct - c[t - 10];
        }
        if (n >= 21) {
            out[Feature.RET_20D.ordinal()] = ct / c[t - 20] - 1.0;
            out[Feature.MOM_20D.ordinal()] = ct - c[t - 20];
        }
        if (n >= 61) {
            out[Feature.RET_60D.ordinal()] = ct / c[t - 60] - 1.0;
        }

        // One-bar returns, newest first, computed once for all four vol windows.
        int m = Math.min(n - 1, MAX_RETURNS);
        double[] r = returns;
        if (simpleReturns == null) {
            for (int j = 0; j < m; j++) {
                r[j] = c[t - j] / c[t - j - 1] - 1.0;
            }
        } else {
            for (int j = 0; j < m; j++) {
                r[j] = simpleReturns[t - j];
            }
        }
        // Running sums give every window's mean in one pass.
        double sum = 0.0;
        double sum5 = 0.0;
        double sum10 = 0.0;
        double sum20 = 0.0;
        for (int j = 0; j < m; j++) {
            sum += r[j];
            if (j == 4) {
                sum5 = sum;
            } else if (j == 9) {
                sum10 = sum;
            } else if (j == 19) {
                sum20 = sum;
            }
        }
        if (m >= 5) {
            out[Feature.VOL_5D.ordinal()] = sampleStd(r, 5, sum5 / 5);
        }
        if (m >= 10) {
            out[Feature.VOL_10D.ordinal()] = sampleStd(r, 10, sum10 / 10);
        }
        if (m >= 20) {
            out[Feature.VOL_20D.ordinal()] = sampleStd(r, 20, sum20 / 20);
        }
        if (m >= 60) {
            out[Feature.VOL_60D.ordinal()] = sampleStd(r, 60, sum / 60);
        }
    }

    /** Sample std (ddof 1) of {@code x[0, k)} around a known mean: the accurate two-pass form. */
    private static double sampleStd(double[] x, int k, double mean) {
        double ss = 0.0;
        for (int j = 0; j < k; j++) {
            double d = x[j] - mean;
            ss += d * d;
        }
        return Math.sqrt(ss / (k - 1));
    }

    private static void rsi(double[] c, int from, int n, int t, double[] out) {
        int m = Math.min(n, 21);
        double gains = 0.0;
        double losses = 0.0;
        for (int j = 0; j < m; j++) {
            int i = t - j;
            // The first bar of the history has no predecessor: its change counts as 0.
            double d = i == from ? 0.0 : c[i] - c[i - 1];
            // Selects, not branches: up and down bars alternate at random, a branch would mispredict.
            // Adding or subtracting 0.0 leaves a sum as it is, so these are the branch's numbers.
            boolean up = d > 0;
            gains += up ? d : 0.0;
            losses -= up ? 0.0 : d;
            if (j == 6) {
                out[Feature.RSI_7.ordinal()] = rsi(gains / 7, losses / 7);
            } else if (j == 13) {
                out[Feature.RSI_14.ordinal()] = rsi(gains / 14, losses / 14);
            } else if (j == 20) {
                out[Feature.RSI_21.ordinal()] = rsi(gains / 21, losses / 21);
            }
        }
    }

    /** RSI from mean gain and loss; no losses means 100 on any gain and 50 on a flat window (fix). */
    static double rsi(double meanGain, double meanLoss) {
        if (meanLoss == 0.0) {
            return meanGain > 0.0 ? 100.0 : 50.0;
        }
        return 100.0 - 100.0 / (1.0 + meanGain / meanLoss);
    }

    private static void movingAveragesAndBands(double[] c, int n, int t, double ct, double[] out) {
        int m = Math.min(n, 50);
        double sum = 0.0;
        double sma20 = Double.NaN;
        for (int j = 0; j < m; j++) {
            sum += c[t - j];
            if (j == 9) {
                out[Feature.MA_RATIO_10.ordinal()] = ct / (sum / 10) - 1.0;
            } else if (j == 19) {
                sma20 = sum / 20;
                out[Feature.MA_RATIO_20.ordinal()] = ct / sma20 - 1.0;
            } else if (j == 49) {
                out[Feature.MA_RATIO_50.ordinal()] = ct / (sum / 50) - 1.0;
            }
        }
        if (n >= 20) {
            double ss = 0.0;
            for (int j = 0; j < 20; j++) {
                double d = c[t - j] - sma20;
                ss += d * d;
            }
            double s = Math.sqrt(ss / 19);
            out[Feature.BB_POSITION.ordinal()] = s == 0.0 ? 0.5 : (ct - (sma20 - 2 * s)) / (4 * s);
            out[Feature.BB_WIDTH.ordinal()] = 4 * s / sma20;
        }
    }

    /**
     * MACD as two dot products. Every EMA here is linear in the closes, so for a history of n bars
     * macd_t = Σ D_k·x_k and signal_t = Σ W_k·x_k with weights that depend on n only — exactly the
     * recursion y_j = (1−α)·y_{j−1} + α·x_j, y_0 = x_0, unrolled. The literal recursion is a serial
     * dependency chain (most of the per-symbol cost); dot products pipeline, and the weights are
     * computed once per history length. Both weight sets sum to 0 (macd is a difference of
     * weighted averages), so the closes are taken relative to C_t, which also avoids the
     * cancellation of subtracting two EMAs near the price level.
     */
    private void macd(double[] c, int from, int n, int t, double[] out) {
        if (n != weightsLength) {
            computeMacdWeights(n);
        }
        double[] d = macdWeights;
        double[] w = signalWeights;
        double ct = c[t];
        double m0 = 0.0;
        double m1 = 0.0;
        double m2 = 0.0;
        double m3 = 0.0;
        double s0 = 0.0;
        double s1 = 0.0;
        double s2 = 0.0;
        double s3 = 0.0;
        int k = 0;
        // Four accumulators per sum keep eight independent add chains in flight: the loop is then
        // bound by loads and multiplies, not by the latency of one addition after another.
        for (; k + 3 < n; k += 4) {
            double x0 = c[from + k] - ct;
            double x1 = c[from + k + 1] - ct;
            double x2 = c[from + k + 2] - ct;
            double x3 = c[from + k + 3] - ct;
            m0 += d[k] * x0;
            s0 += w[k] * x0;
            m1 += d[k + 1] * x1;
            s1 += w[k + 1] * x1;
            m2 += d[k + 2] * x2;
            s2 += w[k + 2] * x2;
            m3 += d[k + 3] * x3;
            s3 += w[k + 3] * x3;
        }
        for (; k < n; k++) {
            double x0 = c[from + k] - ct;
            m0 += d[k] * x0;
            s0 += w[k] * x0;
        }
        double macd = (m0 + m1) + (m2 + m3);
        double signal = (s0 + s1) + (s2 + s3);
        out[Feature.MACD.ordinal()] = macd;
        out[Feature.MACD_SIGNAL.ordinal()] = signal;
        out[Feature.MACD_HIST.ordinal()] = macd - signal;
    }

    /**
     * Weights of x_k (k = 0 oldest, t = n − 1) in macd_t and signal_t. An EMA with y_0 = x_0 gives
     * x_0 the weight (1−α)^t and x_k the weight α(1−α)^{t−k}. The signal, an EMA of the macd
     * series, gives x_k the weight Σ_{j≥k} s_j·(g12(j,k) − g26(j,k)); with P_k = s_k + (1−α)·P_{k+1}
     * that is α12·P12_k − α26·P26_k for k ≥ 1 and P12_0 − P26_0 for the first bar.
     */
    private void computeMacdWeights(int n) {
        if (macdWeights.length < n) {
            macdWeights = new double[n];
            signalWeights = new double[n];
        }
        int t = n - 1;
        double pow12 = 1.0;
        double pow26 = 1.0;
        double pow9 = 1.0;
        double p12 = 0.0;
        double p26 = 0.0;
        for (int k = t; k >= 1; k--) {
            macdWeights[k] = A12 * pow12 - A26 * pow26;
            double s = A9 * pow9;
            p12 = s + B12 * p12;
            p26 = s + B26 * p26;
            signalWeights[k] = A12 * p12 - A26 * p26;
            pow12 *= B12;
            pow26 *= B26;
            pow9 *= B9;
        }
        macdWeights[0] = pow12 - pow26;
        p12 = pow9 + B12 * p12;
        p26 = pow9 + B26 * p26;
        signalWeights[0] = p12 - p26;
        weightsLength = n;
    }

    private static void atr(double[] h, double[] l, double[] c, int from, int n, int t, double[] out) {
        if (n < 14) {
            return;
        }
        double sum = 0.0;
        for (int i = t - 13; i <= t; i++) {
            double tr = h[i] - l[i];
            if (i > from) {
                double prev = c[i - 1];
                tr = Math.max(tr, Math.max(Math.abs(h[i] - prev), Math.abs(l[i] - prev)));
            }
            sum += tr;
        }
        out[Feature.ATR_14.ordinal()] = sum / 14;
    }

    private static void volume(double[] v, int n, int t, double[] out) {
        double vt = v[t];
        if (n >= 2) {
            double prev = v[t - 1];
            out[Feature.VOLUME_CHANGE.ordinal()] = prev == 0.0 ? Double.NaN : vt / prev - 1.0;
        }
        if (n >= 20) {
            double sum = 0.0;
            for (int j = 0; j < 20; j++) {
                sum += v[t - j];
            }
            double sma = sum / 20;
            out[Feature.VOLUME_MA_RATIO.ordinal()] = sma == 0.0 ? Double.NaN : vt / sma;
        }
    }

    private static void range52w(double[] c, int n, int t, double ct, double[] out) {
        if (n < 20) {
            return;
        }
        int m = Math.min(n, WINDOW_52W);
        double max = ct;
        double min = ct;
        for (int i = t - m + 1; i < t; i++) {
            double x = c[i];
            if (x > max) {
                max = x;
            }
            if (x < min) {
                min = x;
            }
        }
        out[Feature.CLOSE_TO_HIGH_52W.ordinal()] = ct / max;
        out[Feature.CLOSE_TO_LOW_52W.ordinal()] = min == 0.0 ? Double.NaN : ct / min;
    }

    private static void checkRange(double[] a, String name, int from, int n) {
        Objects.requireNonNull(a, name);
        if (from < 0 || n < 0 || from + n > a.length) {
            throw new IllegalArgumentException("bars [" + from + ", " + (from + n) + ") outside the "
                    + a.length + " " + name + " values supplied");
        }
    }
}
