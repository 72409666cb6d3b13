package dev.horizon.domain.features;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * A deliberately naive, independent implementation of PIPELINE.md §1.2 for cross-checking the
 * calculator on long random series: forward loops, one feature at a time, nothing shared, the
 * EMAs by their literal recursion.
 */
final class ReferenceFeatures {

    private static final MathContext MC = new MathContext(40);

    private ReferenceFeatures() {
    }

    static double[] at(double[] h, double[] l, double[] c, double[] v, int n) {
        double[] out = new double[Feature.values().length];
        java.util.Arrays.fill(out, Double.NaN);
        int t = n - 1;
        int[] retWindows = {1, 5, 10, 20, 60};
        Feature[] retFeatures = {Feature.RET_1D, Feature.RET_5D, Feature.RET_10D, Feature.RET_20D, Feature.RET_60D};
        for (int i = 0; i < retWindows.length; i++) {
            int k = retWindows[i];
            if (n >= k + 1) {
                out[retFeatures[i].ordinal()] = c[t] / c[t - k] - 1;
            }
        }
        int[] volWindows = {5, 10, 20, 60};
        Feature[] volFeatures = {Feature.VOL_5D, Feature.VOL_10D, Feature.VOL_20D, Feature.VOL_60D};
        for (int i = 0; i < volWindows.length; i++) {
            int k = volWindows[i];
            if (n >= k + 1) {
                double[] r = new double[k];
                for (int j = 0; j < k; j++) {
                    int bar = t - k + 1 + j;
                    r[j] = c[bar] / c[bar - 1] - 1;
                }
                out[volFeatures[i].ordinal()] = sampleStd(r);
            }
        }
        int[] rsiWindows = {7, 14, 21};
        Feature[] rsiFeatures = {Feature.RSI_7, Feature.RSI_14, Feature.RSI_21};
        for (int i = 0; i < rsiWindows.length; i++) {
            int w = rsiWindows[i];
            if (n >= w) {
                double g = 0;
                double lo = 0;
                for (int bar = t - w + 1; bar <= t; bar++) {
                    double d = bar == 0 ? 0 : c[bar] - c[bar - 1];
                    g += Math.max(d, 0);
                    lo += Math.max(-d, 0);
                }
                g /= w;
                lo /= w;
                out[rsiFeatures[i].ordinal()] = lo == 0 ? (g > 0 ? 100 : 50) : 100 - 100 / (1 + g / lo);
            }
        }
        int[] maWindows = {10, 20, 50};
        Feature[] maFeatures = {Feature.MA_RATIO_10, Feature.MA_RATIO_20, Feature.MA_RATIO_50};
        for (int i = 0; i < maWindows.length; i++) {
            int w = maWindows[i];
            if (n >= w) {
                out[maFeatures[i].ordinal()] = c[t] / mean(c, t - w + 1, t) - 1;
            }
        }
        if (n >= 20) {
            double m = mean(c, t - 19, t);
            double[] w = java.util.Arrays.copyOfRange(c, t - 19, t + 1);
            double s = sampleStd(w);
            out[Feature.BB_POSITION.ordinal()] = s == 0 ? 0.5 : (c[t] - (m - 2 * s)) / (4 * s);
            out[Feature.BB_WIDTH.ordinal()] = 4 * s / m;
        }
        // The EMAs in 40-digit decimal arithmetic: the literal recursion in double is itself off
        // by ~1e-14 (macd subtracts two EMAs near the price level), too much for a cross-check.
        BigDecimal[] x = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
            x[i] = new BigDecimal(c[i]);
        }
        BigDecimal[] e12 = ema(x, 12);
        BigDecimal[] e26 = ema(x, 26);
        BigDecimal[] macd = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
            macd[i] = e12[i].subtract(e26[i], MC);
        }
        BigDecimal[] signal = ema(macd, 9);
        out[Feature.MACD.ordinal()] = macd[t].doubleValue();
        out[Feature.MACD_SIGNAL.ordinal()] = signal[t].doubleValue();
        out[Feature.MACD_HIST.ordinal()] = macd[t].subtract(signal[t], MC).doubleValue();
        int[] momWindows = {5, 10, 20};
        Feature[] momFeatures = {Feature.MOM_5D, Feature.MOM_10D, Feature.MOM_20D};
        for (int i = 0; i < momWindows.length; i++) {
            int k = momWindows[i];
            if (n >= k + 1) {
                out[momFeatures[i].ordinal()] = c[t] - c[t - k];
            }
        }
        if (n >= 14) {
            double sum = 0;
            for (int bar = t - 13; bar <= t; bar++) {
                double tr = h[bar] - l[bar];
                if (bar > 0) {
                    tr = Math.max(tr, Math.abs(h[bar] - c[bar - 1]));
                    tr = Math.max(tr, Math.abs(l[bar] - c[bar - 1]));
                }
                sum += tr;
            }
            out[Feature.ATR_14.ordinal()] = sum / 14;
        }
        out[Feature.HIGH_LOW_RANGE.ordinal()] = (h[t] - l[t]) / c[t];
        if (n >= 20) {
            double sma = mean(v, t - 19, t);
            out[Feature.VOLUME_MA_RATIO.ordinal()] = sma == 0 ? Double.NaN : v[t] / sma;
        }
        if (n >= 2) {
            out[Feature.VOLUME_CHANGE.ordinal()] = v[t - 1] == 0 ? Double.NaN : v[t] / v[t - 1] - 1;
        }
        if (n >= 20) {
            double max = Double.NEGATIVE_INFINITY;
            double min = Double.POSITIVE_INFINITY;
            for (int bar = Math.max(0, n - 252); bar <= t; bar++) {
                max = Math.max(max, c[bar]);
                min = Math.min(min, c[bar]);
            }
            out[Feature.CLOSE_TO_HIGH_52W.ordinal()] = c[t] / max;
            out[Feature.CLOSE_TO_LOW_52W.ordinal()] = min == 0 ? Double.NaN : c[t] / min;
        }
        return out;
    }

    private static double mean(double[] x, int from, int to) {
        double s = 0;
        for (int i = from; i <= to; i++) {
            s += x[i];
        }
        return s / (to - from + 1);
    }

    private static double sampleStd(double[] x) {
        double m = mean(x, 0, x.length - 1);
        double ss = 0;
        for (double value : x) {
            ss += (value - m) * (value - m);
        }
        return Math.sqrt(ss / (x.length - 1));
    }

    private static BigDecimal[] ema(BigDecimal[] x, int span) {
        BigDecimal a = BigDecimal.valueOf(2).divide(BigDecimal.valueOf(span + 1), MC);
        BigDecimal b = BigDecimal.ONE.subtract(a, MC);
        BigDecimal[] y = new BigDecimal[x.length];
        y[0] = x[0];
        for (int i = 1; i < x.length; i++) {
            y[i] = b.multiply(y[i - 1], MC).add(a.multiply(x[i], MC), MC);
        }
        return y;
    }
}
