package dev.horizon.benchmarks;

import dev.horizon.adapters.data.simulated.SimulatedFeed;
import dev.horizon.application.engine.EngineSettings;
import dev.horizon.domain.market.Horizon;
import dev.horizon.domain.market.MarketCalendar;
import dev.horizon.domain.market.Symbol;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The reference scenario of TARGETS.md: 1-minute bars, horizons 5m…1d, 300 bars of history per
 * symbol, geometric Brownian motion prices with a fixed seed, 26 models (see {@link ReferenceRun}).
 *
 * <p>The synthetic market trades around the clock ({@link MarketCalendar#alwaysOpen()}, UTC
 * session days), as the simulated feed produces a bar every minute without session gaps. That
 * makes {@code 1d} 1,440 minutes: the 1d prediction ledgers hold a whole day of predictions
 * (1,452 cycles × symbols), the heaviest case the engine has to carry.
 */
public final class ReferenceScenario {

    /** Symbols in the cycle benchmarks. */
    public static final int CYCLE_SYMBOLS = 500;
    /** Symbols and bars of the backtest benchmark. */
    public static final int BACKTEST_SYMBOLS = 100;
    public static final int BACKTEST_BARS = 20_000;
    /** Bars of history the engine keeps ({@code engine.history_bars}). */
    public static final int HISTORY_BARS = 300;
    /** The seed of every price path. */
    public static final long SEED = 20_240_102L;
    /** Close of the first synthetic bar. */
    public static final Instant FIRST_CLOSE = Instant.parse("2024-01-02T00:01:00Z");
    public static final Duration BAR = Duration.ofMinutes(1);
    public static final MarketCalendar CALENDAR = MarketCalendar.alwaysOpen();
    /** GBM parameters: drift and volatility per bar, start price, mean volume per bar, quoted spread. */
    public static final double DRIFT_PER_BAR = 0.0;
    public static final double VOL_PER_BAR = 0.001;
    public static final double START_PRICE = 100.0;
    public static final double MEAN_VOLUME = 10_000.0;
    public static final double SPREAD_BPS = 2.0;
    /** Paper account: the default max weight (5 %) of it is the default max order notional (50,000). */
    public static final String INITIAL_CASH = "1000000.00";

    /** The horizon labels, shortest first. */
    public static final List<String> HORIZON_LABELS = List.of("5m", "10m", "15m", "30m", "60m", "1d");

    private ReferenceScenario() {
    }

    /** 5m, 10m, 15m, 30m, 60m and 1d (= one 1,440-minute session). */
    public static List<Horizon> horizons() {
        return HORIZON_LABELS.stream().map(l -> Horizon.parse(l, CALENDAR.sessionMinutes())).toList();
    }

    /** The horizons of the bundled demo run: 5m … 60m. */
    public static List<Horizon> demoHorizons() {
        return horizons().subList(0, 5);
    }

    /** {@code n} synthetic tickers S0001… */
    public static List<Symbol> universe(int n) {
        return SimulatedFeed.syntheticSymbols(n);
    }

    /** The design defaults for the universe and horizons. */
    public static EngineSettings settings(List<Symbol> universe, List<Horizon> horizons) {
        return EngineSettings.defaults(universe, BAR, horizons, "bench");
    }
}
