package dev.horizon.adapters.broker.paper;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A non-zero position of the paper account.
 *
 * @param quantity          signed shares (negative = short), never zero
 * @param averageEntryPrice volume-weighted price of the fills that opened it, fees excluded (as
 *                          brokers report it); reducing a position leaves it unchanged
 */
record Holding(BigDecimal quantity, BigDecimal averageEntryPrice) {

    Holding {
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(averageEntryPrice, "averageEntryPrice");
        if (quantity.signum() == 0) {
            throw new IllegalArgumentException("a holding cannot be flat");
        }
    }
}
