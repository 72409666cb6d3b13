package dev.horizon.application.backtest;

import dev.horizon.application.engine.CycleResult;
import dev.horizon.application.engine.TradingEngine;
import dev.horizon.application.time.SimulatedClock;
import dev.horizon.domain.order.Fill;
import dev.horizon.domain.order.Order;
import dev.horizon.domain.state.EngineState;
import dev.horizon.domain.state.PositionState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Replays history through the same {@link TradingEngine} that trades live: the simulated clock is
 * set to each bar close in turn and the engine runs its cycle, against a replayed feed and a paper
 * broker. Nothing in the engine knows it is a backtest.
 */
public final class BacktestRunner {

    /** Receives every cycle as it ends (reports, progress bars). */
    public interface Listener {
        void onCycle(CycleResult result, EngineState state, int done, int total);
    }

    private final TradingEngine engine;
    private final SimulatedClock clock;

    public BacktestRunner(TradingEngine engine, SimulatedClock clock) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Runs one cycle per bar close in {@code [from, to]}; the engine must be {@link TradingEngine#start() started}.
     *
     * @param barCloses every bar close of the data, ascending
     */
    public BacktestResult run(List<Instant> barCloses, Instant from, Instant to, Listener listener) {
        List<Instant> closes = barCloses.stream()
                .filter(t -> !t.isBefore(from) && !t.isAfter(to))
                .toList();
        if (closes.isEmpty()) {
            throw new IllegalArgumentException("no bars between " + from + " and " + to);
        }
        long began = System.nanoTime();
        List<EquityPoint> equity = new ArrayList<>(closes.size());
        List<Order> orders = new ArrayList<>();
        List<Fill> fills = new ArrayList<>();
        long cycles = 0;
        for (int i = 0; i < closes.size(); i++) {
            Instant t = closes.get(i);
            if (t.isAfter(clock.now())) {
                clock.set(t);
            }
            Optional<CycleResult> result = engine.runCycle(t);
            if (result.isEmpty()) {
                continue;
            }
            cycles++;
            CycleResult r = result.get();
            orders.addAll(r.orders());
            fills.addAll(r.fills());
            EngineState state = engine.state();
            equity.add(point(r, state));
            listener.onCycle(r, state, i + 1, closes.size());
        }
        return new BacktestResult(equity, orders, fills, cycles, Duration.ofNanos(System.nanoTime() - began));
    }

    private static EquityPoint point(CycleResult r, EngineState state) {
        double pv = r.portfolioValue().doubleValue();
        double gross = 0;
        double net = 0;
        for (PositionState p : state.positions().values()) {
            double value = p.marketValue().doubleValue();
            gross += Math.abs(value);
            net += value;
        }
        return new EquityPoint(r.time(), r.portfolioValue(), r.cash(),
                pv > 0 ? gross / pv : 0.0, pv > 0 ? net / pv : 0.0);
    }

    /** A listener that does nothing. */
    public static Listener silent() {
        return (result, state, done, total) -> {
        };
    }

}
