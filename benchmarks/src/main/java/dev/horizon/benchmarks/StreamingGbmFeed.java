package dev.horizon.benchmarks;

import dev.horizon.application.port.Clock;
import dev.horizon.application.port.MarketDataPort;
import dev.horizon.domain.market.Bar;
import dev.horizon.domain.market.Quote;
import dev.horizon.domain.market.Symbol;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Geometric Brownian motion bars generated as the clock advances, for benchmarks that run an
 * open-ended number of cycles: the same price process as the project's {@code SimulatedFeed}
 * (close = open · exp(μ − σ²/2 + σ·Z), high/low half a random σ-move beyond, log-normal volume,
 * one seeded stream per symbol), but only a bounded window of recent bars is kept, so a
 * benchmark can run for hours in constant memory. Quotes sit at the last close ∓ half the spread,
 * stamped at its close time; the average daily volume is the mean volume × bars per session.
 *
 * <p>Not thread-safe (one engine thread).
 */
public final class StreamingGbmFeed implements MarketDataPort {

    private final Clock clock;
    private final List<Symbol> symbols;
    private final Map<Symbol, Integer> index = new HashMap<>();
    private final Random[] random;
    private final double[] open;
    private final Bar[][] ring;
    private final int capacity;
    private final Instant firstClose;
    private final long intervalNanos;
    private final double logDrift;
    private final double vol;
    private final double meanVolume;
    private final double halfSpread;
    private final double adv;
    private long generated;

    /**
     * @param window bars kept per symbol; at least the engine's history plus a few
     */
    public StreamingGbmFeed(Clock clock, List<Symbol> symbols, long seed, Instant firstClose, Duration interval,
                            int window) {
        this.clock = clock;
        this.symbols = List.copyOf(symbols);
        this.capacity = window;
        this.firstClose = firstClose;
        this.intervalNanos = interval.toNanos();
        this.random = new Random[symbols.size()];
        this.open = new double[symbols.size()];
        this.ring = new Bar[symbols.size()][window];
        for (int i = 0; i < symbols.size(); i++) {
            index.put(symbols.get(i), i);
            random[i] = new Random(seedFor(seed, symbols.get(i)));
            open[i] = ReferenceScenario.START_PRICE;
        }
        this.vol = ReferenceScenario.VOL_PER_BAR;
        this.logDrift = ReferenceScenario.DRIFT_PER_BAR - 0.5 * vol * vol;
        this.meanVolume = ReferenceScenario.MEAN_VOLUME;
        this.halfSpread = ReferenceScenario.SPREAD_BPS / 2e4;
        this.adv = meanVolume * clock.calendar().sessionMinutes() / interval.toMinutes();
    }

    /** Close time of bar {@code k} (0 = the first). */
    public Instant closeOf(long k) {
        return firstClose.plusNanos(k * intervalNanos);
    }

    @Override
    public Map<Symbol, Quote> latestQuotes(Collection<Symbol> wanted) {
        catchUp();
        Map<Symbol, Quote> answer = new HashMap<>(wanted.size() * 2);
        if (generated == 0) {
            return answer;
        }
        for (Symbol symbol : wanted) {
            Integer i = index.get(symbol);
            if (i != null) {
                Bar bar = bar(i, generated - 1);
                double half = bar.close() * halfSpread;
                answer.put(symbol, new Quote(symbol, bar.close() - half, bar.close() + half, 0, 0, bar.closeTime()));
            }
        }
        return answer;
    }

    @Override
    public Map<Symbol, List<Bar>> latestBars(Collection<Symbol> wanted, int count) {
        catchUp();
        long from = Math.max(oldestHeld(), generated - count);
        return answer(wanted, from, generated);
    }

    @Override
    public Map<Symbol, List<Bar>> barsBetween(Collection<Symbol> wanted, Instant fromExclusive, Instant toInclusive) {
        catchUp();
        long from = Math.max(oldestHeld(), closedBy(fromExclusive));
        long to = Math.min(generated, closedBy(toInclusive));
        return answer(wanted, from, to);
    }

    @Override
    public Map<Symbol, Double> averageDailyVolume(Collection<Symbol> wanted) {
        Map<Symbol, Double> answer = new HashMap<>(wanted.size() * 2);
        for (Symbol symbol : wanted) {
            if (index.containsKey(symbol)) {
                answer.put(symbol, adv);
            }
        }
        return answer;
    }

    private Map<Symbol, List<Bar>> answer(Collection<Symbol> wanted, long from, long to) {
        Map<Symbol, List<Bar>> answer = new HashMap<>(wanted.size() * 2);
        if (to <= from) {
            return answer;
        }
        for (Symbol symbol : wanted) {
            Integer i = index.get(symbol);
            if (i == null) {
                continue;
            }
            if (to - from == 1) {
                answer.put(symbol, List.of(bar(i, from)));
            } else {
                List<Bar> bars = new ArrayList<>((int) (to - from));
                for (long k = from; k < to; k++) {
                    bars.add(bar(i, k));
                }
                answer.put(symbol, bars);
            }
        }
        return answer;
    }

    /** Number of bars closed at or before {@code t}. */
    private long closedBy(Instant t) {
        long nanos = Duration.between(firstClose, t).toNanos();
        return nanos < 0 ? 0 : nanos / intervalNanos + 1;
    }

    private long oldestHeld() {
        return Math.max(0, generated - capacity);
    }

    private Bar bar(int symbol, long k) {
        return ring[symbol][(int) (k % capacity)];
    }

    private void catchUp() {
        long due = closedBy(clock.now());
        while (generated < due) {
            Instant close = closeOf(generated);
            int slot = (int) (generated % capacity);
            for (int i = 0; i < symbols.size(); i++) {
                Random r = random[i];
                double o = open[i];
                double c = o * Math.exp(logDrift + vol * r.nextGaussian());
                double high = Math.max(o, c) * Math.exp(0.5 * vol * Math.abs(r.nextGaussian()));
                double low = Math.min(o, c) * Math.exp(-0.5 * vol * Math.abs(r.nextGaussian()));
                double volume = meanVolume * Math.exp(0.5 * r.nextGaussian() - 0.125);
                ring[i][slot] = new Bar(symbols.get(i), close, o, high, low, c, volume);
                open[i] = c;
            }
            generated++;
        }
    }

    /** SplitMix64 finaliser of seed and ticker, the construction SimulatedFeed uses. */
    private static long seedFor(long seed, Symbol symbol) {
        long z = seed + 0x9E3779B97F4A7C15L * (symbol.value().hashCode() + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
