package dev.horizon.bootstrap.spi;

import dev.horizon.domain.market.MarketCalendar;
import dev.horizon.domain.market.Symbol;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What every adapter module may rely on besides its own config section. It is handed to
 * {@link AdapterProvider#module} and also bound in the injector, together with the engine's
 * {@link dev.horizon.application.port.Clock} (and, for replays, the
 * {@link dev.horizon.application.time.SimulatedClock} behind it).
 *
 * @param baseDirectory where relative paths of the config are resolved: the config file's
 *                      directory, or the working directory for the embedded demo
 * @param engineId      {@code engine.id}
 * @param universe      {@code engine.universe}, sorted
 * @param barInterval   {@code engine.bar_interval}
 * @param calendar      the market calendar ({@code engine.calendar})
 * @param historyBars   {@code engine.history_bars}
 */
public record AdapterEnvironment(Path baseDirectory, String engineId, List<Symbol> universe, Duration barInterval,
                                 MarketCalendar calendar, int historyBars) {

    public AdapterEnvironment {
        Objects.requireNonNull(baseDirectory, "baseDirectory");
        Objects.requireNonNull(engineId, "engineId");
        universe = List.copyOf(universe);
        Objects.requireNonNull(barInterval, "barInterval");
        Objects.requireNonNull(calendar, "calendar");
    }

    /** {@code path} resolved against {@link #baseDirectory()} when relative. */
    public Path resolve(String path) {
        return baseDirectory.resolve(path).normalize();
    }
}
