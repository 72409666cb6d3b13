package dev.horizon.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import dev.horizon.application.backtest.BacktestResult;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import jdk.jfr.Recording;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The backtest of the reference scenario with its heap watched: prints the throughput in
 * symbol-bars/s and, per block of cycles, the lowest and the highest heap in use right after a
 * garbage collection (a young collection leaves old garbage in place, so these bound the live set
 * from above). With {@code --live true} it instead runs a full collection at the end of each
 * block and prints the exact live set (this costs time: use it for the heap, not the
 * throughput). Run it with {@code -Xmx512m}: a run that completes there with a live set that stays
 * flat after warm-up meets the target.
 *
 * <pre>
 * java -Xms512m -Xmx512m -cp benchmarks/target/benchmarks.jar dev.horizon.benchmarks.BacktestHarness \
 *     --models stub|onnx|bundled --symbols 100 --bars 20000 --every 2000 [--profile true] [--live true] [--hash true]
 * </pre>
 */
public final class BacktestHarness {

    /** Names of the heap's memory pools (eden, survivor, old): the after-GC figures count only these. */
    private static final Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());

    private BacktestHarness() {
    }

    public static void main(String[] argv) throws IOException {
        Args args = new Args(argv);
        EngineFixture.Models models = args.models("stub");
        int symbols = args.integer("symbols", ReferenceScenario.BACKTEST_SYMBOLS);
        int bars = args.integer("bars", ReferenceScenario.BACKTEST_BARS);
        int every = args.integer("every", 2000);
        AtomicLong afterGc = new AtomicLong();
        AtomicLong blockAfterGc = new AtomicLong();
        AtomicLong blockFloor = new AtomicLong(Long.MAX_VALUE);
        AtomicInteger gcs = new AtomicInteger();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((n, h) -> {
                if (!n.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                    return;
                }
                GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                        .filter(e -> HEAP_POOLS.contains(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
                afterGc.set(used);
                blockAfterGc.accumulateAndGet(used, Math::max);
                blockFloor.accumulateAndGet(used, Math::min);
                gcs.incrementAndGet();
            }, null, null);
        }
        long maxHeap = Runtime.getRuntime().maxMemory();
        System.out.printf(Locale.ROOT, "backtest %s models, %d symbols × %d bars, max heap %d MB, %s%n", models, symbols,
                bars, maxHeap >> 20, ManagementFactory.getGarbageCollectorMXBeans().stream()
                        .map(GarbageCollectorMXBean::getName).toList());
        System.out.println("| cycles | heap after GC: lowest in block (MB) | highest in block (MB) | GCs so far |");
        System.out.println("|---:|---:|---:|---:|");
        boolean profile = args.text("profile", "false").equals("true");
        // --live true: a full collection at the end of each block measures the live set exactly
        boolean live = args.text("live", "false").equals("true");
        try (EngineFixture fixture = EngineFixture.backtest(symbols, bars, models, EngineFixture.Store.MEMORY);
             Recording recording = profile ? CycleProfile.recording() : null) {
            boolean hash = args.text("hash", "false").equals("true");
            if (hash) {
                ((InMemoryStateStore) fixture.store).hashJournal();
            }
            System.gc();
            if (live) {
                System.out.printf(Locale.ROOT, "| 0 | live set after a full GC: %.0f MB (the generated bars, models, an"
                        + " engine that has learned nothing yet) |%n",
                        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0);
            }
            if (recording != null) {
                recording.start();
            }
            BacktestResult result = fixture.runBacktest((r, state, done, total) -> {
                if (done % every == 0 || done == total) {
                    if (live) {
                        System.gc();
                        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                        System.out.printf(Locale.ROOT, "| %d | live set after a full GC: %.0f MB |%n", done,
                                used / 1048576.0);
                        return;
                    }
                    long floor = blockFloor.getAndSet(Long.MAX_VALUE);
                    System.out.printf(Locale.ROOT, "| %d | %.0f | %.0f | %d |%n", done,
                            (floor == Long.MAX_VALUE ? afterGc.get() : floor) / 1048576.0,
                            blockAfterGc.getAndSet(0) / 1048576.0, gcs.get());
                }
            });
            double seconds = result.elapsed().toNanos() / 1e9;
            long gcMillis = ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
            System.out.printf(Locale.ROOT, "%d cycles, %d orders, %d fills in %.2f s: %.0f symbol-bars/s"
                            + " (GC pauses %.1f s in all; engine thread CPU %.1f s)%n",
                    result.cycles(), result.orders().size(), result.fills().size(), seconds,
                    (double) symbols * result.cycles() / seconds, gcMillis / 1e3,
                    ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1e9);
            if (hash) {
                System.out.println("journal sha-256 " + ((InMemoryStateStore) fixture.store).journalHash()
                        + " (" + ((InMemoryStateStore) fixture.store).entries() + " entries)");
            }
            if (recording != null) {
                recording.stop();
                Path jfr = Files.createTempFile("backtest", ".jfr");
                recording.dump(jfr);
                CycleProfile.report(jfr, result.elapsed().toNanos() / result.cycles(), (int) result.cycles(),
                        "backtest " + models + ", " + symbols + " symbols", args.text("focus", ""));
            }
        }
    }
}
