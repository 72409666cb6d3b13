package dev.horizon.benchmarks;

import dev.horizon.application.engine.CycleResult;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Times single cycles of the reference scenario outside JMH: {@code --warmup} cycles (JIT, and
 * long enough to fill the 1d prediction ledgers: 1,452 cycles), then {@code --measure} cycles
 * each timed with {@code System.nanoTime()}; prints the percentiles, and the CPU time of the
 * engine thread per cycle (on a shared machine, wall time also counts time spent descheduled). A cross-check of
 * {@link CycleBenchmark}, and the quickest way to look at one configuration.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.horizon.benchmarks.CycleHarness \
 *     --models stub|onnx|bundled --store memory|sqlite --symbols 500 --warmup 1500 --measure 2000
 * </pre>
 */
public final class CycleHarness {

    private CycleHarness() {
    }

    public static void main(String[] argv) {
        Args args = new Args(argv);
        EngineFixture.Models models = args.models("stub");
        EngineFixture.Store store = args.store("memory");
        int symbols = args.integer("symbols", ReferenceScenario.CYCLE_SYMBOLS);
        int warmup = args.integer("warmup", 1500);
        int measure = args.integer("measure", 2000);
        int slowest = args.integer("slowest", 0);
        try (EngineFixture fixture = EngineFixture.streaming(symbols, models, store)) {
            long began = System.nanoTime();
            long orders = 0;
            for (int i = 0; i < warmup; i++) {
                orders += fixture.runNextCycle().map(r -> r.orders().size()).orElse(0);
                if ((i + 1) % 250 == 0) {
                    System.out.printf(Locale.ROOT, "warm-up %d cycles, %.1f s, %d orders%n", i + 1,
                            (System.nanoTime() - began) / 1e9, orders);
                }
            }
            long[] nanos = new long[measure];
            long[] cpu = new long[measure];
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            com.sun.management.ThreadMXBean allocations = (com.sun.management.ThreadMXBean) threads;
            long self = Thread.currentThread().getId();
            long cpu0 = threads.getCurrentThreadCpuTime();
            long bytes0 = allocations.getThreadAllocatedBytes(self);
            orders = 0;
            CycleTail tail = new CycleTail(measure);
            for (int i = 0; i < measure; i++) {
                long gcs = CycleTail.collections();
                Object learned = fixture.store instanceof InMemoryStateStore m ? m.lastLearned() : null;
                long c0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                Optional<CycleResult> r = fixture.runNextCycle();
                nanos[i] = System.nanoTime() - t0;
                cpu[i] = threads.getCurrentThreadCpuTime() - c0;
                int placed = r.map(c -> c.orders().size()).orElse(0);
                orders += placed;
                boolean checkpoint = fixture.store instanceof InMemoryStateStore m && m.lastLearned() != learned;
                tail.record(i, fixture.engine.state().cycleSeq(), nanos[i], cpu[i], placed,
                        CycleTail.collections() - gcs, checkpoint);
            }
            if (slowest > 0) {
                tail.print(slowest);
            }
            double cpuPerCycle = (threads.getCurrentThreadCpuTime() - cpu0) / 1e6 / measure;
            double kbPerCycle = (allocations.getThreadAllocatedBytes(self) - bytes0) / 1024.0 / measure;
            Arrays.sort(nanos);
            Arrays.sort(cpu);
            System.out.printf(Locale.ROOT, "%s/%s %d symbols, %d cycles after %d warm-up: p50 %.3f ms  p90 %.3f ms"
                            + "  p99 %.3f ms  p99.9 %.3f ms  max %.3f ms  mean %.3f ms  engine-thread CPU %.3f ms/cycle"
                            + " (p50 %.3f, p99 %.3f, p99.9 %.3f)  allocated %.0f KB/cycle  (%d orders)%n",
                    models, store, symbols, measure, warmup, ms(pct(nanos, 0.50)), ms(pct(nanos, 0.90)),
                    ms(pct(nanos, 0.99)), ms(pct(nanos, 0.999)), ms(nanos[nanos.length - 1]),
                    ms((long) Arrays.stream(nanos).average().orElse(0)), cpuPerCycle, ms(pct(cpu, 0.50)), ms(pct(cpu, 0.99)), ms(pct(cpu, 0.999)), kbPerCycle, orders);
        }
    }

    static long pct(long[] sorted, double p) {
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }
}
