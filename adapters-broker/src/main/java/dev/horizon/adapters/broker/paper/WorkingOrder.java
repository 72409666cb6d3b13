package dev.horizon.adapters.broker.paper;

import dev.horizon.domain.order.Fill;
import dev.horizon.domain.order.Order;
import dev.horizon.domain.order.OrderSide;
import dev.horizon.domain.order.OrderStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * An order as the paper broker keeps it: the port's {@link Order} plus the bookkeeping the
 * simulation needs, all persisted.
 *
 * @param order          the broker's view of the order
 * @param reservePrice   the price buying power is reserved at for what is still open (the limit
 *                       for a limit order, the fill price at acceptance for a market order)
 * @param filledNotional Σ quantity × price of its fills, exact
 * @param feesCharged    Σ fees of its fills, exact
 * @param lastQuoteTime  time of the quote of its last step, {@code null} before the first: an
 *                       order takes at most one step per quote
 */
record WorkingOrder(Order order, BigDecimal reservePrice, BigDecimal filledNotional, BigDecimal feesCharged,
                    Instant lastQuoteTime) {

    WorkingOrder {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(reservePrice, "reservePrice");
        Objects.requireNonNull(filledNotional, "filledNotional");
        Objects.requireNonNull(feesCharged, "feesCharged");
    }

    /** A freshly accepted order. */
    static WorkingOrder accepted(Order order, BigDecimal reservePrice) {
        return new WorkingOrder(order, reservePrice, BigDecimal.ZERO, BigDecimal.ZERO, null);
    }

    boolean isOpen() {
        return !order.status().isTerminal();
    }

    boolean isOpenBuy() {
        return isOpen() && order.side() == OrderSide.BUY;
    }

    boolean isOpenSell() {
        return isOpen() && order.side() == OrderSide.SELL;
    }

    /** This order after {@code fill}. */
    WorkingOrder withFill(Fill fill) {
        return new WorkingOrder(order.applyFill(fill), reservePrice, filledNotional.add(fill.notional()),
                feesCharged.add(fill.fee()), lastQuoteTime);
    }

    /** This order moved to {@code status} with {@code reason}. */
    WorkingOrder transitionTo(OrderStatus status, Instant at, String reason) {
        return new WorkingOrder(order.transitionTo(status, at, reason), reservePrice, filledNotional, feesCharged,
                lastQuoteTime);
    }

    /** This order having taken its step against the quote stamped {@code quoteTime}. */
    WorkingOrder steppedAt(Instant quoteTime) {
        return new WorkingOrder(order, reservePrice, filledNotional, feesCharged, quoteTime);
    }
}
