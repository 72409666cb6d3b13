package dev.horizon.domain.market;

import java.time.Instant;
import java.util.Objects;

/**
 * Top of book for one symbol at one instant (nanosecond precision where the feed has it).
 *
 * <p>A quote is a report of what the market said, so it is stored as received, even when it is
 * unusable: {@link #isValid()} tells whether it can be traded on, and the derived {@link #mid()}
 * and {@link #spreadBps()} are {@code NaN} for an invalid quote so nothing downstream can
 * mistake a broken quote for a price.
 */
public record Quote(Symbol symbol, double bid, double ask, double bidSize, double askSize, Instant time) {

    public Quote {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(time, "time");
    }

    /**
     * True when both sides are finite and positive and the book is not crossed ({@code ask ≥ bid}).
     * A locked book (ask = bid) is valid with a zero spread.
     */
    public boolean isValid() {
        return Double.isFinite(bid) && Double.isFinite(ask) && bid > 0 && ask > 0 && ask >= bid;
    }

    /** (bid + ask) / 2, or {@code NaN} when the quote is not {@link #isValid() valid}. */
    public double mid() {
        return isValid() ? (bid + ask) / 2.0 : Double.NaN;
    }

    /** (ask − bid) / mid × 10⁴, or {@code NaN} when the quote is not {@link #isValid() valid}. */
    public double spreadBps() {
        return isValid() ? (ask - bid) / mid() * 1e4 : Double.NaN;
    }
}
