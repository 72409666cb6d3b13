package dev.horizon.bootstrap.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.horizon.adapters.alpaca.AlpacaHttpPolicy;
import dev.horizon.adapters.broker.alpaca.AlpacaBroker;
import dev.horizon.adapters.broker.alpaca.AlpacaConfig;
import dev.horizon.adapters.broker.alpaca.AlpacaEnvironment;
import dev.horizon.adapters.broker.alpaca.FakeAlpacaServer;
import dev.horizon.adapters.data.replay.DemoData;
import dev.horizon.adapters.data.replay.ReplayFeed;
import dev.horizon.adapters.persistence.sqlite.SqliteStateStore;
import dev.horizon.application.engine.CycleResult;
import dev.horizon.application.engine.EngineSettings;
import dev.horizon.application.engine.TradingEngine;
import dev.horizon.application.execution.ExecutionConfig;
import dev.horizon.application.execution.OrderPricing;
import dev.horizon.application.port.ControlInbox;
import dev.horizon.application.port.ModelPort;
import dev.horizon.application.recovery.ReconciliationMode;
import dev.horizon.application.recovery.Reconciler;
import dev.horizon.application.time.SimulatedClock;
import dev.horizon.bootstrap.observability.CircuitBreakerMetrics;
import dev.horizon.bootstrap.observability.MetricsEventSink;
import dev.horizon.domain.journal.JournalEntry;
import dev.horizon.domain.market.Horizon;
import dev.horizon.domain.market.MarketCalendar;
import dev.horizon.domain.market.Quote;
import dev.horizon.domain.market.Symbol;
import dev.horizon.domain.order.TimeInForce;
import dev.horizon.domain.prediction.InputMode;
import dev.horizon.domain.prediction.ModelKind;
import dev.horizon.domain.prediction.ModelSpec;
import dev.horizon.domain.prediction.PredictionSettings;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The real engine trading through the real {@link AlpacaBroker} against a {@link FakeAlpacaServer}
 * on loopback: replayed BTC/USD minute bars (the fake fills at the replay's quote of each bar),
 * SQLite state on disk, metrics on a Prometheus registry; only the models are steered by the test.
 * Every wait is short: 250 ms socket timeouts, backoff of a few milliseconds.
 */
final class AlpacaEngineHarness implements AutoCloseable {

    static final Symbol BTC = DemoData.BTC_USD;
    /** First bar of the held-out days of the bundled data. */
    static final Instant START = Instant.parse("2013-11-29T00:00:00Z");
    static final String ENGINE_ID = "faults";
    private static final ObjectMapper JSON = new ObjectMapper();

    final Path dir;
    final SimulatedClock clock;
    final ReplayFeed feed;
    final FakeAlpacaServer fake;
    final SteeredModels models = new SteeredModels();
    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AlpacaHttpPolicy policy;
    private final List<Instant> closes;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private int next;
    AlpacaBroker broker;
    SqliteStateStore store;
    TradingEngine engine;
    EngineSettings settings;

    /** A fake account of 100,000 and an engine started (recovered) on it. */
    AlpacaEngineHarness(Path dir, AlpacaHttpPolicy policy) {
        this.dir = dir;
        this.policy = policy;
        this.clock = new SimulatedClock(START.minusSeconds(1), MarketCalendar.alwaysOpen());
        this.feed = ReplayFeed.builder(clock).spreadBps(1.0).add(BTC, DemoData.bitcoinMinuteBars().barsOf(BTC)).build();
        this.closes = feed.closeTimes().stream().filter(t -> !t.isBefore(START)).toList();
        this.fake = FakeAlpacaServer.start(new BigDecimal("100000.00"));
        quoteAtFake();
        CircuitBreakerMetrics.register(registry, "broker", () -> CircuitBreakerMetrics.Health.of(broker.health()));
        open();
    }

    /**
     * Short timeouts and backoffs, a budget no test reaches, and the given breaker.
     *
     * @param failureRatePercent 100: only a window of nothing but failures opens it
     */
    static AlpacaHttpPolicy policy(int failureRatePercent, int windowSize, int minimumCalls, Duration openWait) {
        return new AlpacaHttpPolicy(600_000, Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(250),
                3, Duration.ofMillis(2), Duration.ofMillis(8), Duration.ofSeconds(1),
                failureRatePercent, windowSize, minimumCalls, openWait);
    }

    /** One engine "process": a new broker client (and breaker), the state store, the engine, crash recovery. */
    private void open() {
        broker = new AlpacaBroker(new AlpacaConfig(AlpacaEnvironment.PAPER, URI.create(fake.baseUrl()), false, policy),
                FakeAlpacaServer.credentials());
        store = SqliteStateStore.open(dir.resolve("state.db"));
        settings = settings();
        engine = new TradingEngine(settings, new TradingEngine.Ports(feed, broker, store, models, clock,
                new MetricsEventSink(registry), ControlInbox.none()),
                new Reconciler(broker, ReconciliationMode.STRICT, new BigDecimal("0.01")));
        engine.start();
    }

    /** Stops this engine "process" and starts the next on the same state and account (recovery runs). */
    void restart() {
        store.close();
        broker.close();
        open();
    }

    /**
     * The defaults, with a short standardization warm-up, BTC in lots of 0.0001, the 5m and 15m
     * horizons, GTC orders followed for 5 s (polled every second of the simulated clock).
     */
    private static EngineSettings settings() {
        EngineSettings d = EngineSettings.defaults(List.of(BTC), Duration.ofMinutes(1),
                List.of(Horizon.parse("5m", 1440), Horizon.parse("15m", 1440)), ENGINE_ID);
        PredictionSettings p = d.prediction();
        return new EngineSettings(d.universe(), d.barInterval(), d.horizons(), d.historyBars(), d.volLookback(),
                Map.of(BTC, new BigDecimal("0.0001")), d.defaultLotSize(), d.estimatedFeeBps(),
                new PredictionSettings(p.zWindowCycles(), 5, p.zClip(), p.icWindow(), p.icPriorWeight(), p.icPrior(),
                        p.capacityKappa(), p.stabilityWindow(), p.stabilityMinObs(), p.maturityGrace()),
                d.blending(), d.cost(), d.arbitration(), d.spreadGate(), d.barrierGate(), d.sizing(), d.killSwitch(),
                d.risk(), new ExecutionConfig(ENGINE_ID, OrderPricing.MARKET, 10.0, TimeInForce.GTC,
                        Duration.ofSeconds(5), Duration.ofSeconds(1)), d.reconcileEveryCycles());
    }

    /** Runs the next bar: the fake's market moves to the replay's quote of that bar first. */
    Optional<CycleResult> cycle() {
        Instant t = closes.get(next++);
        clock.set(t);
        quoteAtFake();
        return engine.runCycle(t);
    }

    /** Runs bars with the models pointing {@code direction} until a cycle places an order; fails after {@code limit}. */
    CycleResult cycleUntilOrder(int direction, int limit) {
        models.direction(direction);
        for (int i = 0; i < limit; i++) {
            Optional<CycleResult> r = cycle();
            if (r.isPresent() && !r.get().orders().isEmpty()) {
                return r.get();
            }
        }
        throw new AssertionError("no order within " + limit + " bars pointing " + direction);
    }

    private void quoteAtFake() {
        Quote q = feed.latestQuotes(List.of(BTC)).get(BTC);
        if (q != null) {
            fake.quote(BTC, BigDecimal.valueOf(q.bid()), BigDecimal.valueOf(q.ask()));
        }
    }

    /** The engine's order journal. */
    List<JournalEntry> journal() {
        return store.journal(0, Long.MAX_VALUE);
    }

    /** The Prometheus text {@code /metrics} would serve. */
    String scrape() {
        return registry.scrape();
    }


    // ------------------------------------------------------------------ the fake account, read over HTTP

    /** Every order the fake account holds, oldest first (its own truth, read past any injected fault). */
    List<JsonNode> accountOrders() {
        List<JsonNode> orders = new ArrayList<>();
        get("/v2/orders?status=all&limit=500&direction=asc").forEach(orders::add);
        return orders;
    }

    /** The fake account's positions: symbol → quantity. */
    Map<String, BigDecimal> accountPositions() {
        Map<String, BigDecimal> positions = new TreeMap<>();
        get("/v2/positions").forEach(p -> positions.put(p.get("symbol").asText(), new BigDecimal(p.get("qty").asText())));
        return positions;
    }

    private JsonNode get(String pathAndQuery) {
        // faults are queued per request: none may be pending while the test reads the account
        HttpRequest request = HttpRequest.newBuilder(URI.create(fake.baseUrl()).resolve(pathAndQuery))
                .header("APCA-API-KEY-ID", FakeAlpacaServer.KEY_ID)
                .header("APCA-API-SECRET-KEY", FakeAlpacaServer.SECRET_KEY)
                .timeout(Duration.ofSeconds(5)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError(pathAndQuery + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    @Override
    public void close() {
        store.close();
        broker.close();
        fake.close();
        registry.close();
    }

    /**
     * Two return models (5m, 15m) whose every batch predicts further in one direction than the
     * last: pointing up, the newest prediction tops its standardization window and the engine
     * wants to own BTC; pointing down, it wants to be flat.
     */
    static final class SteeredModels implements ModelPort {
        private final List<ModelSpec> specs = List.of(
                spec("ret_15m", Horizon.parse("15m", 1440)), spec("ret_5m", Horizon.parse("5m", 1440)));
        private int direction = 1;
        private int calls;

        private static ModelSpec spec(String target, Horizon horizon) {
            return new ModelSpec(target + "/Ridge", target, "Ridge", horizon, ModelKind.REGRESSION, InputMode.FEATURES,
                    List.of("ret_1d", "rsi_14"), 0.3, 0, List.of(), "none");
        }

        void direction(int d) {
            direction = d;
        }

        @Override
        public List<ModelSpec> models() {
            return specs;
        }

        @Override
        public void predict(String modelId, float[] input, int rows, double[] out) {
            calls++;
            for (int i = 0; i < rows; i++) {
                out[i] = direction * 0.0001 * calls;
            }
        }

        @Override
        public void close() {
            // nothing held
        }
    }
}
