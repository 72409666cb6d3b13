package dev.horizon.bootstrap.engine;

import dev.horizon.adapters.broker.paper.PaperBroker;
import dev.horizon.adapters.broker.paper.PaperBrokerConfig;
import dev.horizon.adapters.data.replay.DemoData;
import dev.horizon.adapters.data.replay.ReplayFeed;
import dev.horizon.adapters.persistence.sqlite.SqliteStateStore;
import dev.horizon.application.engine.CycleResult;
import dev.horizon.application.engine.EngineSettings;
import dev.horizon.application.engine.TradingEngine;
import dev.horizon.application.port.BrokerPort;
import dev.horizon.application.port.ControlInbox;
import dev.horizon.application.port.EventSink;
import dev.horizon.application.port.ModelPort;
import dev.horizon.application.recovery.ReconciliationMode;
import dev.horizon.application.recovery.Reconciler;
import dev.horizon.application.time.SimulatedClock;
import dev.horizon.domain.market.Bar;
import dev.horizon.domain.market.MarketCalendar;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A real engine over the bundled BTC/USD minute bars: replay feed, paper broker with its own
 * account file, SQLite state on disk — only the models are scripted. Built fresh for each
 * "process" a test simulates; the broker file and the database outlive it, as they would a crash.
 */
final class EngineHarness implements AutoCloseable {

    static final List<Bar> BITCOIN = DemoData.bitcoinMinuteBars().barsOf(DemoData.BTC_USD);

    final Path dir;
    final SimulatedClock clock;
    final ReplayFeed feed;
    final PaperBroker broker;
    final SqliteStateStore store;
    final TradingEngine engine;
    final EngineSettings settings;
    private final List<Instant> closes;
    private int next;

    EngineHarness(Path dir, ModelPort models, UnaryOperator<EngineSettings> tune, ReconciliationMode mode,
                  Instant start, UnaryOperator<BrokerPort> brokerWrapper) {
        this.dir = dir;
        this.clock = new SimulatedClock(start, MarketCalendar.alwaysOpen());
        this.feed = ReplayFeed.builder(clock).spreadBps(1.0).add(DemoData.BTC_USD, BITCOIN).build();
        this.broker = new PaperBroker(PaperBrokerConfig.of(new BigDecimal("100000.00"))
                .withFees(new BigDecimal("1"), BigDecimal.ZERO)
                .withStore(dir.resolve("broker.json")), feed, clock);
        this.store = SqliteStateStore.open(dir.resolve("state.db"));
        this.settings = tune.apply(settingsFor());
        BrokerPort port = brokerWrapper.apply(broker);
        this.engine = new TradingEngine(settings,
                new TradingEngine.Ports(feed, port, store, models, clock, EventSink.discarding(), ControlInbox.none()),
                new Reconciler(port, mode, new BigDecimal("0.01")));
        this.closes = feed.closeTimes().stream().filter(t -> !t.isBefore(start)).toList();
    }

    static EngineSettings settingsFor() {
        return EngineSettings.defaults(List.of(DemoData.BTC_USD), java.time.Duration.ofMinutes(1),
                List.of(dev.horizon.domain.market.Horizon.parse("5m", 1440),
                        dev.horizon.domain.market.Horizon.parse("15m", 1440)), "test");
    }

    /** Runs the next {@code n} bars; returns the cycles that ran. */
    List<CycleResult> run(int n) {
        List<CycleResult> results = new ArrayList<>();
        for (int i = 0; i < n && next < closes.size(); i++, next++) {
            Instant t = closes.get(next);
            clock.set(t);
            Optional<CycleResult> r = engine.runCycle(t);
            r.ifPresent(results::add);
        }
        return results;
    }

    Instant nextClose() {
        return closes.get(next);
    }

    @Override
    public void close() {
        store.close();
        broker.close();
    }
}
