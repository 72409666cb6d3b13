package dev.horizon.application.port;

import dev.horizon.domain.market.MarketCalendar;
import java.time.Instant;

/**
 * The engine's only source of time. Live it is the system clock; in a backtest a simulated clock
 * that the runner advances bar by bar. Nothing in the engine reads the wall clock directly.
 *
 * <p>Implementations are thread-safe.
 */
public interface Clock {

    /** The current instant. Never goes backwards. */
    Instant now();

    /**
     * Blocks until {@link #now()} is at or after {@code t}; returns at once if it already is.
     * A simulated clock jumps to {@code t} without waiting.
     *
     * @throws InterruptedException if the waiting thread is interrupted (e.g. on shutdown)
     */
    void sleepUntil(Instant t) throws InterruptedException;

    /** The market calendar: session days, open and close. */
    MarketCalendar calendar();
}
