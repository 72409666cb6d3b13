package dev.horizon.bootstrap.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.horizon.adapters.broker.paper.PaperBroker;
import dev.horizon.adapters.broker.paper.PaperBrokerConfig;
import dev.horizon.adapters.data.simulated.SimulatedFeed;
import dev.horizon.adapters.persistence.json.DomainJson;
import dev.horizon.adapters.persistence.sqlite.SqliteStateStore;
import dev.horizon.application.engine.CycleResult;
import dev.horizon.application.engine.EngineSettings;
import dev.horizon.application.engine.TradingEngine;
import dev.horizon.application.port.ControlInbox;
import dev.horizon.application.port.EventSink;
import dev.horizon.application.port.ModelPort;
import dev.horizon.application.recovery.ReconciliationMode;
import dev.horizon.application.recovery.Reconciler;
import dev.horizon.application.time.SimulatedClock;
import dev.horizon.domain.journal.JournalEntry;
import dev.horizon.domain.market.Horizon;
import dev.horizon.domain.market.MarketCalendar;
import dev.horizon.domain.market.Symbol;
import dev.horizon.domain.prediction.InputMode;
import dev.horizon.domain.prediction.ModelKind;
import dev.horizon.domain.prediction.ModelSpec;
import dev.horizon.domain.sizing.SizingConfig;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The soak of TARGETS.md: many replay cycles through the real engine, SQLite state and paper
 * broker, measuring the heap after a full GC at checkpoints and the size of the saved snapshot.
 * Every window in the engine is bounded, so both must level off once the windows are full;
 * only the journal grows, by exactly one decision per symbol per cycle plus the orders' entries.
 *
 * <p>In the suite: 10,000 cycles. The full soak: {@code -Dhorizon.soak.cycles=100000}.
 */
class SoakTest {

    private static final int CYCLES = Integer.getInteger("horizon.soak.cycles", 10_000);
    private static final int SYMBOLS = 4;
    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    @TempDir
    Path dir;

    /** A cheap return model per horizon: a fixed blend of two features, the same every cycle. */
    private static ModelPort models(List<Horizon> horizons) {
        List<ModelSpec> specs = new ArrayList<>();
        for (Horizon h : horizons) {
            specs.add(new ModelSpec("ret_" + h + "/Linear", "ret_" + h, "Linear", h, ModelKind.REGRESSION,
                    InputMode.FEATURES, List.of("ret_1d", "rsi_14"), 0.2, 0, List.of(), "none"));
        }
        return new ModelPort() {
            @Override
            public List<ModelSpec> models() {
                return specs;
            }

            @Override
            public void predict(String modelId, float[] input, int rows, double[] out) {
                for (int i = 0; i < rows; i++) {
                    out[i] = 0.3 * input[2 * i] - 0.00002 * (input[2 * i + 1] - 50);
                }
            }

            @Override
            public void close() {
                // nothing held
            }
        };
    }

    @Test
    void memory_and_snapshot_size_stay_flat_and_the_journal_grows_only_with_decisions_and_orders() throws Exception {
        List<Horizon> horizons = List.of(Horizon.parse("5m", 1440), Horizon.parse("15m", 1440),
                Horizon.parse("60m", 1440));
        SimulatedClock clock = new SimulatedClock(START, MarketCalendar.alwaysOpen());
        List<Symbol> universe = SimulatedFeed.syntheticSymbols(SYMBOLS);
        SimulatedFeed feed = SimulatedFeed.builder(clock).seed(7).symbols(universe).firstClose(START.plusSeconds(60))
                .interval(Duration.ofMinutes(1)).bars(CYCLES + 300).volatilityPerBar(0.002).build();
        EngineSettings defaults = EngineSettings.defaults(universe, Duration.ofMinutes(1), horizons, "soak");
        // a ρ window the soak fills early (the default 2,000 sized signals per horizon would still be
        // filling at the end), so a flat snapshot proves the bound rather than a window not yet full
        SizingConfig d = defaults.sizing();
        SizingConfig sizing = new SizingConfig(200, 100, d.rhoPrior(), d.zMax(), d.targetDailyVol(), d.maxWeight(),
                d.noTradeBand(), d.grossTarget(), d.minOrderNotional());
        EngineSettings settings = new EngineSettings(universe, defaults.barInterval(), horizons, defaults.historyBars(),
                defaults.volLookback(), defaults.lotSizes(), defaults.defaultLotSize(), defaults.estimatedFeeBps(),
                defaults.prediction(), defaults.blending(), defaults.cost(), defaults.arbitration(), defaults.spreadGate(),
                defaults.barrierGate(), sizing, defaults.killSwitch(), defaults.risk(), defaults.execution(),
                defaults.reconcileEveryCycles());
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        List<Long> heap = new ArrayList<>();
        List<Integer> snapshotBytes = new ArrayList<>();
        long orders = 0;
        long journalEntries;
        try (SqliteStateStore store = SqliteStateStore.open(dir.resolve("state.db"));
             PaperBroker broker = new PaperBroker(PaperBrokerConfig.of(new BigDecimal("100000")), feed, clock)) {
            TradingEngine engine = new TradingEngine(settings, new TradingEngine.Ports(feed, broker, store,
                    models(horizons), clock, EventSink.discarding(), ControlInbox.none()),
                    new Reconciler(broker, ReconciliationMode.STRICT, new BigDecimal("0.01")));
            engine.start();
            List<Instant> closes = feed.closeTimes().subList(300, 300 + CYCLES);
            int checkpoint = CYCLES / 5;
            for (int i = 0; i < closes.size(); i++) {
                clock.set(closes.get(i));
                Optional<CycleResult> r = engine.runCycle(closes.get(i));
                orders += r.map(c -> c.orders().size()).orElse(0);
                if ((i + 1) % checkpoint == 0) {
                    System.gc();
                    heap.add(memory.getHeapMemoryUsage().getUsed());
                    snapshotBytes.add(DomainJson.mapper().writeValueAsBytes(store.load().orElseThrow()).length);
                }
            }
            journalEntries = store.journal(0, Long.MAX_VALUE).size();
            long decisions = store.journal(0, Long.MAX_VALUE).stream()
                    .filter(e -> e instanceof JournalEntry.DecisionRecorded).count();
            assertThat(decisions).isEqualTo((long) CYCLES * SYMBOLS);
        }
        System.out.printf("soak: %d cycles x %d symbols, %d orders, heap after GC at checkpoints (MB): %s,"
                        + " snapshot bytes: %s, journal entries: %d%n", CYCLES, SYMBOLS, orders,
                heap.stream().map(b -> String.format("%.1f", b / 1048576.0)).toList(), snapshotBytes, journalEntries);

        assertThat(orders).as("the soak trades").isPositive();
        // after the first checkpoint every window is full: memory and the snapshot stop growing
        long growth = heap.get(heap.size() - 1) - heap.get(1);
        assertThat(growth).as("heap growth after warm-up, bytes").isLessThan(16L * 1024 * 1024);
        int first = snapshotBytes.get(1);
        assertThat(snapshotBytes.subList(1, snapshotBytes.size())).allMatch(b -> b < first * 1.05 && b > first * 0.95);
    }
}
