package dev.horizon.application.port;

import dev.horizon.domain.market.Symbol;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A position as the broker holds it: signed quantity (negative = short) and average entry price.
 */
public record BrokerPosition(Symbol symbol, BigDecimal quantity, BigDecimal averageEntryPrice) {
    public BrokerPosition {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(averageEntryPrice, "averageEntryPrice");
    }
}
