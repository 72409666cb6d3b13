package dev.horizon.domain.market;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A tradable instrument's ticker as the broker and data feeds spell it, e.g. {@code AAPL} or
 * {@code BTC/USD}.
 *
 * <p>Upper-case letters, digits and {@code . / - _}, at most 16 characters; anything else is
 * rejected at construction so a bad ticker never reaches an order.
 */
public record Symbol(String value) implements Comparable<Symbol> {

    private static final Pattern VALID = Pattern.compile("[A-Z0-9][A-Z0-9./_-]{0,15}");

    public Symbol {
        Objects.requireNonNull(value, "symbol");
        if (!VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid symbol '" + value
                    + "': use 1-16 upper-case letters, digits or . / - _ (e.g. AAPL, BTC/USD)");
        }
    }

    /** Parses a ticker, upper-casing and trimming it first. */
    public static Symbol of(String value) {
        Objects.requireNonNull(value, "symbol");
        return new Symbol(value.trim().toUpperCase(java.util.Locale.ROOT));
    }

    @Override
    public int compareTo(Symbol other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
