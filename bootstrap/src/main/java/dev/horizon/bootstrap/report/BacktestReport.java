package dev.horizon.bootstrap.report;

import dev.horizon.application.backtest.BacktestResult;
import dev.horizon.application.engine.EngineSettings;
import dev.horizon.domain.market.MarketCalendar;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A finished backtest, as the report writers see it.
 *
 * @param directory where the report files go ({@code --report DIR})
 * @param name      what ran, for titles (the config's file name)
 * @param settings  the engine settings it ran with
 * @param result    equity curve, orders, fills
 * @param trades    every fill with the decision that placed it
 * @param metrics   the statistics of the run
 */
public record BacktestReport(Path directory, String name, EngineSettings settings, BacktestResult result,
                             List<AttributedFill> trades, BacktestMetrics metrics) {

    public BacktestReport {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(result, "result");
        trades = List.copyOf(trades);
        Objects.requireNonNull(metrics, "metrics");
    }

    /** Writes one file (or a set of files) of a backtest report; add one to {@link ReportFiles#writers()} to add a format. */
    public interface Writer {
        /** The file it writes, for the closing message. */
        String fileName();

        /** Writes the file into {@link BacktestReport#directory()}. */
        void write(BacktestReport report) throws IOException;
    }

    /**
     * Attributes the fills and computes the metrics of a finished run.
     *
     * @param calendar     the market calendar, for the annualisation
     * @param start        when {@code initialValue} held: the bar close before the first traded one
     * @param initialValue the portfolio value before the first cycle
     * @param origins      the TRADE decisions recorded as the cycles ran
     */
    public static BacktestReport of(Path directory, String name, EngineSettings settings, MarketCalendar calendar,
                                    BacktestResult result, Instant start, BigDecimal initialValue, TradeOrigins origins) {
        List<AttributedFill> trades = origins.attribute(result.fills());
        BacktestMetrics metrics = BacktestMetrics.compute(start, initialValue, result.equity(), trades,
                Annualisation.of(settings.barInterval(), calendar));
        return new BacktestReport(directory, name, settings, result, trades, metrics);
    }
}
