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
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The feature side of one cycle in isolation: every symbol gets its next bar, then the whole
 * feature row ({@code features}) or the reference run's Conv1d window — 32 bars × 5 channels, log
 * returns — ({@code sequences}) is computed for every symbol. {@code path=SERIES} recomputes from
 * the {@link BarSeries} (what the engine did before {@link BarWindow}), {@code path=WINDOW} goes
 * through each symbol's {@link BarWindow}. {@code volatility} is σ_bar over 60 log returns per
 * symbol: {@code SERIES} takes the 60 logarithms from the closes every cycle (as
 * {@code Volatility} did before the series kept each bar's log return), {@code WINDOW} reads the
 * series' cached log returns. Time per cycle of {@code symbols} symbols.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar FeatureBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 3, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class FeatureBenchmark {

    /** Where the features are computed from. */
    public enum Path { SERIES, WINDOW }

    @Param({"SERIES", "WINDOW"})
    public Path path;

    @Param({"500"})
    public int symbols;

    @Param({"300"})
    public int historyBars;

    private BarSeries[] series;
    private BarWindow[] windows;
    private double[] prices;
    private final FeatureCalculator calculator = new FeatureCalculator();
    private final double[] row = new double[FeatureLibrary.size()];
    private final SequenceWindow sequence = SequenceWindow.of(32, SequenceWindow.DEFAULT_CHANNELS, "log_returns");
    private float[] batch;
    private final Volatility volatility = Volatility.withDefaultLookback();
    private double[] closes;
    private final SplittableRandom random = new SplittableRandom(20240102);
    private Instant time = Instant.parse("2024-01-02T00:00:00Z");

    @Setup
    public void setUp() {
        series = new BarSeries[symbols];
        windows = new BarWindow[symbols];
        prices = new double[symbols];
        batch = new float[symbols * sequence.width()];
        closes = new double[historyBars];
        for (int s = 0; s < symbols; s++) {
            series[s] = new BarSeries(Symbol.of("S" + s), historyBars);
            windows[s] = new BarWindow(series[s]);
            prices[s] = 100.0;
        }
        for (int i = 0; i < historyBars; i++) {
            nextBars();
        }
    }

    /** One bar per symbol, the GBM of the reference scenario (σ 0.1 % per bar). */
    private void nextBars() {
        time = time.plusSeconds(60);
        for (int s = 0; s < symbols; s++) {
            double open = prices[s];
            double close = open * Math.exp(0.001 * gaussian());
            prices[s] = close;
            double high = Math.max(open, close) * (1 + 0.0005 * random.nextDouble());
            double low = Math.min(open, close) * (1 - 0.0005 * random.nextDouble());
            series[s].add(new Bar(series[s].symbol(), time, open, high, low, close, 5000 + 10000 * random.nextDouble()));
        }
    }

    private double gaussian() {
        double u = random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }

    @Benchmark
    public double features() {
        nextBars();
        double sum = 0.0;
        for (int s = 0; s < symbols; s++) {
            if (path == Path.WINDOW) {
                calculator.compute(windows[s], row);
            } else {
                calculator.compute(series[s], row);
            }
            sum += row[0];
        }
        return sum;
    }

    @Benchmark
    public int sequences() {
        nextBars();
        int rows = 0;
        int width = sequence.width();
        for (int s = 0; s < symbols; s++) {
            boolean ok = path == Path.WINDOW
                    ? sequence.fill(windows[s], batch, rows * width)
                    : sequence.fill(series[s], batch, rows * width);
            if (ok) {
                rows++;
            }
        }
        return rows;
    }

    @Benchmark
    public double volatility() {
        nextBars();
        double sum = 0.0;
        for (int s = 0; s < symbols; s++) {
            if (path == Path.WINDOW) {
                sum += volatility.estimate(series[s]).sigmaBar();
            } else {
                int n = series[s].copyCloses(closes);
                sum += volatility.estimate(closes, n).sigmaBar();
            }
        }
        return sum;
    }

    /** The cost of the bars alone, to subtract from the two above. */
    @Benchmark
    public double barsOnly() {
        nextBars();
        return prices[0];
    }
}
