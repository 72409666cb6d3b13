package dev.horizon.application.port;

import dev.horizon.domain.market.Bar;
import dev.horizon.domain.market.Quote;
import dev.horizon.domain.market.Symbol;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Market data for a universe of symbols, as of the engine's {@link Clock}: no method ever returns
 * a bar that closes, or a quote stamped, after {@code clock.now()}.
 *
 * <p>Each method answers for many symbols in one call, so an adapter can batch its requests.
 * A symbol the source knows nothing about is simply absent from the returned map (never mapped to
 * {@code null} or an empty placeholder); the engine turns that into {@code HOLD no_data}.
 * Bars are returned oldest first, with strictly increasing close times.
 *
 * <p>Quotes are passed on as received, even if crossed or non-positive: judging them is the
 * spread gate's job, and silently dropping them would hide a broken feed.
 *
 * <p>Failures to reach the source throw {@link MarketDataException}. Implementations must be
 * safe to call from one engine thread at a time; they need not be thread-safe beyond that.
 */
public interface MarketDataPort {

    /** The latest quote of each symbol at or before now. */
    Map<Symbol, Quote> latestQuotes(Collection<Symbol> symbols);

    /** Up to {@code count} most recent bars of each symbol that closed at or before now. */
    Map<Symbol, List<Bar>> latestBars(Collection<Symbol> symbols, int count);

    /**
     * Bars of each symbol that closed in {@code (fromExclusive, toInclusive]}, with
     * {@code toInclusive} capped at now. Symbols with no bar in the range are absent.
     */
    Map<Symbol, List<Bar>> barsBetween(Collection<Symbol> symbols, Instant fromExclusive, Instant toInclusive);

    /**
     * Average daily traded volume in shares of each symbol, where the source knows it; symbols
     * with unknown volume are absent (the engine then assumes no capacity or impact limit).
     */
    Map<Symbol, Double> averageDailyVolume(Collection<Symbol> symbols);
}
