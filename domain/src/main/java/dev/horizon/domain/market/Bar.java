package dev.horizon.domain.market;

import java.time.Instant;
import java.util.Objects;

/**
 * One OHLCV bar of a symbol, stamped with the time the bar <em>closed</em>: the engine runs a
 * cycle at a bar's close, and a bar is never visible before that instant.
 *
 * <p>Prices are finite and positive, {@code low ≤ open, close ≤ high}, volume finite and
 * non-negative; anything else is refused at construction so bad data cannot reach the pipeline.
 */
public record Bar(Symbol symbol, Instant closeTime, double open, double high, double low,
                  double close, double volume) {

    public Bar {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(closeTime, "closeTime");
        requirePositive("open", open);
        requirePositive("high", high);
        requirePositive("low", low);
        requirePositive("close", close);
        if (high < low) {
            throw new IllegalArgumentException("bar " + symbol + " at " + closeTime
                    + ": high " + high + " < low " + low);
        }
        if (open > high || open < low || close > high || close < low) {
            throw new IllegalArgumentException("bar " + symbol + " at " + closeTime
                    + ": open/close outside [low, high]");
        }
        if (!Double.isFinite(volume) || volume < 0) {
            throw new IllegalArgumentException("bar " + symbol + " at " + closeTime
                    + ": volume must be finite and >= 0, was " + volume);
        }
    }

    private static void requirePositive(String field, double value) {
        if (!Double.isFinite(value) || value <= 0) {
            throw new IllegalArgumentException(field + " must be a finite positive price, was " + value);
        }
    }
}
