package dev.horizon.benchmarks;

import dev.horizon.adapters.persistence.sqlite.SqliteStateStore;
import dev.horizon.domain.journal.JournalEntry;
import dev.horizon.domain.snapshot.EngineSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What one SQLite save costs once the engine is in its steady state: runs the reference scenario
 * on the in-memory store until the 1d prediction ledgers are full, then {@code --saves} times takes
 * a checkpoint (every learned statistic afresh, as the engine does every few hundred cycles) and
 * saves it with the last cycle's 500 decisions into a SQLite state store (WAL, synchronous=FULL,
 * the product default) twice: the first save writes the learned statistics, the second hands the
 * same objects again, as every cycle between two checkpoints does, and writes only the ledger. A
 * full SQLite-backed run to the steady state would take hours.
 *
 * <pre>
 * java -Xmx3g -cp benchmarks/target/benchmarks.jar dev.horizon.benchmarks.SqliteSaveHarness --warmup 1500 --saves 3
 * </pre>
 */
public final class SqliteSaveHarness {

    private SqliteSaveHarness() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        int warmup = args.integer("warmup", 1500);
        int saves = args.integer("saves", 5);
        int symbols = args.integer("symbols", ReferenceScenario.CYCLE_SYMBOLS);
        EngineFixture.Models models = args.models("stub");
        try (EngineFixture fixture = EngineFixture.streaming(symbols, models, EngineFixture.Store.MEMORY)) {
            for (int i = 0; i < warmup; i++) {
                fixture.runNextCycle();
            }
            long cycle = fixture.engine.state().cycleSeq();
            List<JournalEntry> decisions = fixture.store.journal(cycle, cycle);
            Path dir = Files.createTempDirectory("horizon-sqlite");
            long[] checkpointSaves = new long[saves];
            long[] cycleSaves = new long[saves];
            int pending = 0;
            try (SqliteStateStore store = SqliteStateStore.open(dir.resolve("state.db"))) {
                for (int i = 0; i < saves; i++) {
                    EngineSnapshot snapshot = fixture.engine.saveCheckpoint();
                    pending = snapshot.learned().prediction().models().values().stream()
                            .mapToInt(m -> m.ledger().size()).max().orElse(0);
                    checkpointSaves[i] = timedSave(store, snapshot, decisions);
                    cycleSaves[i] = timedSave(store, snapshot, decisions);
                }
                long bytes = Files.size(dir.resolve("state.db")) + sizeOrZero(dir.resolve("state.db-wal"));
                System.out.printf(Locale.ROOT, "%s, %d symbols after %d cycles: %d pending predictions per 1d model;"
                                + " SQLite save of the snapshot + %d decisions, %d times each: with new learned"
                                + " statistics (a checkpoint) %s; with the same ones (every other cycle) %s;"
                                + " database + WAL %.0f MB%n",
                        models, symbols, warmup, pending, decisions.size(), saves, describe(checkpointSaves),
                        describe(cycleSaves), bytes / 1048576.0);
            }
            ReferenceRun.deleteTree(dir);
        }
    }

    private static long timedSave(SqliteStateStore store, EngineSnapshot snapshot, List<JournalEntry> decisions) {
        long t0 = System.nanoTime();
        store.save(snapshot, decisions);
        return System.nanoTime() - t0;
    }

    private static String describe(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "median %.0f ms (min %.0f, max %.0f)",
                sorted[sorted.length / 2] / 1e6, sorted[0] / 1e6, sorted[sorted.length - 1] / 1e6);
    }

    private static long sizeOrZero(Path file) throws java.io.IOException {
        return Files.exists(file) ? Files.size(file) : 0;
    }
}
