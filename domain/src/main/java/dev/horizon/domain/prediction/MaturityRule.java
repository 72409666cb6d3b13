package dev.horizon.domain.prediction;

import dev.horizon.domain.market.Horizon;
import dev.horizon.domain.market.MarketCalendar;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When a prediction made at the close of bar t matures: the close time of the bar at {@code t + h}.
 *
 * <p>For a market that never closes that is simply t plus h minutes. For a market with sessions,
 * h is counted in <em>session</em> time, as the horizons are ({@code 1d} = one session): a {@code 1d}
 * prediction made at 10:00 matures at 10:00 of the next trading day, not at 16:30 when no bar exists.
 */
@FunctionalInterface
public interface MaturityRule {

    /** The close time of the bar on which a prediction made at {@code predictionTime} for {@code h} matures. */
    Instant dueTime(Instant predictionTime, Horizon horizon);

    /** t + h minutes of wall-clock time. */
    static MaturityRule continuous() {
        return (t, h) -> t.plus(Duration.ofMinutes(h.minutes()));
    }

    /** t + h minutes of session time of {@code calendar}; wall-clock time for a continuous calendar. */
    static MaturityRule sessionTime(MarketCalendar calendar) {
        Objects.requireNonNull(calendar, "calendar");
        if (calendar.isContinuous()) {
            return continuous();
        }
        return (t, h) -> SessionTime.plusMinutes(calendar, t, h.minutes());
    }
}
