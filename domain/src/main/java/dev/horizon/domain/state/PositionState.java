package dev.horizon.domain.state;

import dev.horizon.domain.market.Symbol;
import dev.horizon.domain.order.Fill;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Objects;

/**
 * What the engine holds in one symbol: signed shares (negative = short), the average entry price
 * of the current position, when it was opened, and the last price it was marked at. Exact
 * decimals throughout.
 *
 * @param averageEntryPrice volume-weighted price of the shares held; {@code 0} when flat
 * @param entryTime         when the current position was opened; {@code null} when flat
 * @param markPrice         the last price the position was marked to market at (the last fill
 *                          price until the first mark); {@code 0} when flat
 */
public record PositionState(Symbol symbol, BigDecimal shares, BigDecimal averageEntryPrice, Instant entryTime,
                            BigDecimal markPrice) {

    /** Scale of the stored average entry price. */
    private static final int PRICE_SCALE = 10;

    public PositionState {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(shares, "shares");
        Objects.requireNonNull(averageEntryPrice, "averageEntryPrice");
        Objects.requireNonNull(markPrice, "markPrice");
        if (averageEntryPrice.signum() < 0) {
            throw new IllegalArgumentException("position " + symbol + ": negative entry price " + averageEntryPrice);
        }
    }

    /** No shares in {@code symbol}. */
    public static PositionState flat(Symbol symbol) {
        return new PositionState(symbol, BigDecimal.ZERO, BigDecimal.ZERO, null, BigDecimal.ZERO);
    }

    public boolean isFlat() {
        return shares.signum() == 0;
    }

    /**
     * The position after {@code fill}. Adding to a position moves the average entry price;
     * reducing it keeps the average; crossing through zero starts a new position at the fill price.
     */
    public PositionState apply(Fill fill) {
        if (!fill.symbol().equals(symbol)) {
            throw new IllegalArgumentException("fill for " + fill.symbol() + " applied to position in " + symbol);
        }
        BigDecimal delta = fill.signedQuantity();
        BigDecimal after = shares.add(delta);
        if (after.signum() == 0) {
            return flat(symbol);
        }
        if (shares.signum() == 0 || after.signum() != shares.signum()) {
            return new PositionState(symbol, after, fill.price(), fill.time(), fill.price());
        }
        if (delta.signum() == shares.signum()) {
            BigDecimal cost = averageEntryPrice.multiply(shares.abs()).add(fill.notional());
            BigDecimal average = cost.divide(after.abs(), PRICE_SCALE, RoundingMode.HALF_EVEN).stripTrailingZeros();
            return new PositionState(symbol, after, average, entryTime, fill.price());
        }
        return new PositionState(symbol, after, averageEntryPrice, entryTime, fill.price());
    }

    /** The same position marked at {@code price}. */
    public PositionState markedAt(BigDecimal price) {
        return new PositionState(symbol, shares, averageEntryPrice, entryTime, price);
    }

    /** shares × mark price, exact (negative for a short). */
    public BigDecimal marketValue() {
        return shares.multiply(markPrice);
    }

    /** shares × (mark − average entry), exact. */
    public BigDecimal unrealizedPnl() {
        return shares.multiply(markPrice.subtract(averageEntryPrice));
    }
}
