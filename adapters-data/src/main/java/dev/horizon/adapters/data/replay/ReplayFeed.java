package dev.horizon.adapters.data.replay;

import dev.horizon.application.port.Clock;
import dev.horizon.application.port.MarketDataPort;
import dev.horizon.domain.market.Bar;
import dev.horizon.domain.market.MarketCalendar;
import dev.horizon.domain.market.Quote;
import dev.horizon.domain.market.Symbol;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Market data replayed from bars held in memory (typically read from CSV), as of the engine's
 * {@link Clock}: a bar becomes visible at its close and never before.
 *
 * <p>Quotes are synthesised from the latest closed bar: bid/ask = close ∓ half the configured
 * spread, stamped at the bar's close (sizes unknown, reported as 0). Average daily volume is the
 * mean volume of up to {@code advDays} completed session days (days of the clock's calendar
 * before today's) with bars; unknown — and absent — until one day has completed.
 *
 * <p>Built for backtests: each symbol's bars sit in an array, every as-of lookup is a binary
 * search on their close times, and bar answers are read-only views of that array, so no call
 * scans from the start or copies a history. Immutable once built; the answers are unmodifiable.
 */
public final class ReplayFeed implements MarketDataPort {

    /** Quoted spread used when none is configured: well inside the default 12 bps spread gate. */
    public static final double DEFAULT_SPREAD_BPS = 2.0;
    /** Session days averaged for ADV when not configured. */
    public static final int DEFAULT_ADV_DAYS = 20;

    private final Clock clock;
    private final MarketCalendar calendar;
    private final double halfSpread;
    private final double spreadBps;
    private final int advDays;
    private final long skippedRows;
    private final Map<Symbol, SymbolHistory> histories;
    private volatile List<Instant> closeTimes;

    private ReplayFeed(Builder builder) {
        this.clock = builder.clock;
        this.calendar = clock.calendar();
        this.spreadBps = builder.spreadBps;
        this.halfSpread = builder.spreadBps / 2e4;
        this.advDays = builder.advDays;
        this.skippedRows = builder.skippedRows;
        Map<Symbol, SymbolHistory> map = new LinkedHashMap<>();
        builder.bars.forEach((symbol, bars) -> map.put(symbol, new SymbolHistory(symbol, bars, calendar)));
        this.histories = Collections.unmodifiableMap(map);
    }

    /** Starts a feed that answers as of {@code clock} (and uses its calendar for session days). */
    public static Builder builder(Clock clock) {
        return new Builder(clock);
    }

    @Override
    public Map<Symbol, Quote> latestQuotes(Collection<Symbol> symbols) {
        long now = SymbolHistory.nanos(clock.now());
        Map<Symbol, Quote> answer = newAnswer(symbols);
        for (Symbol symbol : symbols) {
            SymbolHistory history = histories.get(Objects.requireNonNull(symbol, "symbol"));
            if (history == null) {
                continue;
            }
            int end = history.countAtOrBefore(now);
            if (end > 0) {
                Bar bar = history.bars[end - 1];
                double half = bar.close() * halfSpread;
                answer.put(symbol, new Quote(symbol, bar.close() - half, bar.close() + half, 0, 0, bar.closeTime()));
            }
        }
        return Collections.unmodifiableMap(answer);
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if {@code count} is not positive
     */
    @Override
    public Map<Symbol, List<Bar>> latestBars(Collection<Symbol> symbols, int count) {
        if (count <= 0) {
            throw new IllegalArgumentException("bar count must be positive, was " + count);
        }
        long now = SymbolHistory.nanos(clock.now());
        Map<Symbol, List<Bar>> answer = newAnswer(symbols);
        for (Symbol symbol : symbols) {
            SymbolHistory history = histories.get(Objects.requireNonNull(symbol, "symbol"));
            if (history == null) {
                continue;
            }
            int end = history.countAtOrBefore(now);
            if (end > 0) {
                answer.put(symbol, new BarListView(history.bars, Math.max(0, end - count), end));
            }
        }
        return Collections.unmodifiableMap(answer);
    }

    @Override
    public Map<Symbol, List<Bar>> barsBetween(Collection<Symbol> symbols, Instant fromExclusive, Instant toInclusive) {
        long from = SymbolHistory.nanos(Objects.requireNonNull(fromExclusive, "fromExclusive"));
        long to = Math.min(SymbolHistory.nanos(Objects.requireNonNull(toInclusive, "toInclusive")),
                SymbolHistory.nanos(clock.now()));
        Map<Symbol, List<Bar>> answer = newAnswer(symbols);
        for (Symbol symbol : symbols) {
            SymbolHistory history = histories.get(Objects.requireNonNull(symbol, "symbol"));
            if (history == null || to <= from) {
                continue;
            }
            int start = history.countAtOrBefore(from);
            int end = history.countAtOrBefore(to);
            if (end > start) {
                answer.put(symbol, new BarListView(history.bars, start, end));
            }
        }
        return Collections.unmodifiableMap(answer);
    }

    @Override
    public Map<Symbol, Double> averageDailyVolume(Collection<Symbol> symbols) {
        long today = calendar.sessionDay(clock.now()).toEpochDay();
        Map<Symbol, Double> answer = newAnswer(symbols);
        for (Symbol symbol : symbols) {
            SymbolHistory history = histories.get(Objects.requireNonNull(symbol, "symbol"));
            if (history == null) {
                continue;
            }
            double adv = history.averageDailyVolume(today, advDays);
            if (!Double.isNaN(adv)) {
                answer.put(symbol, adv);
            }
        }
        return Collections.unmodifiableMap(answer);
    }

    /** The symbols this feed has bars for, in the order they were added. */
    public Set<Symbol> symbols() {
        return histories.keySet();
    }

    /** The whole history of {@code symbol} regardless of the clock (empty when unknown), oldest first. */
    public List<Bar> history(Symbol symbol) {
        SymbolHistory history = histories.get(symbol);
        return history == null ? List.of() : new BarListView(history.bars, 0, history.bars.length);
    }

    /**
     * Every distinct bar close time over all symbols, ascending: the instants a backtest steps
     * its clock through.
     */
    public List<Instant> closeTimes() {
        List<Instant> times = closeTimes;
        if (times == null) {
            times = mergeCloseTimes();
            closeTimes = times;
        }
        return times;
    }

    /** Bad rows skipped by lenient CSV reads that went into this feed. */
    public long skippedRows() {
        return skippedRows;
    }

    /** The quoted spread in basis points. */
    public double spreadBps() {
        return spreadBps;
    }

    private List<Instant> mergeCloseTimes() {
        int total = histories.values().stream().mapToInt(h -> h.bars.length).sum();
        long[] all = new long[total];
        int n = 0;
        for (SymbolHistory history : histories.values()) {
            System.arraycopy(history.closeNanos, 0, all, n, history.closeNanos.length);
            n += history.closeNanos.length;
        }
        Arrays.sort(all);
        Instant[] distinct = new Instant[total];
        int count = 0;
        for (int i = 0; i < total; i++) {
            if (i == 0 || all[i] != all[i - 1]) {
                distinct[count++] = Instant.ofEpochSecond(Math.floorDiv(all[i], 1_000_000_000L),
                        Math.floorMod(all[i], 1_000_000_000L));
            }
        }
        return List.of(Arrays.copyOf(distinct, count));
    }

    private static <V> Map<Symbol, V> newAnswer(Collection<Symbol> symbols) {
        return new LinkedHashMap<>(Math.max(4, symbols.size() * 4 / 3 + 1));
    }

    /** Collects the bars and settings of a {@link ReplayFeed}. */
    public static final class Builder {

        private final Clock clock;
        private final Map<Symbol, List<Bar>> bars = new LinkedHashMap<>();
        private double spreadBps = DEFAULT_SPREAD_BPS;
        private int advDays = DEFAULT_ADV_DAYS;
        private long skippedRows;

        private Builder(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
        }

        /** The full quoted spread in basis points (finite, ≥ 0); bid/ask sit half of it either side of the close. */
        public Builder spreadBps(double spreadBps) {
            if (!Double.isFinite(spreadBps) || spreadBps < 0 || spreadBps >= 2e4) {
                throw new IllegalArgumentException("spread must be finite and in [0, 20000) bps, was " + spreadBps);
            }
            this.spreadBps = spreadBps;
            return this;
        }

        /** How many completed session days the average daily volume covers (≥ 1). */
        public Builder advDays(int days) {
            if (days < 1) {
                throw new IllegalArgumentException("ADV days must be at least 1, was " + days);
            }
            this.advDays = days;
            return this;
        }

        /**
         * Adds one symbol's bars, oldest first with strictly increasing close times.
         *
         * @throws IllegalArgumentException if the symbol was already added
         */
        public Builder add(Symbol symbol, List<Bar> history) {
            Objects.requireNonNull(symbol, "symbol");
            Objects.requireNonNull(history, "history");
            if (bars.containsKey(symbol)) {
                throw new IllegalArgumentException("bars of " + symbol + " added twice");
            }
            if (!history.isEmpty()) {
                bars.put(symbol, history);
            }
            return this;
        }

        /** Adds every symbol read from a CSV source and counts its skipped rows. */
        public Builder add(CsvBars csv) {
            csv.bars().forEach(this::add);
            skippedRows += csv.skippedRows();
            return this;
        }

        /**
         * Indexes the bars.
         *
         * @throws IllegalArgumentException if a history is out of order or holds another symbol's bars
         */
        public ReplayFeed build() {
            return new ReplayFeed(this);
        }
    }
}
