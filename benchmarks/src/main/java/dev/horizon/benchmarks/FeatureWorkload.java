package dev.horizon.benchmarks;

import dev.horizon.domain.features.BarWindow;
import dev.horizon.domain.features.FeatureCalculator;
import dev.horizon.domain.features.FeatureLibrary;
import dev.horizon.domain.features.SequenceWindow;
import dev.horizon.domain.features.Volatility;
import dev.horizon.domain.market.Bar;
import dev.horizon.domain.market.BarSeries;
import dev.horizon.domain.market.Symbol;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * The feature side of a cycle, for {@link FeatureBenchmark} and {@link FeatureHarness}: a universe
 * of GBM series (the reference scenario's σ 0.1 % per bar) each with its {@link BarWindow}, and
 * the three pieces of work measured, each either from the {@link BarSeries} (copy and recompute,
 * the engine before {@code BarWindow}) or from the window.
 */
final class FeatureWorkload {

    private final int symbols;
    private final BarSeries[] series;
    private final BarWindow[] windows;
    private final double[] prices;
    private final FeatureCalculator calculator = new FeatureCalculator();
    private final double[] row = new double[FeatureLibrary.size()];
    private final SequenceWindow sequence = SequenceWindow.of(32, SequenceWindow.DEFAULT_CHANNELS, "log_returns");
    private final float[] batch;
    private final Volatility volatility = Volatility.withDefaultLookback();
    private final double[] closes;
    private final SplittableRandom random = new SplittableRandom(20240102);
    private Instant time = Instant.parse("2024-01-02T00:00:00Z");

    /** {@code symbols} series of {@code historyBars} bars each, full. */
    FeatureWorkload(int symbols, int historyBars) {
        this.symbols = symbols;
        this.series = new BarSeries[symbols];
        this.windows = new BarWindow[symbols];
        this.prices = new double[symbols];
        this.batch = new float[symbols * sequence.width()];
        this.closes = new double[historyBars];
        for (int s = 0; s < symbols; s++) {
            series[s] = new BarSeries(Symbol.of("S" + s), historyBars);
            windows[s] = new BarWindow(series[s]);
            prices[s] = 100.0;
        }
        for (int i = 0; i < historyBars; i++) {
            nextBars();
        }
    }

    /** One bar per symbol. */
    double nextBars() {
        time = time.plusSeconds(60);
        for (int s = 0; s < symbols; s++) {
            double open = prices[s];
            double close = open * Math.exp(0.001 * gaussian());
            prices[s] = close;
            double high = Math.max(open, close) * (1 + 0.0005 * random.nextDouble());
            double low = Math.min(open, close) * (1 - 0.0005 * random.nextDouble());
            series[s].add(new Bar(series[s].symbol(), time, open, high, low, close, 5000 + 10000 * random.nextDouble()));
        }
        return prices[0];
    }

    /** The whole feature row of every symbol; a value of the rows, so that nothing is optimised away. */
    double features(boolean fromWindow) {
        double sum = 0.0;
        for (int s = 0; s < symbols; s++) {
            if (fromWindow) {
                calculator.compute(windows[s], row);
            } else {
                calculator.compute(series[s], row);
            }
            sum += row[20];
        }
        return sum;
    }

    /** The reference run's Conv1d input (32 bars × 5 channels, log returns) of every symbol: the rows filled. */
    int sequences(boolean fromWindow) {
        int rows = 0;
        int width = sequence.width();
        for (int s = 0; s < symbols; s++) {
            boolean ok = fromWindow
                    ? sequence.fill(windows[s], batch, rows * width)
                    : sequence.fill(series[s], batch, rows * width);
            if (ok) {
                rows++;
            }
        }
        return rows;
    }

    /**
     * σ_bar over 60 log returns of every symbol: from the series' cached log returns, or taking the
     * 60 logarithms from the closes (as {@code Volatility} did before the series kept them).
     */
    double volatility(boolean fromSeriesLogReturns) {
        double sum = 0.0;
        for (int s = 0; s < symbols; s++) {
            if (fromSeriesLogReturns) {
                sum += volatility.estimate(series[s]).sigmaBar();
            } else {
                int n = series[s].copyCloses(closes);
                sum += volatility.estimate(closes, n).sigmaBar();
            }
        }
        return sum;
    }

    private double gaussian() {
        double u = random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }
}
