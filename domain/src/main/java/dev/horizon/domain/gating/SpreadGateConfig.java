package dev.horizon.domain.gating;

/**
 * Parameters of the {@link SpreadGate} ({@code [gating.*]}).
 *
 * @param maxSpreadBps    {@code gating.max_spread_bps}: above this spread (bps of mid) no new or
 *                        larger positions are opened; default 12
 * @param maxQuoteAgeMs   {@code gating.max_quote_age_ms}: a quote older than this (cycle clock −
 *                        quote time) holds the symbol; default 200
 * @param checkQuoteAge   false disables the quote-age check, for replays whose quotes are as old
 *                        as their bars
 */
public record SpreadGateConfig(double maxSpreadBps, long maxQuoteAgeMs, boolean checkQuoteAge) {

    public SpreadGateConfig {
        if (!(maxSpreadBps > 0) || Double.isInfinite(maxSpreadBps)) {
            throw new IllegalArgumentException("gating.max_spread_bps must be a positive number, was " + maxSpreadBps);
        }
        if (maxQuoteAgeMs < 0) {
            throw new IllegalArgumentException("gating.max_quote_age_ms must be >= 0, was " + maxQuoteAgeMs);
        }
    }

    /** The live defaults: 12 bps, 200 ms, age checked. */
    public static SpreadGateConfig defaults() {
        return new SpreadGateConfig(12.0, 200, true);
    }

    /** The same limits with the quote-age check switched off (replay). */
    public SpreadGateConfig withoutQuoteAgeCheck() {
        return new SpreadGateConfig(maxSpreadBps, maxQuoteAgeMs, false);
    }
}
