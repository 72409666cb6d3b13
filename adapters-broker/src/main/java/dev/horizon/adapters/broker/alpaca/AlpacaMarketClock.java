package dev.horizon.adapters.broker.alpaca;

import java.time.Instant;
import java.util.Objects;

/**
 * Alpaca's market clock ({@code GET /v2/clock}): whether US equities trade now and when they next
 * open and close.
 *
 * @param timestamp Alpaca's current time
 * @param open      whether the market is in its regular session
 * @param nextOpen  the next session open
 * @param nextClose the next session close
 */
public record AlpacaMarketClock(Instant timestamp, boolean open, Instant nextOpen, Instant nextClose) {
    public AlpacaMarketClock {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(nextOpen, "nextOpen");
        Objects.requireNonNull(nextClose, "nextClose");
    }
}
