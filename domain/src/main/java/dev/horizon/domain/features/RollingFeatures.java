package dev.horizon.domain.features;

import java.util.Objects;

/**
 * Evaluates the feature library at every bar of a long series, the way live serving sees it: row
 * {@code i} holds the features at bar {@code i} computed from bars
 * {@code max(0, i − historyBars + 1) .. i} only.
 *
 * <p>The bounded window matters because the EMAs (macd) recurse over whatever history they are
 * handed: live serving hands exactly {@code engine.history_bars} bars, so training export must
 * too, or the model would train on numbers it never sees live. Used by the {@code features} CLI
 * command and the training export. Not thread-safe.
 */
public final class RollingFeatures {

    /** Receives one feature row per bar; the row array is reused, copy it to keep it. */
    @FunctionalInterface
    public interface RowSink {
        /**
         * @param bar      the bar index the row belongs to
         * @param features the row, indexed as {@link FeatureLibrary#names()}
         */
        void accept(int bar, double[] features);
    }

    private final int historyBars;
    private final FeatureCalculator calculator = new FeatureCalculator();
    private final double[] row = new double[FeatureLibrary.size()];

    /**
     * @param historyBars bars of trailing history per row ({@code engine.history_bars}, default
     *                    {@link FeatureLibrary#DEFAULT_HISTORY_BARS})
     */
    public RollingFeatures(int historyBars) {
        if (historyBars <= 0) {
            throw new IllegalArgumentException("history_bars must be positive, was " + historyBars);
        }
        this.historyBars = historyBars;
    }

    /** A helper with the default history of {@value FeatureLibrary#DEFAULT_HISTORY_BARS} bars. */
    public static RollingFeatures withDefaultHistory() {
        return new RollingFeatures(FeatureLibrary.DEFAULT_HISTORY_BARS);
    }

    public int historyBars() {
        return historyBars;
    }

    /**
     * Streams one row per bar {@code 0 .. n−1}, oldest first, without holding them all: suits
     * writing a long export straight to a file.
     *
     * @param open accepted for a uniform OHLCV signature; may be null (no feature reads it)
     */
    public void forEachBar(double[] open, double[] high, double[] low, double[] close, double[] volume,
                           int n, RowSink sink) {
        Objects.requireNonNull(sink, "sink");
        if (n < 0) {
            throw new IllegalArgumentException("bar count must be >= 0, was " + n);
        }
        for (int i = 0; i < n; i++) {
            int from = Math.max(0, i - historyBars + 1);
            calculator.compute(open, high, low, close, volume, from, i - from + 1, row);
            sink.accept(i, row);
        }
    }

    /**
     * All rows at once: {@code result[i]} is the feature row at bar {@code i}.
     *
     * @param open accepted for a uniform OHLCV signature; may be null (no feature reads it)
     */
    public double[][] computeAll(double[] open, double[] high, double[] low, double[] close, double[] volume,
                                 int n) {
        if (n < 0) {
            throw new IllegalArgumentException("bar count must be >= 0, was " + n);
        }
        double[][] rows = new double[n][];
        forEachBar(open, high, low, close, volume, n, (bar, features) -> rows[bar] = features.clone());
        return rows;
    }
}
