package dev.horizon.adapters.broker.paper;

import dev.horizon.application.port.Clock;
import dev.horizon.application.port.MarketDataException;
import dev.horizon.application.port.MarketDataPort;
import dev.horizon.domain.market.Bar;
import dev.horizon.domain.market.Quote;
import dev.horizon.domain.market.Symbol;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Quotes set by the test, stamped with the clock's time when set or {@link #restamp() restamped}. */
final class FakeMarketData implements MarketDataPort {

    static final double DEFAULT_SIZE = 1_000;

    private final Clock clock;
    private final Map<Symbol, Quote> quotes = new HashMap<>();
    private boolean failing;

    FakeMarketData(Clock clock) {
        this.clock = clock;
    }

    void quote(String symbol, double bid, double ask) {
        quote(symbol, bid, ask, DEFAULT_SIZE, DEFAULT_SIZE);
    }

    void quote(String symbol, double bid, double ask, double bidSize, double askSize) {
        Symbol s = Symbol.of(symbol);
        quotes.put(s, new Quote(s, bid, ask, bidSize, askSize, clock.now()));
    }

    /** Every quote, unchanged in price and size, as of the clock's current time: a new step. */
    void restamp() {
        quotes.replaceAll((s, q) -> new Quote(s, q.bid(), q.ask(), q.bidSize(), q.askSize(), clock.now()));
    }

    void failing(boolean failing) {
        this.failing = failing;
    }

    @Override
    public Map<Symbol, Quote> latestQuotes(Collection<Symbol> symbols) {
        if (failing) {
            throw new MarketDataException("quote feed down");
        }
        Map<Symbol, Quote> out = new HashMap<>();
        for (Symbol s : symbols) {
            Quote q = quotes.get(s);
            if (q != null) {
                out.put(s, q);
            }
        }
        return out;
    }

    @Override
    public Map<Symbol, List<Bar>> latestBars(Collection<Symbol> symbols, int count) {
        return Map.of();
    }

    @Override
    public Map<Symbol, List<Bar>> barsBetween(Collection<Symbol> symbols, Instant fromExclusive, Instant toInclusive) {
        return Map.of();
    }

    @Override
    public Map<Symbol, Double> averageDailyVolume(Collection<Symbol> symbols) {
        return Map.of();
    }
}
