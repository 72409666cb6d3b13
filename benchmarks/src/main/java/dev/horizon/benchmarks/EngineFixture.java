package dev.horizon.benchmarks;

import dev.horizon.adapters.broker.paper.PaperBroker;
import dev.horizon.adapters.broker.paper.PaperBrokerConfig;
import dev.horizon.adapters.data.simulated.SimulatedFeed;
import dev.horizon.adapters.model.onnx.OnnxModelOptions;
import dev.horizon.adapters.model.onnx.OnnxModelRegistry;
import dev.horizon.adapters.persistence.sqlite.SqliteStateStore;
import dev.horizon.application.backtest.BacktestResult;
import dev.horizon.application.backtest.BacktestRunner;
import dev.horizon.application.engine.CycleResult;
import dev.horizon.application.engine.EngineSettings;
import dev.horizon.application.engine.TradingEngine;
import dev.horizon.application.port.ControlInbox;
import dev.horizon.application.port.EventSink;
import dev.horizon.application.port.MarketDataPort;
import dev.horizon.application.port.ModelPort;
import dev.horizon.application.port.StateStore;
import dev.horizon.application.recovery.ReconciliationMode;
import dev.horizon.application.recovery.Reconciler;
import dev.horizon.application.time.SimulatedClock;
import dev.horizon.domain.features.FeatureLibrary;
import dev.horizon.domain.market.Horizon;
import dev.horizon.domain.market.Symbol;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A complete engine for the reference scenario — market data, paper broker (in memory), a state
 * store, a model port, simulated clock — the shape of the engine test harness, built for speed
 * measurements. Two market data sources: {@link #streaming} (an open-ended {@link StreamingGbmFeed}
 * for cycle benchmarks) and {@link #backtest} (the project's {@link SimulatedFeed}, all bars up
 * front, replayed by the {@link BacktestRunner}).
 */
public final class EngineFixture implements AutoCloseable {

    /** Which model port the engine gets. */
    public enum Models {
        /** The 26 reference specs answered by {@link StubModelPort}. */
        STUB,
        /** The 26-model reference run ({@link ReferenceRun}) in ONNX Runtime. */
        ONNX,
        /** The bundled demo run as it ships: 13 ONNX models, horizons 5m … 60m. */
        BUNDLED
    }

    /** Which state store the engine gets. */
    public enum Store {
        /** {@link InMemoryStateStore}: keeps references, costs nothing. */
        MEMORY,
        /** {@link SqliteStateStore} in a temporary directory, WAL, synchronous=FULL: the product default. */
        SQLITE
    }

    public final SimulatedClock clock;
    public final MarketDataPort market;
    public final PaperBroker broker;
    public final StateStore store;
    public final ModelPort models;
    public final EngineSettings settings;
    public final TradingEngine engine;
    private final Path dir;
    private final StreamingGbmFeed streaming;
    private final SimulatedFeed simulated;
    private long nextBar;

    private EngineFixture(Path dir, SimulatedClock clock, MarketDataPort market, StreamingGbmFeed streaming,
                          SimulatedFeed simulated, List<Symbol> universe, Models models, Store store,
                          UnaryOperator<EngineSettings> tune) {
        this.dir = dir;
        this.clock = clock;
        this.market = market;
        this.streaming = streaming;
        this.simulated = simulated;
        List<Horizon> horizons = models == Models.BUNDLED ? ReferenceScenario.demoHorizons() : ReferenceScenario.horizons();
        this.settings = tune.apply(ReferenceScenario.settings(universe, horizons));
        this.models = modelPort(dir, models);
        this.broker = new PaperBroker(PaperBrokerConfig.of(new BigDecimal(ReferenceScenario.INITIAL_CASH)), market, clock);
        this.store = store == Store.MEMORY ? new InMemoryStateStore() : SqliteStateStore.open(dir.resolve("state.db"));
        this.engine = new TradingEngine(settings, new TradingEngine.Ports(market, broker, this.store, this.models, clock,
                EventSink.discarding(), ControlInbox.none()),
                new Reconciler(broker, ReconciliationMode.STRICT, new BigDecimal("0.01")));
    }

    /**
     * An engine over {@code symbols} streaming GBM symbols, started (recovered) one second before
     * the close of the bar that completes its {@value ReferenceScenario#HISTORY_BARS}-bar history;
     * {@link #runNextCycle()} then runs one cycle per bar.
     */
    public static EngineFixture streaming(int symbols, Models models, Store store) {
        return streaming(symbols, models, store, s -> s);
    }

    /** As {@link #streaming(int, Models, Store)}, with the settings adjusted. */
    public static EngineFixture streaming(int symbols, Models models, Store store, UnaryOperator<EngineSettings> tune) {
        Path dir = tempDir();
        List<Symbol> universe = ReferenceScenario.universe(symbols);
        Instant firstCycle = ReferenceScenario.FIRST_CLOSE.plus(ReferenceScenario.BAR.multipliedBy(ReferenceScenario.HISTORY_BARS - 1));
        SimulatedClock clock = new SimulatedClock(firstCycle.minusSeconds(1), ReferenceScenario.CALENDAR);
        StreamingGbmFeed feed = new StreamingGbmFeed(clock, universe, ReferenceScenario.SEED, ReferenceScenario.FIRST_CLOSE,
                ReferenceScenario.BAR, ReferenceScenario.HISTORY_BARS + 64);
        EngineFixture fixture = new EngineFixture(dir, clock, feed, feed, null, universe, models, store, tune);
        fixture.nextBar = ReferenceScenario.HISTORY_BARS - 1;
        fixture.engine.start();
        return fixture;
    }

    /**
     * An engine over a {@link SimulatedFeed} of {@code symbols} × {@code bars} generated up front,
     * started before the first bar, for the {@link BacktestRunner}.
     */
    public static EngineFixture backtest(int symbols, int bars, Models models, Store store) {
        Path dir = tempDir();
        List<Symbol> universe = ReferenceScenario.universe(symbols);
        SimulatedClock clock = new SimulatedClock(ReferenceScenario.FIRST_CLOSE.minusSeconds(1), ReferenceScenario.CALENDAR);
        SimulatedFeed feed = SimulatedFeed.builder(clock).seed(ReferenceScenario.SEED).symbols(universe)
                .firstClose(ReferenceScenario.FIRST_CLOSE).interval(ReferenceScenario.BAR).bars(bars)
                .startPrice(ReferenceScenario.START_PRICE).driftPerBar(ReferenceScenario.DRIFT_PER_BAR)
                .volatilityPerBar(ReferenceScenario.VOL_PER_BAR).meanVolume(ReferenceScenario.MEAN_VOLUME)
                .spreadBps(ReferenceScenario.SPREAD_BPS).build();
        EngineFixture fixture = new EngineFixture(dir, clock, feed, null, feed, universe, models, store, s -> s);
        fixture.engine.start();
        return fixture;
    }

    /** Runs the cycle of the next bar (streaming fixtures). */
    public Optional<CycleResult> runNextCycle() {
        Instant t = streaming.closeOf(nextBar++);
        clock.set(t);
        return engine.runCycle(t);
    }

    /** Replays every bar of the simulated feed through the backtest runner (backtest fixtures). */
    public BacktestResult runBacktest(BacktestRunner.Listener listener) {
        List<Instant> closes = simulated.closeTimes();
        return new BacktestRunner(engine, clock).run(closes, closes.get(0), closes.get(closes.size() - 1), listener);
    }

    private static ModelPort modelPort(Path dir, Models models) {
        int session = ReferenceScenario.CALENDAR.sessionMinutes();
        return switch (models) {
            case STUB -> new StubModelPort(ReferenceRun.specs(ReferenceRun.create(dir.resolve("run")), session));
            case ONNX -> OnnxModelRegistry.open(ReferenceRun.create(dir.resolve("run")),
                    OnnxModelOptions.of(1, session), FeatureLibrary::isKnown);
            case BUNDLED -> OnnxModelRegistry.open(ReferenceRun.bundled(dir.resolve("run")),
                    OnnxModelOptions.of(1, session), FeatureLibrary::isKnown);
        };
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("horizon-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        store.close();
        broker.close();
        models.close();
        ReferenceRun.deleteTree(dir);
    }
}
