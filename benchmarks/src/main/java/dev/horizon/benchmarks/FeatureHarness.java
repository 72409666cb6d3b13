package dev.horizon.benchmarks;

import dev.horizon.domain.features.BarWindow;
import dev.horizon.domain.features.FeatureCalculator;
import dev.horizon.domain.features.FeatureLibrary;
import dev.horizon.domain.features.SequenceWindow;
import dev.horizon.domain.features.Volatility;
import dev.horizon.domain.market.Bar;
import dev.horizon.domain.market.BarSeries;
import dev.horizon.domain.market.Symbol;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The feature side of a cycle in thread CPU time, which a shared, oversubscribed machine disturbs
 * far less than wall time: every symbol gets its next bar, then one of
 * <ul>
 *   <li>{@code features}: the feature row of every symbol, from the {@link BarSeries}
 *       ({@code series}: copy and recompute, the engine before {@link BarWindow}) or from each
 *       symbol's {@link BarWindow} ({@code window});</li>
 *   <li>{@code sequences}: the reference run's Conv1d input (32 bars × 5 channels, log returns)
 *       of every symbol, from the series or from the window;</li>
 *   <li>{@code volatility}: σ_bar over 60 log returns, taking the 60 logarithms from the closes
 *       ({@code series}: as {@code Volatility} did before the series kept each bar's log return) or
 *       reading the series' log returns ({@code window}).</li>
 * </ul>
 * The two variants of each run in alternating blocks of cycles in one JVM, on the same bars; the
 * report gives the median over blocks of the CPU time per cycle.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.horizon.benchmarks.FeatureHarness --symbols 500 --blocks 40 --cycles 100
 * </pre>
 */
public final class FeatureHarness {

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
    private double sink;

    private FeatureHarness(int symbols, int historyBars) {
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

    public static void main(String[] argv) {
        Args args = new Args(argv);
        int symbols = args.integer("symbols", 500);
        int blocks = args.integer("blocks", 40);
        int cycles = args.integer("cycles", 100);
        FeatureHarness h = new FeatureHarness(symbols, args.integer("history", 300));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        String[] kinds = {"features", "sequences", "volatility"};
        double[][][] perCycle = new double[kinds.length][2][blocks];
        // warm-up: every variant, enough for C2
        for (int i = 0; i < 3000; i++) {
            h.nextBars();
            for (int k = 0; k < kinds.length; k++) {
                h.run(k, false);
                h.run(k, true);
            }
        }
        for (int b = 0; b < blocks; b++) {
            for (int k = 0; k < kinds.length; k++) {
                for (int v = 0; v < 2; v++) {
                    boolean window = b % 2 == 0 ? v == 1 : v == 0; // alternate which goes first
                    long cpu = 0;
                    for (int c = 0; c < cycles; c++) {
                        h.nextBars();
                        long t0 = threads.getCurrentThreadCpuTime();
                        h.run(k, window);
                        cpu += threads.getCurrentThreadCpuTime() - t0;
                    }
                    perCycle[k][window ? 1 : 0][b] = cpu / 1e3 / cycles;
                }
            }
        }
        System.out.printf(Locale.ROOT, "feature side, %d symbols, %d blocks of %d cycles, CPU µs per cycle "
                + "(median, [p25, p75]):%n", symbols, blocks, cycles);
        for (int k = 0; k < kinds.length; k++) {
            double[] s = perCycle[k][0];
            double[] w = perCycle[k][1];
            System.out.printf(Locale.ROOT, "%-10s series %8.1f [%.1f, %.1f]   window %8.1f [%.1f, %.1f]   ratio %.2f%n",
                    kinds[k], q(s, 0.5), q(s, 0.25), q(s, 0.75), q(w, 0.5), q(w, 0.25), q(w, 0.75),
                    q(s, 0.5) / q(w, 0.5));
        }
        if (h.sink == 42.0) {
            System.out.println();
        }
    }

    private static double q(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.round(p * (sorted.length - 1))];
    }

    private void run(int kind, boolean window) {
        switch (kind) {
            case 0 -> {
                for (int s = 0; s < symbols; s++) {
                    if (window) {
                        calculator.compute(windows[s], row);
                    } else {
                        calculator.compute(series[s], row);
                    }
                    sink += row[20];
                }
            }
            case 1 -> {
                int rows = 0;
                int width = sequence.width();
                for (int s = 0; s < symbols; s++) {
                    boolean ok = window
                            ? sequence.fill(windows[s], batch, rows * width)
                            : sequence.fill(series[s], batch, rows * width);
                    if (ok) {
                        rows++;
                    }
                }
                sink += rows;
            }
            default -> {
                for (int s = 0; s < symbols; s++) {
                    if (window) {
                        sink += volatility.estimate(series[s]).sigmaBar();
                    } else {
                        int n = series[s].copyCloses(closes);
                        sink += volatility.estimate(closes, n).sigmaBar();
                    }
                }
            }
        }
    }

    /** One bar per symbol, the GBM of the reference scenario (σ 0.1 % per bar). */
    private void nextBars() {
        time = time.plusSeconds(60);
        for (int s = 0; s < symbols; s++) {
            double open = prices[s];
            double u = random.nextDouble();
            double v = random.nextDouble();
            double z = Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
            double close = open * Math.exp(0.001 * z);
            prices[s] = close;
            double high = Math.max(open, close) * (1 + 0.0005 * random.nextDouble());
            double low = Math.min(open, close) * (1 - 0.0005 * random.nextDouble());
            series[s].add(new Bar(series[s].symbol(), time, open, high, low, close, 5000 + 10000 * random.nextDouble()));
        }
    }
}
