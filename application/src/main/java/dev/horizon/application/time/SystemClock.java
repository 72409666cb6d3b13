package dev.horizon.application.time;

import dev.horizon.application.port.Clock;
import dev.horizon.domain.market.MarketCalendar;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** The wall clock, for live and paper trading against real time. Thread-safe. */
public final class SystemClock implements Clock {

    private final java.time.Clock source;
    private final MarketCalendar calendar;

    public SystemClock(MarketCalendar calendar) {
        this(java.time.Clock.systemUTC(), calendar);
    }

    SystemClock(java.time.Clock source, MarketCalendar calendar) {
        this.source = Objects.requireNonNull(source, "source");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    @Override
    public Instant now() {
        return source.instant();
    }

    @Override
    public void sleepUntil(Instant t) throws InterruptedException {
        Duration wait = Duration.between(now(), t);
        while (!wait.isNegative() && !wait.isZero()) {
            Thread.sleep(Math.max(1, wait.toMillis()));
            wait = Duration.between(now(), t);
        }
    }

    @Override
    public MarketCalendar calendar() {
        return calendar;
    }
}
