package dev.horizon.bootstrap.cli;

import dev.horizon.application.backtest.BacktestResult;
import dev.horizon.application.engine.EngineSettings;
import dev.horizon.bootstrap.config.HorizonConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A finished backtest, as the report writers see it.
 *
 * @param directory where the report files go ({@code --report DIR})
 * @param config    the config it ran with
 * @param settings  the engine settings it ran with
 * @param result    equity curve, orders, fills
 * @param from      first bar traded
 * @param to        last bar traded
 */
record BacktestReport(Path directory, HorizonConfig config, EngineSettings settings, BacktestResult result,
                      Instant from, Instant to) {

    /** Writes one file (or a set of files) of a backtest report; add one to add a report format. */
    interface Writer {
        /** The file it writes, for the closing message. */
        String fileName();

        void write(BacktestReport report) throws IOException;
    }
}
