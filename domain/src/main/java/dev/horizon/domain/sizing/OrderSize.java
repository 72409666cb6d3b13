package dev.horizon.domain.sizing;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The order that moves a position toward its target weight.
 *
 * @param signedQuantity shares to trade, + buy, − sell; zero when below the minimum order
 * @param notional       |quantity| × mid
 * @param reason         empty for a tradable order, {@code below_min_order} otherwise
 */
public record OrderSize(BigDecimal signedQuantity, BigDecimal notional, String reason) {

    public OrderSize {
        Objects.requireNonNull(signedQuantity, "signedQuantity");
        Objects.requireNonNull(notional, "notional");
        Objects.requireNonNull(reason, "reason");
    }

    /** True when there is an order to place. */
    public boolean isTradable() {
        return signedQuantity.signum() != 0;
    }
}
