package dev.horizon.domain.gating;

import dev.horizon.domain.market.Quote;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * The spread gate (PIPELINE §4), checked before any prediction work for a symbol.
 *
 * <p>In order: a quote with bid ≤ 0, ask ≤ 0, a non-finite side or ask &lt; bid (crossed) holds the
 * symbol with {@code bad_quote} <b>(fix: crossed quotes used to pass)</b>; a quote older than
 * {@code max_quote_age_ms} holds it with {@code stale_quote}; a spread above {@code max_spread_bps}
 * forbids new or larger positions ({@code spread 15.0bps > max 12.0bps}) but still lets a position be
 * reduced. Both limits are strict: exactly 12 bps or exactly 200 ms passes.
 */
public final class SpreadGate {

    /** Reason for a quote that cannot be traded on. */
    public static final String BAD_QUOTE = "bad_quote";
    /** Reason for a quote older than the allowed age. */
    public static final String STALE_QUOTE = "stale_quote";

    private final SpreadGateConfig config;
    private final Duration maxAge;

    public SpreadGate(SpreadGateConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.maxAge = Duration.ofMillis(config.maxQuoteAgeMs());
    }

    /**
     * Checks {@code quote} at cycle time {@code cycleTime} (from the engine's clock, never the wall
     * clock).
     */
    public SpreadCheck check(Quote quote, Instant cycleTime) {
        Duration age = Duration.between(quote.time(), cycleTime);
        if (!quote.isValid()) {
            return new SpreadCheck(SpreadCheck.Status.BAD_QUOTE, Double.NaN, age, BAD_QUOTE);
        }
        double spreadBps = quote.spreadBps();
        if (config.checkQuoteAge() && age.compareTo(maxAge) > 0) {
            return new SpreadCheck(SpreadCheck.Status.STALE_QUOTE, spreadBps, age, STALE_QUOTE);
        }
        if (spreadBps > config.maxSpreadBps()) {
            String reason = String.format(Locale.ROOT, "spread %.1fbps > max %.1fbps", spreadBps, config.maxSpreadBps());
            return new SpreadCheck(SpreadCheck.Status.WIDE_SPREAD, spreadBps, age, reason);
        }
        return new SpreadCheck(SpreadCheck.Status.PASS, spreadBps, age, "");
    }
}
