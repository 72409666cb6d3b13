package dev.horizon.application.execution;

import dev.horizon.domain.market.Symbol;
import dev.horizon.domain.order.OrderSide;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * An order the cycle decided to place, before it has an id.
 *
 * @param quantity shares, positive
 * @param mid      the mid price the decision was made at (for marketable limits)
 */
public record OrderRequest(Symbol symbol, OrderSide side, BigDecimal quantity, double mid) {
    public OrderRequest {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        if (quantity == null || quantity.signum() <= 0) {
            throw new IllegalArgumentException("order for " + symbol + ": quantity must be positive, was " + quantity);
        }
    }
}
