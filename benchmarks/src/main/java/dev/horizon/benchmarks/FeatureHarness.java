package dev.horizon.benchmarks;

import dev.horizon.domain.features.BarWindow;
import dev.horizon.domain.market.BarSeries;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

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

    private final FeatureWorkload work;
    private double sink;

    private FeatureHarness(int symbols, int historyBars) {
        this.work = new FeatureWorkload(symbols, historyBars);
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
            h.work.nextBars();
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
                        h.work.nextBars();
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
        sink += switch (kind) {
            case 0 -> work.features(window);
            case 1 -> work.sequences(window);
            default -> work.volatility(window);
        };
    }
}
