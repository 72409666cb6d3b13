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
 * on the in-memory store until the 1d prediction ledgers are full, takes the engine's snapshot with
 * every learned statistic afresh and the last cycle's 500 decisions, and saves them into a SQLite
 * state store (WAL, synchronous=FULL, the product default) {@code --saves} times. An SQLite-backed
 * cycle costs the in-memory cycle plus this save (the store serialises the whole snapshot as JSON
 * at every save, whether its learned part changed or not). A full SQLite-backed run to the steady
 * state would take hours.
 *
 * <pre>
 * java -Xmx3g -cp benchmarks/target/benchmarks.jar dev.horizon.benchmarks.SqliteSaveHarness --warmup 1500 --saves 5
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
            EngineSnapshot snapshot = fixture.engine.saveCheckpoint();
            Path dir = Files.createTempDirectory("horizon-sqlite");
            long[] nanos = new long[saves];
            try (SqliteStateStore store = SqliteStateStore.open(dir.resolve("state.db"))) {
                for (int i = 0; i < saves; i++) {
                    long t0 = System.nanoTime();
                    store.save(snapshot, decisions);
                    nanos[i] = System.nanoTime() - t0;
                }
                long bytes = Files.size(dir.resolve("state.db")) + sizeOrZero(dir.resolve("state.db-wal"));
                Arrays.sort(nanos);
                System.out.printf(Locale.ROOT, "%s, %d symbols after %d cycles: %d pending 1d predictions per 1d model;"
                                + " SQLite save of the snapshot + %d decisions: median %.0f ms (min %.0f, max %.0f) over %d"
                                + " saves; database + WAL %.0f MB%n",
                        models, symbols, warmup, snapshot.learned().prediction().models().values().stream()
                                .mapToInt(m -> m.ledger().size()).max().orElse(0),
                        decisions.size(), nanos[saves / 2] / 1e6, nanos[0] / 1e6, nanos[saves - 1] / 1e6, saves,
                        bytes / 1048576.0);
            }
            ReferenceRun.deleteTree(dir);
        }
    }

    private static long sizeOrZero(Path file) throws java.io.IOException {
        return Files.exists(file) ? Files.size(file) : 0;
    }
}
