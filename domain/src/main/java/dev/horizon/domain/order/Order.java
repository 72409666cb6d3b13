package dev.horizon.domain.order;

import dev.horizon.domain.market.Symbol;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Objects;

/**
 * An order and where it stands in its life ({@link OrderStatus}). Immutable: every change returns
 * a new {@code Order}, and only the edges of the state machine are allowed.
 *
 * @param brokerOrderId      the broker's id once known, else {@code null}
 * @param limitPrice         the limit for {@link OrderType#LIMIT}, {@code null} for market orders
 * @param filledQuantity     shares filled so far (exact)
 * @param averageFillPrice   volume-weighted fill price, {@code null} until the first fill
 * @param statusReason       why the order is in its status (a rejection message), or {@code null}
 */
public record Order(ClientOrderId clientOrderId, Symbol symbol, OrderSide side, OrderType type,
                    BigDecimal quantity, BigDecimal limitPrice, TimeInForce timeInForce,
                    OrderStatus status, String brokerOrderId, BigDecimal filledQuantity,
                    BigDecimal averageFillPrice, Instant createdAt, Instant updatedAt,
                    String statusReason) {

    /** Scale of the stored average fill price; fills themselves stay exact. */
    private static final int AVERAGE_PRICE_SCALE = 10;

    public Order {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(timeInForce, "timeInForce");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(filledQuantity, "filledQuantity");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (quantity == null || quantity.signum() <= 0) {
            throw new IllegalArgumentException("order " + clientOrderId + ": quantity must be positive, was " + quantity);
        }
        if ((type == OrderType.LIMIT) != (limitPrice != null)) {
            throw new IllegalArgumentException("order " + clientOrderId + ": a limit price is required for LIMIT orders only");
        }
        if (limitPrice != null && limitPrice.signum() <= 0) {
            throw new IllegalArgumentException("order " + clientOrderId + ": limit price must be positive, was " + limitPrice);
        }
        if (filledQuantity.signum() < 0 || filledQuantity.compareTo(quantity) > 0) {
            throw new IllegalArgumentException("order " + clientOrderId + ": filled " + filledQuantity
                    + " outside [0, " + quantity + "]");
        }
    }

    /** A new order intent ({@link OrderStatus#NEW}), not yet sent. */
    public static Order intent(ClientOrderId id, Symbol symbol, OrderSide side, OrderType type,
                               BigDecimal quantity, BigDecimal limitPrice, TimeInForce tif, Instant at) {
        return new Order(id, symbol, side, type, quantity, limitPrice, tif, OrderStatus.NEW, null,
                BigDecimal.ZERO, null, at, at, null);
    }

    /**
     * Moves the order to {@code target}.
     *
     * @throws IllegalOrderTransitionException if the state machine has no such edge
     */
    public Order transitionTo(OrderStatus target, Instant at, String reason) {
        if (!status.canTransitionTo(target)) {
            throw new IllegalOrderTransitionException(clientOrderId, status, target);
        }
        return new Order(clientOrderId, symbol, side, type, quantity, limitPrice, timeInForce, target,
                brokerOrderId, filledQuantity, averageFillPrice, createdAt, at, reason);
    }

    /** Moves the order to {@code target} without a reason. */
    public Order transitionTo(OrderStatus target, Instant at) {
        return transitionTo(target, at, null);
    }

    /** Records the broker's id for this order. */
    public Order withBrokerOrderId(String id) {
        return new Order(clientOrderId, symbol, side, type, quantity, limitPrice, timeInForce, status,
                id, filledQuantity, averageFillPrice, createdAt, updatedAt, statusReason);
    }

    /**
     * Applies a fill: adds its quantity, updates the average price, and moves the order to
     * {@code PARTIALLY_FILLED} or {@code FILLED}.
     *
     * @throws IllegalArgumentException         if the fill is for another order or overfills it
     * @throws IllegalOrderTransitionException  if the order can no longer fill
     */
    public Order applyFill(Fill fill) {
        if (!fill.clientOrderId().equals(clientOrderId)) {
            throw new IllegalArgumentException("fill " + fill.fillId() + " belongs to " + fill.clientOrderId()
                    + ", not " + clientOrderId);
        }
        BigDecimal filled = filledQuantity.add(fill.quantity());
        if (filled.compareTo(quantity) > 0) {
            throw new IllegalArgumentException("fill " + fill.fillId() + " overfills order " + clientOrderId
                    + ": " + filled + " > " + quantity);
        }
        OrderStatus target = filled.compareTo(quantity) == 0 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
        if (!status.canTransitionTo(target)) {
            throw new IllegalOrderTransitionException(clientOrderId, status, target);
        }
        BigDecimal previousNotional = averageFillPrice == null ? BigDecimal.ZERO : averageFillPrice.multiply(filledQuantity);
        BigDecimal average = previousNotional.add(fill.notional())
                .divide(filled, AVERAGE_PRICE_SCALE, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return new Order(clientOrderId, symbol, side, type, quantity, limitPrice, timeInForce, target,
                brokerOrderId, filled, average, createdAt, fill.time(), statusReason);
    }

    /** Shares still to fill. */
    public BigDecimal remainingQuantity() {
        return quantity.subtract(filledQuantity);
    }
}
