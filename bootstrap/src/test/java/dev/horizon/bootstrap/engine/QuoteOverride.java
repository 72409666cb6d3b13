package dev.horizon.bootstrap.engine;

import dev.horizon.application.port.MarketDataPort;
import dev.horizon.domain.market.Bar;
import dev.horizon.domain.market.Quote;
import dev.horizon.domain.market.Symbol;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** A market whose quotes a test rewrites (crossed, stale, wide, missing) while bars stay real. */
final class QuoteOverride implements MarketDataPort {

    private final MarketDataPort delegate;
    private final UnaryOperator<Quote> rewrite;

    /** @param rewrite returns the quote to serve, or {@code null} to serve none */
    QuoteOverride(MarketDataPort delegate, UnaryOperator<Quote> rewrite) {
        this.delegate = delegate;
        this.rewrite = rewrite;
    }

    @Override
    public Map<Symbol, Quote> latestQuotes(Collection<Symbol> symbols) {
        Map<Symbol, Quote> out = new HashMap<>();
        delegate.latestQuotes(symbols).forEach((s, q) -> {
            Quote r = rewrite.apply(q);
            if (r != null) {
                out.put(s, r);
            }
        });
        return out;
    }

    @Override
    public Map<Symbol, List<Bar>> latestBars(Collection<Symbol> symbols, int count) {
        return delegate.latestBars(symbols, count);
    }

    @Override
    public Map<Symbol, List<Bar>> barsBetween(Collection<Symbol> symbols, Instant fromExclusive, Instant toInclusive) {
        return delegate.barsBetween(symbols, fromExclusive, toInclusive);
    }

    @Override
    public Map<Symbol, Double> averageDailyVolume(Collection<Symbol> symbols) {
        return delegate.averageDailyVolume(symbols);
    }

    static Quote crossed(Quote q) {
        return new Quote(q.symbol(), q.ask(), q.bid(), q.bidSize(), q.askSize(), q.time());
    }

    static Quote stale(Quote q) {
        return new Quote(q.symbol(), q.bid(), q.ask(), q.bidSize(), q.askSize(), q.time().minusSeconds(5));
    }

    /** The same mid with a spread of {@code bps}. */
    static Quote widened(Quote q, double bps) {
        double mid = q.mid();
        double half = mid * bps / 2e4;
        return new Quote(q.symbol(), mid - half, mid + half, q.bidSize(), q.askSize(), q.time());
    }
}
