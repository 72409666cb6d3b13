package dev.horizon.domain.order;

import dev.horizon.domain.market.Symbol;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One execution reported by the broker. Quantities, prices and fees are exact decimals; the
 * ledger (cash, positions) is only ever updated from fills.
 *
 * @param fillId        the broker's execution id, unique per fill (deduplicates replays)
 * @param clientOrderId the order this fill belongs to
 * @param quantity      shares filled, positive
 * @param price         execution price, positive
 * @param fee           fees charged for this fill, zero or positive
 */
public record Fill(String fillId, ClientOrderId clientOrderId, Symbol symbol, OrderSide side,
                   BigDecimal quantity, BigDecimal price, BigDecimal fee, Instant time) {

    public Fill {
        Objects.requireNonNull(fillId, "fillId");
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(time, "time");
        if (quantity == null || quantity.signum() <= 0) {
            throw new IllegalArgumentException("fill " + fillId + ": quantity must be positive, was " + quantity);
        }
        if (price == null || price.signum() <= 0) {
            throw new IllegalArgumentException("fill " + fillId + ": price must be positive, was " + price);
        }
        if (fee == null || fee.signum() < 0) {
            throw new IllegalArgumentException("fill " + fillId + ": fee must be >= 0, was " + fee);
        }
    }

    /** quantity × price, exact. */
    public BigDecimal notional() {
        return quantity.multiply(price);
    }

    /**
     * The exact change this fill makes to cash: a buy pays notional + fee, a sell receives
     * notional − fee.
     */
    public BigDecimal cashDelta() {
        return side == OrderSide.BUY ? notional().add(fee).negate() : notional().subtract(fee);
    }

    /** The signed change in shares: +quantity for a buy, −quantity for a sell. */
    public BigDecimal signedQuantity() {
        return side == OrderSide.BUY ? quantity : quantity.negate();
    }
}
