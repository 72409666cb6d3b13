package dev.horizon.adapters.data.simulated;

import dev.horizon.adapters.data.replay.ReplayFeed;
import dev.horizon.application.port.Clock;
import dev.horizon.application.port.MarketDataPort;
import dev.horizon.domain.market.Bar;
import dev.horizon.domain.market.Quote;
import dev.horizon.domain.market.Symbol;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

/**
 * Synthetic market data for tests and benchmarks: each symbol follows its own geometric Brownian
 * motion, generated up front and then replayed as of the {@link Clock} exactly like
 * {@link ReplayFeed} (quotes at close ∓ half the spread, ADV from completed session days).
 *
 * <p>Per bar, close = open · exp(μ − σ²/2 + σ·Z) with Z standard normal, so μ is the expected
 * simple return per bar and σ the volatility per bar; the next bar opens at this close. High and
 * low reach beyond open and close by half a random σ-move each; volume is log-normal around its
 * mean. A symbol's path depends only on the seed and its own ticker, so the same seed gives the
 * same bars on any machine, and adding symbols to the universe leaves the others unchanged.
 */
public final class SimulatedFeed implements MarketDataPort {

    /** Upper bound on symbols × bars: the bars live in memory (about 90 bytes each). */
    public static final long MAX_TOTAL_BARS = 5_000_000L;

    private final ReplayFeed replay;

    private SimulatedFeed(Builder builder) {
        ReplayFeed.Builder feed = ReplayFeed.builder(builder.clock).spreadBps(builder.spreadBps);
        for (Symbol symbol : builder.symbols) {
            feed.add(symbol, generate(symbol, builder));
        }
        this.replay = feed.build();
    }

    /** Starts a feed answering as of {@code clock}. */
    public static Builder builder(Clock clock) {
        return new Builder(clock);
    }

    /** {@code n} distinct tickers {@code S0001, S0002, …} for large synthetic universes. */
    public static List<Symbol> syntheticSymbols(int n) {
        if (n < 1 || n > 99_999) {
            throw new IllegalArgumentException("synthetic universe size must be in [1, 99999], was " + n);
        }
        List<Symbol> symbols = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            symbols.add(new Symbol(String.format("S%04d", i)));
        }
        return List.copyOf(symbols);
    }

    @Override
    public Map<Symbol, Quote> latestQuotes(Collection<Symbol> symbols) {
        return replay.latestQuotes(symbols);
    }

    @Override
    public Map<Symbol, List<Bar>> latestBars(Collection<Symbol> symbols, int count) {
        return replay.latestBars(symbols, count);
    }

    @Override
    public Map<Symbol, List<Bar>> barsBetween(Collection<Symbol> symbols, Instant fromExclusive, Instant toInclusive) {
        return replay.barsBetween(symbols, fromExclusive, toInclusive);
    }

    @Override
    public Map<Symbol, Double> averageDailyVolume(Collection<Symbol> symbols) {
        return replay.averageDailyVolume(symbols);
    }

    /** The simulated symbols, in the order given. */
    public Set<Symbol> symbols() {
        return replay.symbols();
    }

    /** The whole generated history of {@code symbol} regardless of the clock (empty when unknown). */
    public List<Bar> history(Symbol symbol) {
        return replay.history(symbol);
    }

    /** Every bar close time, ascending: the instants a backtest steps its clock through. */
    public List<Instant> closeTimes() {
        return replay.closeTimes();
    }

    private static List<Bar> generate(Symbol symbol, Builder p) {
        Random random = new Random(seedFor(p.seed, symbol));
        double logDrift = p.driftPerBar - 0.5 * p.volatilityPerBar * p.volatilityPerBar;
        List<Bar> bars = new ArrayList<>(p.barCount);
        double open = p.startPrice;
        Instant close = p.firstClose;
        for (int i = 0; i < p.barCount; i++) {
            double closePrice = open * Math.exp(logDrift + p.volatilityPerBar * random.nextGaussian());
            double high = Math.max(open, closePrice) * Math.exp(0.5 * p.volatilityPerBar * Math.abs(random.nextGaussian()));
            double low = Math.min(open, closePrice) * Math.exp(-0.5 * p.volatilityPerBar * Math.abs(random.nextGaussian()));
            // exp(0.5·Z − 0.125) has mean 1, so volumes average meanVolume.
            double volume = p.meanVolume * Math.exp(0.5 * random.nextGaussian() - 0.125);
            bars.add(new Bar(symbol, close, open, high, low, closePrice, volume));
            open = closePrice;
            close = close.plus(p.interval);
        }
        return bars;
    }

    /** Mixes the seed with the ticker (SplitMix64 finaliser) so each symbol gets its own stream. */
    static long seedFor(long seed, Symbol symbol) {
        long z = seed + 0x9E3779B97F4A7C15L * (symbol.value().hashCode() + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * Parameters of a {@link SimulatedFeed}. Defaults: seed 1, symbols {@code SIM}, 300 one-minute
     * bars from 2024-01-02T14:31:00Z, start price 100, drift 0, volatility 0.1% per bar, mean
     * volume 10,000 per bar, spread 2 bps.
     */
    public static final class Builder {

        private final Clock clock;
        private long seed = 1;
        private Set<Symbol> symbols = Set.of(new Symbol("SIM"));
        private Instant firstClose = Instant.parse("2024-01-02T14:31:00Z");
        private Duration interval = Duration.ofMinutes(1);
        private int barCount = 300;
        private double startPrice = 100;
        private double driftPerBar;
        private double volatilityPerBar = 0.001;
        private double meanVolume = 10_000;
        private double spreadBps = ReplayFeed.DEFAULT_SPREAD_BPS;

        private Builder(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The universe; duplicates are dropped, order kept. */
        public Builder symbols(Collection<Symbol> symbols) {
            if (symbols.isEmpty()) {
                throw new IllegalArgumentException("a simulated feed needs at least one symbol");
            }
            this.symbols = new LinkedHashSet<>(symbols);
            return this;
        }

        /** Close time of every symbol's first bar. */
        public Builder firstClose(Instant firstClose) {
            this.firstClose = Objects.requireNonNull(firstClose, "firstClose");
            return this;
        }

        public Builder interval(Duration interval) {
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("bar interval must be positive, was " + interval);
            }
            this.interval = interval;
            return this;
        }

        /** Bars per symbol (≥ 1); symbols × bars is bounded by {@link #MAX_TOTAL_BARS}. */
        public Builder bars(int barCount) {
            if (barCount < 1) {
                throw new IllegalArgumentException("bar count must be at least 1, was " + barCount);
            }
            this.barCount = barCount;
            return this;
        }

        public Builder startPrice(double startPrice) {
            this.startPrice = requireFinite("start price", startPrice, 0, false);
            return this;
        }

        /** Expected simple return per bar (μ), e.g. 0.0001. */
        public Builder driftPerBar(double drift) {
            if (!Double.isFinite(drift) || Math.abs(drift) >= 1) {
                throw new IllegalArgumentException("drift per bar must be finite and in (-1, 1), was " + drift);
            }
            this.driftPerBar = drift;
            return this;
        }

        /** Standard deviation of the log return per bar (σ ≥ 0), e.g. 0.001. */
        public Builder volatilityPerBar(double volatility) {
            if (!Double.isFinite(volatility) || volatility < 0 || volatility >= 1) {
                throw new IllegalArgumentException("volatility per bar must be finite and in [0, 1), was " + volatility);
            }
            this.volatilityPerBar = volatility;
            return this;
        }

        /** Mean traded volume per bar (≥ 0). */
        public Builder meanVolume(double meanVolume) {
            this.meanVolume = requireFinite("mean volume", meanVolume, 0, true);
            return this;
        }

        /** Full quoted spread in basis points. */
        public Builder spreadBps(double spreadBps) {
            this.spreadBps = spreadBps;
            return this;
        }

        /**
         * Generates every symbol's bars.
         *
         * @throws IllegalArgumentException if symbols × bars exceeds {@link #MAX_TOTAL_BARS}
         */
        public SimulatedFeed build() {
            long total = (long) symbols.size() * barCount;
            if (total > MAX_TOTAL_BARS) {
                throw new IllegalArgumentException(symbols.size() + " symbols × " + barCount + " bars = " + total
                        + " simulated bars, more than the " + MAX_TOTAL_BARS + " held in memory; use fewer of either");
            }
            return new SimulatedFeed(this);
        }

        private static double requireFinite(String name, double value, double min, boolean minAllowed) {
            if (!Double.isFinite(value) || value < min || (!minAllowed && value == min)) {
                throw new IllegalArgumentException(name + " must be finite and " + (minAllowed ? ">= " : "> ")
                        + min + ", was " + value);
            }
            return value;
        }
    }
}
