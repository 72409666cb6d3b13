package dev.horizon.application.engine;

import dev.horizon.application.port.MarketDataPort;
import dev.horizon.domain.features.BarWindow;
import dev.horizon.domain.market.Bar;
import dev.horizon.domain.market.BarSeries;
import dev.horizon.domain.market.Symbol;
import dev.horizon.domain.prediction.CloseLookup;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The engine's bounded window of recent bars for every symbol of the universe, kept up to date
 * from the market data port: the full window once at warm-up, then only the bars that closed since.
 *
 * <p>Not thread-safe: owned by the cycle's thread.
 */
final class BarHistory implements CloseLookup {

    private final List<Symbol> universe;
    private final BarSeries[] series;
    /** The feature library's incremental view of each series (it follows its series on use). */
    private final BarWindow[] windows;
    private final Duration barInterval;
    private final int capacity;
    /** Close time (epoch ms) and close of each symbol's newest bar: maturation asks for these most. */
    private final long[] newestMillis;
    private final double[] newestClose;
    private boolean warmedUp;

    BarHistory(List<Symbol> universe, int capacity, Duration barInterval) {
        this.universe = universe;
        this.capacity = capacity;
        this.barInterval = barInterval;
        this.series = new BarSeries[universe.size()];
        this.windows = new BarWindow[universe.size()];
        this.newestMillis = new long[universe.size()];
        this.newestClose = new double[universe.size()];
        Arrays.fill(newestMillis, Long.MIN_VALUE);
        for (int i = 0; i < series.length; i++) {
            series[i] = new BarSeries(universe.get(i), capacity);
            windows[i] = new BarWindow(series[i]);
        }
    }

    /** Adds every bar that closed up to {@code now}. */
    void update(MarketDataPort market, Instant now) {
        Map<Symbol, List<Bar>> fresh;
        if (!warmedUp) {
            fresh = market.latestBars(universe, capacity);
            warmedUp = true;
        } else {
            fresh = market.barsBetween(universe, oldestNeeded(now), now);
        }
        for (int i = 0; i < series.length; i++) {
            List<Bar> bars = fresh.get(universe.get(i));
            if (bars == null) {
                continue;
            }
            BarSeries s = series[i];
            for (Bar bar : bars) {
                if (s.isEmpty() || bar.closeTime().isAfter(s.lastCloseTime())) {
                    s.add(bar);
                    newestMillis[i] = bar.closeTime().toEpochMilli();
                    newestClose[i] = bar.close();
                }
            }
        }
    }

    /** The earliest close time any series still lacks: the newest of each, or a full window back. */
    private Instant oldestNeeded(Instant now) {
        Instant fullWindow = now.minus(barInterval.multipliedBy(capacity));
        Instant from = null;
        for (BarSeries s : series) {
            Instant last = s.isEmpty() ? fullWindow : s.lastCloseTime();
            if (from == null || last.isBefore(from)) {
                from = last;
            }
        }
        return from.isBefore(fullWindow) ? fullWindow : from;
    }

    BarSeries series(int symbol) {
        return series[symbol];
    }

    /**
     * The symbol's bars for the feature library and the sequence windows: the same bars as
     * {@link #series(int)}, with what is derived per bar kept between cycles.
     */
    BarWindow window(int symbol) {
        return windows[symbol];
    }

    /** True when the symbol's newest bar closed exactly at {@code t} (it has data this cycle). */
    boolean hasBarAt(int symbol, Instant t) {
        BarSeries s = series[symbol];
        return !s.isEmpty() && s.lastCloseTime().equals(t);
    }

    /** Close time of the symbol's newest bar in epoch millis, {@link Long#MIN_VALUE} when none. */
    long lastBarMillis(int symbol) {
        return newestMillis[symbol];
    }

    /** The newest close of the symbol, {@code NaN} when it has no bars. */
    double lastClose(int symbol) {
        BarSeries s = series[symbol];
        return s.isEmpty() ? Double.NaN : s.close(s.size() - 1);
    }

    @Override
    public double closeAt(int symbol, long closeEpochMillis) {
        if (newestMillis[symbol] == closeEpochMillis) {
            return newestClose[symbol];
        }
        BarSeries s = series[symbol];
        for (int i = s.size() - 1; i >= 0; i--) {
            long t = s.closeTime(i).toEpochMilli();
            if (t == closeEpochMillis) {
                return s.close(i);
            }
            if (t < closeEpochMillis) {
                break;
            }
        }
        return Double.NaN;
    }
}
