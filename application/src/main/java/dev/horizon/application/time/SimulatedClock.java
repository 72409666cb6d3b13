package dev.horizon.application.time;

import dev.horizon.application.port.Clock;
import dev.horizon.domain.market.MarketCalendar;
import java.time.Instant;
import java.util.Objects;

/**
 * A clock that only moves when told to: backtests and tests set it to each bar's close.
 * {@link #sleepUntil} jumps forward instead of waiting. Thread-safe.
 */
public final class SimulatedClock implements Clock {

    private final MarketCalendar calendar;
    private volatile Instant now;

    public SimulatedClock(Instant start, MarketCalendar calendar) {
        this.now = Objects.requireNonNull(start, "start");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    @Override
    public Instant now() {
        return now;
    }

    /**
     * Moves the clock to {@code t}.
     *
     * @throws IllegalArgumentException if {@code t} is before the current time
     */
    public synchronized void set(Instant t) {
        if (t.isBefore(now)) {
            throw new IllegalArgumentException("simulated clock cannot go back from " + now + " to " + t);
        }
        now = t;
    }

    @Override
    public synchronized void sleepUntil(Instant t) {
        if (t.isAfter(now)) {
            now = t;
        }
    }

    @Override
    public MarketCalendar calendar() {
        return calendar;
    }
}
