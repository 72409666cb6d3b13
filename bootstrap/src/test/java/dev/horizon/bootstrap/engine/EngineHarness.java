package dev.horizon.bootstrap.engine;

import dev.horizon.adapters.broker.paper.PaperBroker;
import dev.horizon.adapters.broker.paper.PaperBrokerConfig;
import dev.horizon.adapters.data.replay.DemoData;
import dev.horizon.adapters.data.replay.ReplayFeed;
import dev.horizon.adapters.persistence.control.FileControlInbox;
import dev.horizon.adapters.persistence.sqlite.SqliteStateStore;
import dev.horizon.application.engine.CycleResult;
import dev.horizon.application.engine.EngineSettings;
import dev.horizon.application.engine.TradingEngine;
import dev.horizon.application.port.BrokerPort;
import dev.horizon.application.port.ControlCommand;
import dev.horizon.application.port.ControlInbox;
import dev.horizon.application.port.EventSink;
import dev.horizon.application.port.MarketDataPort;
import dev.horizon.application.port.ModelPort;
import dev.horizon.application.port.StateStore;
import dev.horizon.application.recovery.ReconciliationMode;
import dev.horizon.application.recovery.Reconciler;
import dev.horizon.application.time.SimulatedClock;
import dev.horizon.domain.journal.JournalEntry;
import dev.horizon.domain.market.Bar;
import dev.horizon.domain.market.Horizon;
import dev.horizon.domain.market.MarketCalendar;
import dev.horizon.domain.market.Symbol;
import dev.horizon.domain.prediction.PredictionSettings;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A real engine over the bundled BTC/USD minute bars: replay feed, paper broker with its own
 * account file, SQLite state on disk — only the models are scripted. Each instance is one
 * "process"; the broker file and the database outlive it, as they would a crash.
 */
final class EngineHarness implements AutoCloseable {

    static final Symbol BTC = DemoData.BTC_USD;
    static final List<Bar> BITCOIN = DemoData.bitcoinMinuteBars().barsOf(BTC);
    static final Horizon H5 = Horizon.parse("5m", 1440);
    static final Horizon H15 = Horizon.parse("15m", 1440);
    /** First bar of the held-out days: the demo and these tests never see the training days traded. */
    static final Instant HELD_OUT = Instant.parse("2013-11-29T00:00:00Z");

    final Path dir;
    final SimulatedClock clock;
    final ReplayFeed feed;
    final PaperBroker broker;
    final StateStore store;
    final TradingEngine engine;
    final EngineSettings settings;
    final ControlInbox inbox;
    private final List<Instant> closes;
    private int next;

    /** How to build one engine "process". */
    record Options(ModelPort models, UnaryOperator<EngineSettings> tune, ReconciliationMode mode, Instant start,
                   UnaryOperator<BrokerPort> brokerWrapper, UnaryOperator<MarketDataPort> marketWrapper,
                   UnaryOperator<StateStore> storeWrapper, Map<Symbol, List<Bar>> extraBars,
                   Function<Path, ControlInbox> inbox) {

        static Options of(ModelPort models) {
            return new Options(models, s -> s, ReconciliationMode.STRICT, HELD_OUT, b -> b, m -> m, s -> s, Map.of(),
                    dir -> new Queue());
        }

        /** Operator commands from the file inbox beside the state database, as the CLI posts them. */
        Options fileInbox() {
            return new Options(models, tune, mode, start, brokerWrapper, marketWrapper, storeWrapper, extraBars,
                    dir -> FileControlInbox.beside(dir.resolve("state.db")));
        }

        Options tune(UnaryOperator<EngineSettings> t) {
            return new Options(models, t, mode, start, brokerWrapper, marketWrapper, storeWrapper, extraBars, inbox);
        }

        Options mode(ReconciliationMode m) {
            return new Options(models, tune, m, start, brokerWrapper, marketWrapper, storeWrapper, extraBars, inbox);
        }

        Options start(Instant s) {
            return new Options(models, tune, mode, s, brokerWrapper, marketWrapper, storeWrapper, extraBars, inbox);
        }

        Options broker(UnaryOperator<BrokerPort> w) {
            return new Options(models, tune, mode, start, w, marketWrapper, storeWrapper, extraBars, inbox);
        }

        Options market(UnaryOperator<MarketDataPort> w) {
            return new Options(models, tune, mode, start, brokerWrapper, w, storeWrapper, extraBars, inbox);
        }

        Options store(UnaryOperator<StateStore> w) {
            return new Options(models, tune, mode, start, brokerWrapper, marketWrapper, w, extraBars, inbox);
        }

        Options extraBars(Map<Symbol, List<Bar>> bars) {
            return new Options(models, tune, mode, start, brokerWrapper, marketWrapper, storeWrapper, bars, inbox);
        }
    }

    EngineHarness(Path dir, Options options) {
        this.dir = dir;
        this.clock = new SimulatedClock(options.start().minusSeconds(1), MarketCalendar.alwaysOpen());
        ReplayFeed.Builder feedBuilder = ReplayFeed.builder(clock).spreadBps(1.0).add(BTC, BITCOIN);
        options.extraBars().forEach(feedBuilder::add);
        this.feed = feedBuilder.build();
        this.broker = new PaperBroker(PaperBrokerConfig.of(new BigDecimal("100000.00"))
                .withFees(new BigDecimal("1"), BigDecimal.ZERO)
                .withStore(dir.resolve("broker.json")), feed, clock);
        this.store = options.storeWrapper().apply(SqliteStateStore.open(dir.resolve("state.db")));
        this.inbox = options.inbox().apply(dir);
        List<Symbol> universe = new ArrayList<>(List.of(BTC));
        universe.addAll(options.extraBars().keySet());
        this.settings = options.tune().apply(settingsFor(universe));
        BrokerPort port = options.brokerWrapper().apply(broker);
        this.engine = new TradingEngine(settings,
                new TradingEngine.Ports(options.marketWrapper().apply(feed), port, store, options.models(), clock,
                        EventSink.discarding(), inbox),
                new Reconciler(port, options.mode(), new BigDecimal("0.01")));
        this.closes = feed.closeTimes().stream().filter(t -> !t.isBefore(options.start())).toList();
    }

    /**
     * The design defaults, with a short standardization warm-up so a test trades within a few
     * dozen bars, BTC traded in lots of 0.0001, and the 5m and 15m horizons.
     */
    static EngineSettings settingsFor(List<Symbol> universe) {
        EngineSettings d = EngineSettings.defaults(universe, Duration.ofMinutes(1), List.of(H5, H15), "test");
        PredictionSettings p = d.prediction();
        return with(d, new PredictionSettings(p.zWindowCycles(), 5, p.zClip(), p.icWindow(), p.icPriorWeight(),
                p.icPrior(), p.capacityKappa(), p.stabilityWindow(), p.stabilityMinObs(), p.maturityGrace()),
                Map.of(BTC, new BigDecimal("0.0001")));
    }

    static EngineSettings with(EngineSettings s, PredictionSettings prediction, Map<Symbol, BigDecimal> lots) {
        return new EngineSettings(s.universe(), s.barInterval(), s.horizons(), s.historyBars(), s.volLookback(), lots,
                s.defaultLotSize(), s.estimatedFeeBps(), prediction, s.blending(), s.cost(), s.arbitration(),
                s.spreadGate(), s.barrierGate(), s.sizing(), s.killSwitch(), s.risk(),
                s.execution(), s.reconcileEveryCycles());
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

    /** Runs bars until a cycle places an order; fails after {@code limit} bars. */
    CycleResult runUntilOrder(int limit) {
        for (int i = 0; i < limit; i++) {
            List<CycleResult> r = run(1);
            if (!r.isEmpty() && !r.get(0).orders().isEmpty()) {
                return r.get(0);
            }
        }
        throw new AssertionError("no order within " + limit + " bars");
    }

    /** Close time of the next bar {@link #run} would take. */
    Instant nextClose() {
        return closes.get(next);
    }

    List<JournalEntry> journal() {
        return store.journal(0, Long.MAX_VALUE);
    }

    @Override
    public void close() {
        store.close();
        broker.close();
    }

    /** An in-memory operator inbox. */
    static final class Queue implements ControlInbox {
        private final ConcurrentLinkedQueue<ControlCommand> commands = new ConcurrentLinkedQueue<>();

        @Override
        public void post(ControlCommand command) {
            commands.add(command);
        }

        @Override
        public List<ControlCommand> pending() {
            return List.copyOf(commands);
        }

        @Override
        public void acknowledge(int count) {
            for (int i = 0; i < count; i++) {
                commands.remove();
            }
        }
    }
}
