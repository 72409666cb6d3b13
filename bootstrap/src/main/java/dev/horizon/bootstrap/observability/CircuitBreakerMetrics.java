package dev.horizon.bootstrap.observability;

import dev.horizon.adapters.alpaca.AlpacaHealth;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The circuit breaker of a remote adapter (the Alpaca broker, Alpaca market data) as meters, read
 * from the adapter's health snapshot on every scrape. For {@code component} {@code broker}, in
 * Prometheus form:
 *
 * <ul>
 *   <li>{@code horizon_broker_circuit_open}: 1 while the breaker refuses calls, else 0;</li>
 *   <li>{@code horizon_broker_circuit_state{state="CLOSED|OPEN|HALF_OPEN"}}: 1 for the current state;</li>
 *   <li>{@code horizon_broker_failure_rate_percent}: failure rate over the breaker's window
 *       ({@code NaN} until it has its minimum number of calls);</li>
 *   <li>{@code horizon_broker_refused_calls_total}: calls refused while open;</li>
 *   <li>{@code horizon_broker_retries_total}: retries of reads and cancels;</li>
 *   <li>{@code horizon_broker_rate_limited_total}: HTTP 429 answers;</li>
 *   <li>{@code horizon_broker_rate_limit_refusals_total}: calls the client-side rate limiter refused.</li>
 * </ul>
 */
public final class CircuitBreakerMetrics {

    /** The states a breaker reports (Resilience4j's names). */
    static final List<String> STATES = List.of("CLOSED", "OPEN", "HALF_OPEN");

    /**
     * One reading of an adapter's resilience state.
     *
     * @param state              {@code CLOSED}, {@code OPEN}, {@code HALF_OPEN} (or another Resilience4j state)
     * @param failureRatePercent failure rate over the window, negative before it has enough calls
     * @param bufferedCalls      calls in the window
     * @param refusedCalls       calls refused because the breaker was open, since start
     * @param retries            retries since start
     * @param rateLimited        HTTP 429 answers since start
     * @param rateLimitRefusals  calls refused by the client-side rate limiter since start
     * @param lastFailure        the last failure, one line without credentials, or {@code none}
     */
    public record Health(String state, double failureRatePercent, int bufferedCalls, long refusedCalls, long retries,
                         long rateLimited, long rateLimitRefusals, String lastFailure) {

        public Health {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(lastFailure, "lastFailure");
        }

        /** The reading of an Alpaca client (broker or market data). */
        public static Health of(AlpacaHealth h) {
            return new Health(h.breakerState(), h.failureRatePercent(), h.bufferedCalls(), h.notPermittedCalls(),
                    h.retries(), h.rateLimitedResponses(), h.rateLimitRefusals(), h.lastFailure());
        }

        /** True while the breaker refuses calls (open or forced open). */
        public boolean open() {
            return state.contains("OPEN") && !state.equals("HALF_OPEN");
        }
    }

    private CircuitBreakerMetrics() {
    }

    /**
     * Registers the meters of {@code component} ({@code broker}, {@code market_data}) on
     * {@code registry}, which keeps {@code health} alive; each scrape reads it once per meter. A
     * failing read scrapes as {@code NaN} rather than breaking the endpoint.
     */
    public static void register(MeterRegistry registry, String component, Supplier<Health> health) {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(health, "health");
        String prefix = "horizon." + component.replace('_', '.') + ".";
        gauge(registry, prefix + "circuit.open", "1 while the circuit breaker refuses calls", health,
                h -> h.open() ? 1 : 0);
        for (String state : STATES) {
            Gauge.builder(prefix + "circuit.state", health, s -> read(s, h -> h.state().equals(state) ? 1 : 0))
                    .description("1 for the circuit breaker's current state")
                    .tag("state", state)
                    .strongReference(true)
                    .register(registry);
        }
        Gauge.builder(prefix + "failure.rate", health,
                        s -> read(s, h -> h.failureRatePercent() < 0 ? Double.NaN : h.failureRatePercent()))
                .description("Failure rate over the circuit breaker's window")
                .baseUnit("percent")
                .strongReference(true)
                .register(registry);
        counter(registry, prefix + "refused.calls", "Calls refused while the circuit breaker was open", health,
                Health::refusedCalls);
        counter(registry, prefix + "retries", "Retries of idempotent calls", health, Health::retries);
        counter(registry, prefix + "rate.limited", "HTTP 429 answers", health, Health::rateLimited);
        counter(registry, prefix + "rate.limit.refusals", "Calls refused by the client-side rate limiter", health,
                Health::rateLimitRefusals);
    }

    private static void gauge(MeterRegistry registry, String name, String description, Supplier<Health> health,
                              ToDoubleFunction<Health> value) {
        Gauge.builder(name, health, s -> read(s, value)).description(description).strongReference(true)
                .register(registry);
    }

    private static void counter(MeterRegistry registry, String name, String description, Supplier<Health> health,
                                ToDoubleFunction<Health> value) {
        FunctionCounter.builder(name, health, s -> read(s, value)).description(description).register(registry);
    }

    private static double read(Supplier<Health> health, ToDoubleFunction<Health> value) {
        try {
            return value.applyAsDouble(health.get());
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
