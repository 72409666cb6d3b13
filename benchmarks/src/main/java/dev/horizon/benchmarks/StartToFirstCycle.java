package dev.horizon.benchmarks;

import dev.horizon.adapters.broker.paper.PaperBroker;
import dev.horizon.adapters.broker.paper.PaperBrokerConfig;
import dev.horizon.adapters.data.replay.DemoData;
import dev.horizon.adapters.data.replay.ReplayFeed;
import dev.horizon.adapters.model.onnx.OnnxModelOptions;
import dev.horizon.adapters.model.onnx.OnnxModelRegistry;
import dev.horizon.adapters.persistence.sqlite.SqliteStateStore;
import dev.horizon.application.engine.CycleResult;
import dev.horizon.application.engine.EngineSettings;
import dev.horizon.application.engine.TradingEngine;
import dev.horizon.application.port.ControlInbox;
import dev.horizon.application.port.EventSink;
import dev.horizon.application.recovery.ReconciliationMode;
import dev.horizon.application.recovery.Reconciler;
import dev.horizon.application.time.SimulatedClock;
import dev.horizon.bootstrap.training.DemoModelRun;
import dev.horizon.domain.features.FeatureLibrary;
import dev.horizon.domain.market.Horizon;
import dev.horizon.domain.market.MarketCalendar;
import dev.horizon.domain.market.Symbol;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Start to first cycle of the demo, assembled the way the demo config describes it (BTC/USD
 * minute bars replayed from the bundled Bitstamp trades, the bundled ONNX run extracted and
 * checksum-verified, a paper account with its own file, SQLite state, strict reconciliation), in
 * a fresh JVM: prints the time of each phase and the JVM's uptime when the first cycle has been
 * saved, and the wall-clock time then (epoch ms) for an outside stopwatch. It builds the parts
 * directly, without the CLI's configuration loading and injector.
 *
 * <pre>
 * s=$(date +%s%3N); java -cp benchmarks/target/benchmarks.jar dev.horizon.benchmarks.StartToFirstCycle
 * </pre>
 */
public final class StartToFirstCycle {

    private StartToFirstCycle() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, Long> phases = new LinkedHashMap<>();
        long mark = System.nanoTime();
        long enteredMain = ManagementFactory.getRuntimeMXBean().getUptime();
        Path dir = Files.createTempDirectory("horizon-demo");
        MarketCalendar calendar = MarketCalendar.alwaysOpen();
        Instant tradeFrom = Instant.parse("2013-11-29T00:00:00Z");
        SimulatedClock clock = new SimulatedClock(tradeFrom.minusSeconds(1), calendar);

        ReplayFeed feed = ReplayFeed.builder(clock).spreadBps(1.0).add(DemoData.bitcoinMinuteBars()).build();
        mark = phase(phases, "market data: Bitstamp trades → minute bars", mark);

        OnnxModelRegistry models = OnnxModelRegistry.open(DemoModelRun.extractTo(dir.resolve("models")),
                OnnxModelOptions.of(1, calendar.sessionMinutes()), FeatureLibrary::isKnown);
        mark = phase(phases, "models: extract, verify checksums, open 13 ONNX sessions", mark);

        PaperBroker broker = new PaperBroker(PaperBrokerConfig.of(new BigDecimal("100000"))
                .withFees(BigDecimal.ONE, BigDecimal.ZERO).withStore(dir.resolve("broker.json")), feed, clock);
        SqliteStateStore store = SqliteStateStore.open(dir.resolve("state.db"));
        mark = phase(phases, "paper broker and SQLite state", mark);

        Symbol btc = DemoData.BTC_USD;
        List<Horizon> horizons = ReferenceScenario.demoHorizons();
        EngineSettings d = EngineSettings.defaults(List.of(btc), Duration.ofMinutes(1), horizons, "demo");
        EngineSettings settings = new EngineSettings(d.universe(), d.barInterval(), d.horizons(), d.historyBars(),
                d.volLookback(), Map.of(btc, new BigDecimal("0.0001")), d.defaultLotSize(), d.estimatedFeeBps(),
                d.prediction(), d.blending(), d.cost(), d.arbitration(), d.spreadGate(), d.barrierGate(), d.sizing(),
                d.killSwitch(), d.risk(), d.execution(), d.reconcileEveryCycles());
        TradingEngine engine = new TradingEngine(settings, new TradingEngine.Ports(feed, broker, store, models, clock,
                EventSink.discarding(), ControlInbox.none()), new Reconciler(broker, ReconciliationMode.STRICT,
                new BigDecimal("0.01")));
        engine.start();
        mark = phase(phases, "engine: recovery and reconciliation", mark);

        Instant first = feed.closeTimes().stream().filter(t -> !t.isBefore(tradeFrom)).findFirst().orElseThrow();
        clock.set(first);
        CycleResult result = engine.runCycle(first).orElseThrow();
        phase(phases, "first cycle (300 bars of history, 13 models, saved)", mark);
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        long endEpoch = System.currentTimeMillis();

        System.out.printf(Locale.ROOT, "JVM start to main: %d ms%n", enteredMain);
        phases.forEach((name, ms) -> System.out.printf(Locale.ROOT, "%s: %d ms%n", name, ms));
        System.out.printf(Locale.ROOT, "first cycle %d (%s, %d decision(s)) done %d ms after JVM start; epoch ms %d%n",
                result.cycleSeq(), result.time(), result.decisions().size(), uptime, endEpoch);
        engine.saveCheckpoint();
        store.close();
        broker.close();
        models.close();
        ReferenceRun.deleteTree(dir);
    }

    private static long phase(Map<String, Long> phases, String name, long since) {
        long now = System.nanoTime();
        phases.put(name, (now - since) / 1_000_000);
        return now;
    }
}
