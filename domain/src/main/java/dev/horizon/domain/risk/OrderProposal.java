package dev.horizon.domain.risk;

import dev.horizon.domain.market.Symbol;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * An order the sizing stage wants to place, as the guardrails see it.
 *
 * @param symbol         the instrument
 * @param signedQuantity shares, + buy, − sell; non-zero
 * @param price          the reference price (mid, or the limit), positive
 * @param currentShares  shares held before the order (negative = short)
 * @param estimatedFee   the fee the broker is expected to charge, ≥ 0
 */
public record OrderProposal(Symbol symbol, BigDecimal signedQuantity, BigDecimal price, BigDecimal currentShares,
                            BigDecimal estimatedFee) {

    public OrderProposal {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(currentShares, "currentShares");
        if (signedQuantity == null || signedQuantity.signum() == 0) {
            throw new IllegalArgumentException("order in " + symbol + ": quantity must be non-zero, was " + signedQuantity);
        }
        if (price == null || price.signum() <= 0) {
            throw new IllegalArgumentException("order in " + symbol + ": price must be positive, was " + price);
        }
        if (estimatedFee == null || estimatedFee.signum() < 0) {
            throw new IllegalArgumentException("order in " + symbol + ": fee must be >= 0, was " + estimatedFee);
        }
    }

    /** True for a buy. */
    public boolean isBuy() {
        return signedQuantity.signum() > 0;
    }

    /** |quantity| × price, exact. */
    public BigDecimal notional() {
        return signedQuantity.abs().multiply(price);
    }

    /** Shares held after the order fills. */
    public BigDecimal sharesAfter() {
        return currentShares.add(signedQuantity);
    }
}
