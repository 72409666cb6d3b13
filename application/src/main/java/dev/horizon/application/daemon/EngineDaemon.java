package dev.horizon.application.daemon;

import dev.horizon.application.engine.CycleResult;
import dev.horizon.application.engine.CycleRunner;
import dev.horizon.application.engine.TradingEngine;
import dev.horizon.application.port.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a cycle at every bar close, forever or until asked to stop.
 *
 * <ul>
 *   <li>Cycles are aligned to bar closes, plus a delay for the data to settle.</li>
 *   <li>Bars outside the market session are skipped unless {@code tradeOutsideSession}.</li>
 *   <li>One thread runs every cycle, so two cycles never overlap. A cycle that overruns its bar
 *       is logged and the next bar close is taken; missed bars are not queued.</li>
 *   <li>{@link #requestStop()} lets the running cycle finish (it persists its state), saves a
 *       checkpoint of every learned statistic ({@link TradingEngine#saveCheckpoint()}) so a
 *       planned restart loses none, and then returns from {@link #run()}; the caller releases the
 *       state lock.</li>
 * </ul>
 */
public final class EngineDaemon {

    private static final Logger LOG = LoggerFactory.getLogger(EngineDaemon.class);

    private final Clock clock;
    private final CycleRunner engine;
    private final Runnable checkpoint;
    private final Duration barInterval;
    private final Duration closeDelay;
    private final boolean tradeOutsideSession;
    private final Consumer<CycleResult> onCycle;
    private final Object waitLock = new Object();
    private volatile boolean stopRequested;
    private Thread waitingThread;

    /**
     * A daemon for {@code engine} (started), saving its checkpoint when it stops.
     *
     * @param closeDelay          how long after a bar close its cycle runs (data settling)
     * @param tradeOutsideSession run cycles for bars outside the market session too
     * @param onCycle             called with every cycle's result, on the cycle thread
     */
    public EngineDaemon(Clock clock, TradingEngine engine, Duration barInterval, Duration closeDelay,
                        boolean tradeOutsideSession, Consumer<CycleResult> onCycle) {
        this(clock, engine, engine::saveCheckpoint, barInterval, closeDelay, tradeOutsideSession, onCycle);
    }

    /**
     * A daemon for any cycle runner; {@code checkpoint} runs once when {@link #run()} stops
     * normally, after the last cycle.
     */
    public EngineDaemon(Clock clock, CycleRunner engine, Runnable checkpoint, Duration barInterval,
                        Duration closeDelay, boolean tradeOutsideSession, Consumer<CycleResult> onCycle) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.checkpoint = Objects.requireNonNull(checkpoint, "checkpoint");
        this.barInterval = Objects.requireNonNull(barInterval, "barInterval");
        this.closeDelay = Objects.requireNonNull(closeDelay, "closeDelay");
        this.tradeOutsideSession = tradeOutsideSession;
        this.onCycle = Objects.requireNonNull(onCycle, "onCycle");
        if (barInterval.isZero() || barInterval.isNegative()) {
            throw new IllegalArgumentException("bar interval must be positive");
        }
    }

    /**
     * Runs cycles until {@link #requestStop()}, then saves the checkpoint; returns the number of
     * cycles run. A cycle that throws ends the loop without a checkpoint (the engine's last save
     * stands).
     */
    public long run() {
        long cycles = 0;
        Instant bar = nextBarClose(clock.now().minus(closeDelay));
        while (!stopRequested) {
            if (!waitFor(bar.plus(closeDelay))) {
                break;
            }
            if (tradeOutsideSession || clock.calendar().isOpen(bar)) {
                Optional<CycleResult> result = engine.runCycle(bar);
                if (result.isPresent()) {
                    cycles++;
                    onCycle.accept(result.get());
                }
            }
            Instant next = nextBarClose(clock.now().minus(closeDelay));
            if (next.isAfter(bar.plus(barInterval))) {
                LOG.warn("cycle for bar {} overran into {}; skipping to the bar closing at {}", bar,
                        bar.plus(barInterval), next);
            }
            bar = next.isAfter(bar) ? next : bar.plus(barInterval);
        }
        // Between cycles and before the caller releases the lock: the statistics since the last
        // checkpoint would otherwise be lost on restart (the engine checkpoints them only every so often).
        checkpoint.run();
        LOG.info("stopped after {} cycle(s); every learned statistic saved", cycles);
        return cycles;
    }

    /** Sleeps until {@code t}; false when a stop was requested meanwhile. */
    private boolean waitFor(Instant t) {
        synchronized (waitLock) {
            if (stopRequested) {
                return false;
            }
            waitingThread = Thread.currentThread();
        }
        try {
            clock.sleepUntil(t);
        } catch (InterruptedException e) {
            if (!stopRequested) {
                Thread.currentThread().interrupt();
            }
            return false;
        } finally {
            synchronized (waitLock) {
                waitingThread = null;
                Thread.interrupted(); // a stop that raced the wake-up must not leak into the cycle
            }
        }
        return !stopRequested;
    }

    /**
     * Asks the loop to stop: a running cycle completes and persists first (it is never
     * interrupted); a wait for the next bar is cut short. Safe to call from a signal handler thread.
     */
    public void requestStop() {
        synchronized (waitLock) {
            stopRequested = true;
            if (waitingThread != null) {
                waitingThread.interrupt();
            }
        }
    }

    /** The first bar close strictly after {@code t}. */
    Instant nextBarClose(Instant t) {
        long step = barInterval.toMillis();
        long millis = t.toEpochMilli();
        return Instant.ofEpochMilli((Math.floorDiv(millis, step) + 1) * step);
    }
}
