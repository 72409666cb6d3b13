package dev.horizon.bootstrap.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.horizon.adapters.broker.alpaca.AlpacaBroker;
import dev.horizon.adapters.data.alpaca.AlpacaMarketData;
import dev.horizon.application.port.ControlCommand;
import dev.horizon.application.port.ControlInbox;
import dev.horizon.application.port.EventSink;
import dev.horizon.bootstrap.admin.AdminHandlers;
import dev.horizon.bootstrap.admin.AdminServer;
import dev.horizon.bootstrap.config.ConfigException;
import dev.horizon.bootstrap.config.CoreConfig;
import dev.horizon.bootstrap.observability.CircuitBreakerMetrics;
import dev.horizon.bootstrap.observability.EventSinks;
import dev.horizon.bootstrap.observability.LoggingEventSink;
import dev.horizon.bootstrap.observability.MetricsEventSink;
import dev.horizon.bootstrap.wiring.EngineAssembly;
import dev.horizon.domain.order.Order;
import dev.horizon.domain.state.EngineState;
import dev.horizon.domain.state.PositionState;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a running engine reports through: log lines and metrics for every engine event, the
 * circuit breakers of remote adapters (Alpaca) as meters, in {@code /status} and in a file beside
 * the state for {@code horizon status}, and the optional admin endpoint ({@code admin.bind})
 * serving health, metrics, the last published state and the operator commands.
 */
final class EngineServices implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EngineServices.class);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final EventSink events = EventSinks.of(new LoggingEventSink(), new MetricsEventSink(registry));
    private final ObjectMapper json = new ObjectMapper();
    private volatile EngineState published;
    private volatile String phase = "starting";
    private AdminServer admin;
    /** component ({@code broker}, {@code market_data}) → adapter and breaker reading; read by admin threads. */
    private volatile Map<String, Breaker> breakers = Map.of();
    private volatile Path healthFile;

    private record Breaker(String adapter, Supplier<CircuitBreakerMetrics.Health> health) {
    }

    /** Logs and metrics of every event. */
    EventSink events() {
        return events;
    }

    /**
     * Starts the admin endpoint when {@code admin.bind} has a port; commands it receives go to {@code inbox}.
     *
     * @return the address served, when on
     */
    Optional<InetSocketAddress> startAdmin(CoreConfig.Admin config, ControlInbox inbox) {
        if (!config.enabled()) {
            return Optional.empty();
        }
        try {
            admin = AdminServer.start(new InetSocketAddress(config.host(), config.port()), config.token().reveal(),
                    new Handlers(inbox), config.allowNonLoopback());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("admin.bind", e.getMessage());
        }
        return Optional.of(admin.address());
    }

    /**
     * Watches the circuit breakers of the assembly's remote adapters (the Alpaca broker and market
     * data): meters on the registry, {@code /status}, and the health file beside the state.
     */
    void watch(EngineAssembly assembly) {
        Map<String, Breaker> found = new LinkedHashMap<>();
        if (assembly.broker() instanceof AlpacaBroker alpaca) {
            found.put("broker", new Breaker("alpaca", () -> CircuitBreakerMetrics.Health.of(alpaca.health())));
        }
        if (assembly.market() instanceof AlpacaMarketData alpaca) {
            found.put("market_data", new Breaker("alpaca", () -> CircuitBreakerMetrics.Health.of(alpaca.health())));
        }
        found.forEach((component, b) -> CircuitBreakerMetrics.register(registry, component, b.health()));
        if (!found.isEmpty()) {
            healthFile = AdapterHealthFile.beside(assembly.stateStoreFactory().location());
        }
        breakers = Map.copyOf(found);
    }


    /** The state as of the last cycle (or of start-up), for {@code /status} and the health file. */
    void publish(EngineState state) {
        published = state;
        phase = "running";
        if (healthFile != null) {
            Map<String, AdapterHealthFile.Entry> entries = new LinkedHashMap<>();
            new TreeMap<>(breakers).forEach((component, b) ->
                    entries.put(component, new AdapterHealthFile.Entry(b.adapter(), b.health().get())));
            try {
                AdapterHealthFile.write(healthFile, state.cycleSeq(), state.lastCycleTime(), entries);
            } catch (UncheckedIOException e) {
                // status loses a line; the engine must not stop over it
                LOG.warn("{}: {}", e.getMessage(), e.getCause().toString());
            }
        }
    }

    /** The engine is stopping: {@code /health} says so. */
    void stopping() {
        phase = "stopping";
    }

    @Override
    public void close() {
        if (admin != null) {
            admin.close();
        }
        registry.close();
    }

    private final class Handlers implements AdminHandlers {
        private final ControlInbox inbox;

        Handlers(ControlInbox inbox) {
            this.inbox = inbox;
        }

        @Override
        public boolean healthy() {
            return !phase.equals("stopping");
        }

        @Override
        public String healthJson() {
            ObjectNode n = json.createObjectNode();
            n.put("status", healthy() ? "ok" : "stopping");
            n.put("phase", phase);
            EngineState s = published;
            if (s != null) {
                n.put("last_cycle", s.cycleSeq());
                n.put("last_cycle_time", s.lastCycleTime() == null ? null : s.lastCycleTime().toString());
                n.put("kill_switch", s.killSwitch().active());
                n.put("paused", s.paused());
            }
            return write(n);
        }

        @Override
        public String metricsText() {
            return registry.scrape();
        }

        @Override
        public String statusJson() {
            ObjectNode n = json.createObjectNode();
            EngineState s = published;
            n.put("phase", phase);
            if (s == null) {
                return write(n);
            }
            n.put("cycle", s.cycleSeq());
            n.put("last_cycle_time", s.lastCycleTime() == null ? null : s.lastCycleTime().toString());
            n.put("portfolio_value", s.portfolioValue());
            n.put("cash", s.cash());
            if (s.startOfDayValue() != null) {
                n.put("pnl_today", s.portfolioValue().subtract(s.startOfDayValue()));
                n.put("session_day", s.sessionDay().toString());
            }
            n.put("paused", s.paused());
            ObjectNode kill = n.putObject("kill_switch");
            kill.put("active", s.killSwitch().active());
            if (s.killSwitch().active()) {
                kill.put("reason", s.killSwitch().reason());
                kill.put("since", s.killSwitch().trippedAt().toString());
            }
            ArrayNode positions = n.putArray("positions");
            for (PositionState p : s.positions().values()) {
                ObjectNode o = positions.addObject();
                o.put("symbol", p.symbol().value());
                o.put("shares", p.shares());
                o.put("average_entry_price", p.averageEntryPrice());
                o.put("mark_price", p.markPrice());
                o.put("market_value", p.marketValue());
                o.put("unrealized_pnl", p.unrealizedPnl());
            }
            new TreeMap<>(breakers).forEach((component, b) -> {
                CircuitBreakerMetrics.Health h = b.health().get();
                ObjectNode c = n.putObject(component);
                c.put("adapter", b.adapter());
                ObjectNode breaker = c.putObject("circuit_breaker");
                breaker.put("state", h.state());
                breaker.put("open", h.open());
                if (h.failureRatePercent() >= 0) {
                    breaker.put("failure_rate_percent", h.failureRatePercent());
                }
                breaker.put("buffered_calls", h.bufferedCalls());
                breaker.put("refused_calls", h.refusedCalls());
                breaker.put("retries", h.retries());
                breaker.put("rate_limited", h.rateLimited());
                breaker.put("rate_limit_refusals", h.rateLimitRefusals());
                breaker.put("last_failure", h.lastFailure());
            });
            ArrayNode orders = n.putArray("open_orders");
            for (Order o : s.openOrders().values()) {
                ObjectNode on = orders.addObject();
                on.put("client_order_id", o.clientOrderId().value());
                on.put("symbol", o.symbol().value());
                on.put("side", o.side().name());
                on.put("quantity", o.quantity());
                on.put("status", o.status().name());
            }
            return write(n);
        }

        @Override
        public void post(ControlCommand command) {
            inbox.post(command);
        }

        private String write(ObjectNode n) {
            try {
                return json.writeValueAsString(n);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
