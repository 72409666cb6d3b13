package dev.horizon.benchmarks;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * What the slowest cycles of a {@link CycleHarness} run had in common: for each cycle its time, CPU
 * time, orders placed, collections that ran during it and whether the engine took a learned-state
 * checkpoint; {@link #print} lists the slowest and counts each cause among the slowest 1 %.
 */
final class CycleTail {

    private final long[] seq;
    private final long[] nanos;
    private final long[] cpu;
    private final int[] orders;
    private final long[] collections;
    private final boolean[] checkpoint;

    CycleTail(int cycles) {
        seq = new long[cycles];
        nanos = new long[cycles];
        cpu = new long[cycles];
        orders = new int[cycles];
        collections = new long[cycles];
        checkpoint = new boolean[cycles];
    }

    /** Collections of every collector so far. */
    static long collections() {
        long n = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += Math.max(0, gc.getCollectionCount());
        }
        return n;
    }

    void record(int i, long cycleSeq, long wallNanos, long cpuNanos, int placed, long gcs, boolean tookCheckpoint) {
        seq[i] = cycleSeq;
        nanos[i] = wallNanos;
        cpu[i] = cpuNanos;
        orders[i] = placed;
        collections[i] = gcs;
        checkpoint[i] = tookCheckpoint;
    }

    void print(int count) {
        Integer[] bySlowness = IntStream.range(0, nanos.length).boxed()
                .sorted(Comparator.comparingLong((Integer i) -> nanos[i]).reversed()).toArray(Integer[]::new);
        int onePercent = Math.max(1, nanos.length / 100);
        int gc = 0;
        int cp = 0;
        int ordered = 0;
        int reconcile = 0;
        int none = 0;
        for (int k = 0; k < onePercent; k++) {
            int i = bySlowness[k];
            boolean any = false;
            if (collections[i] > 0) {
                gc++;
                any = true;
            }
            if (checkpoint[i]) {
                cp++;
                any = true;
            }
            if (orders[i] > 0) {
                ordered++;
                any = true;
            }
            if (seq[i] % 10 == 0) {
                reconcile++;
            }
            if (!any) {
                none++;
            }
        }
        System.out.printf(Locale.ROOT, "slowest 1 %% (%d cycles): %d with a collection, %d with a checkpoint, %d placing"
                + " orders, %d on a reconciliation cycle (seq %% 10 == 0), %d with none of the first three;"
                + " checkpoints in the run %d, collections %d%n", onePercent, gc, cp, ordered, reconcile, none,
                count(checkpoint), Arrays.stream(collections).sum());
        for (int k = 0; k < Math.min(count, nanos.length); k++) {
            int i = bySlowness[k];
            System.out.printf(Locale.ROOT, "  cycle %d: %.3f ms (CPU %.3f)%s%s%s%n", seq[i], nanos[i] / 1e6, cpu[i] / 1e6,
                    collections[i] > 0 ? ", " + collections[i] + " GC" : "", checkpoint[i] ? ", checkpoint" : "",
                    orders[i] > 0 ? ", " + orders[i] + " orders" : "");
        }
    }

    private static int count(boolean[] flags) {
        int n = 0;
        for (boolean f : flags) {
            if (f) {
                n++;
            }
        }
        return n;
    }
}
