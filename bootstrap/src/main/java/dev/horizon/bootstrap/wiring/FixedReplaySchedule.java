package dev.horizon.bootstrap.wiring;

import dev.horizon.bootstrap.spi.ReplaySchedule;
import java.time.Instant;
import java.util.List;

/**
 * A replay schedule known up front, as the replayed feeds bind it.
 *
 * @param closeTimes every bar close of the data, ascending
 * @param tradeFrom  the first bar close to trade, {@code null} for the first bar
 * @param tradeTo    the last bar close to trade, {@code null} for the end of the data
 */
record FixedReplaySchedule(List<Instant> closeTimes, Instant tradeFrom, Instant tradeTo) implements ReplaySchedule {

    FixedReplaySchedule {
        closeTimes = List.copyOf(closeTimes);
    }
}
