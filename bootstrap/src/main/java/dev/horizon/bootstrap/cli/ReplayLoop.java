package dev.horizon.bootstrap.cli;

import dev.horizon.application.engine.CycleResult;
import dev.horizon.application.engine.TradingEngine;
import dev.horizon.application.time.SimulatedClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Steps a simulated clock through the bar closes of a replay and runs the engine at each, as fast
 * as possible or paced at {@code speed}× real time. {@link #requestStop()} lets the running cycle
 * finish and persist; it never interrupts a cycle (an interrupt would close the store's file
 * channels mid-write). However the replay ends, it saves a checkpoint of every learned statistic
 * ({@link TradingEngine#saveCheckpoint()}) last, so a later run of the same state loses none.
 */
final class ReplayLoop {

    private final TradingEngine engine;
    private final SimulatedClock clock;
    private final List<Instant> closes;
    private final double speed;
    private final long maxCycles;
    private final Consumer<CycleResult> onCycle;
    private final Object pacing = new Object();
    private volatile boolean stopRequested;

    /**
     * @param closes    the bar closes to trade, ascending
     * @param speed     multiple of real time; 0 runs as fast as possible
     * @param maxCycles stop after this many cycles (Long.MAX_VALUE for all)
     */
    ReplayLoop(TradingEngine engine, SimulatedClock clock, List<Instant> closes, double speed, long maxCycles,
               Consumer<CycleResult> onCycle) {
        this.engine = engine;
        this.clock = clock;
        this.closes = closes;
        this.speed = speed;
        this.maxCycles = maxCycles;
        this.onCycle = onCycle;
    }

    /**
     * Runs until the data, {@code maxCycles} or a stop request ends it, then saves the checkpoint;
     * returns the cycles run.
     */
    long run() {
        long cycles = 0;
        Instant previous = null;
        for (Instant t : closes) {
            if (stopRequested || cycles >= maxCycles) {
                break;
            }
            Instant last = engine.state().lastCycleTime();
            if (last != null && !t.isAfter(last)) {
                continue; // already traded by an earlier run of this state
            }
            if (previous != null && speed > 0 && !pace(Duration.between(previous, t))) {
                break;
            }
            previous = t;
            if (t.isAfter(clock.now())) {
                clock.set(t);
            }
            Optional<CycleResult> result = engine.runCycle(t);
            if (result.isPresent()) {
                cycles++;
                onCycle.accept(result.get());
            }
        }
        engine.saveCheckpoint();
        return cycles;
    }

    /** Sleeps for {@code barGap / speed} of real time; false when a stop came meanwhile. */
    private boolean pace(Duration barGap) {
        long waitNanos = (long) (barGap.toNanos() / speed);
        long deadline = System.nanoTime() + waitNanos;
        synchronized (pacing) {
            while (!stopRequested) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return true;
                }
                try {
                    pacing.wait(Math.max(1, left / 1_000_000), 0);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return false;
    }

    /** Stops after the running cycle; safe from a signal handler's thread. */
    void requestStop() {
        stopRequested = true;
        synchronized (pacing) {
            pacing.notifyAll();
        }
    }

    boolean stopRequested() {
        return stopRequested;
    }
}
