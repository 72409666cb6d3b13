package dev.horizon.domain.order;

/** Thrown when an order is asked to move along an edge its state machine does not have. */
public final class IllegalOrderTransitionException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public IllegalOrderTransitionException(ClientOrderId id, OrderStatus from, OrderStatus to) {
        super("order " + id + ": illegal transition " + from + " -> " + to);
    }
}
