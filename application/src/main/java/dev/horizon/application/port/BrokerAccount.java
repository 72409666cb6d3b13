package dev.horizon.application.port;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The broker's view of the account, exact.
 *
 * @param cash         settled and unsettled cash
 * @param equity       cash plus the market value of positions, as the broker marks them
 * @param buyingPower  what new buys may spend (cash after fees for a cash account)
 */
public record BrokerAccount(BigDecimal cash, BigDecimal equity, BigDecimal buyingPower) {
    public BrokerAccount {
        Objects.requireNonNull(cash, "cash");
        Objects.requireNonNull(equity, "equity");
        Objects.requireNonNull(buyingPower, "buyingPower");
    }
}
