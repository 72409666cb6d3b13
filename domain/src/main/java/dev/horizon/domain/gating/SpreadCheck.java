package dev.horizon.domain.gating;

import java.time.Duration;
import java.util.Objects;

/**
 * The spread gate's verdict on one symbol's quote.
 *
 * @param status    what the gate found
 * @param spreadBps (ask − bid)/mid × 10⁴; {@code NaN} for a bad quote
 * @param quoteAge  cycle clock − quote time (negative when the quote is stamped after the cycle)
 * @param reason    {@code bad_quote}, {@code stale_quote}, {@code spread 15.0bps > max 12.0bps}, or
 *                  empty when the quote passed
 */
public record SpreadCheck(Status status, double spreadBps, Duration quoteAge, String reason) {

    /** The outcomes of the spread gate. */
    public enum Status {
        /** Valid, fresh and tight enough: no restriction. */
        PASS,
        /** bid ≤ 0, ask ≤ 0, non-finite or crossed: {@code HOLD bad_quote}. */
        BAD_QUOTE,
        /** Older than the allowed age: {@code HOLD stale_quote}. */
        STALE_QUOTE,
        /** Spread above the limit: reductions only. */
        WIDE_SPREAD
    }

    public SpreadCheck {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(quoteAge, "quoteAge");
        Objects.requireNonNull(reason, "reason");
    }

    /**
     * True when the symbol must be held without any further work this cycle (bad or stale quote):
     * there is no price to trade at, not even to reduce.
     */
    public boolean holdsSymbol() {
        return status == Status.BAD_QUOTE || status == Status.STALE_QUOTE;
    }

    /** True when new or larger positions are allowed. */
    public boolean allowsNewRisk() {
        return status == Status.PASS;
    }

    /**
     * The target the gate lets through: {@code proposed} when the quote passed, only its reducing
     * part under a wide spread, and {@code current} when the symbol is held.
     */
    public double allowedTarget(double current, double proposed) {
        return switch (status) {
            case PASS -> proposed;
            case WIDE_SPREAD -> Exposure.reductionOnly(current, proposed);
            case BAD_QUOTE, STALE_QUOTE -> current;
        };
    }
}
