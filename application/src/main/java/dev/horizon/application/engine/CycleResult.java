package dev.horizon.application.engine;

import dev.horizon.domain.order.Fill;
import dev.horizon.domain.order.Order;
import dev.horizon.domain.state.TradeDecision;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one cycle did.
 *
 * @param cycleSeq       the cycle's sequence number
 * @param time           the bar close the cycle ran for
 * @param decisions      one decision per symbol of the universe, sorted by symbol
 * @param orders         the orders the cycle placed, as they ended up
 * @param fills          the fills applied this cycle, fees included
 * @param portfolioValue cash + positions at their marks after the cycle
 * @param tradingAllowed false when paused or the kill switch is tripped
 * @param killReason     the kill switch's reason, or {@code null}
 */
public record CycleResult(long cycleSeq, Instant time, List<TradeDecision> decisions, List<Order> orders, List<Fill> fills,
                          BigDecimal portfolioValue, BigDecimal cash, boolean tradingAllowed, String killReason) {
    public CycleResult {
        Objects.requireNonNull(time, "time");
        decisions = List.copyOf(decisions);
        orders = List.copyOf(orders);
        fills = List.copyOf(fills);
        Objects.requireNonNull(portfolioValue, "portfolioValue");
        Objects.requireNonNull(cash, "cash");
    }
}
