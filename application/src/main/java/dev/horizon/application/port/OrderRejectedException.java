package dev.horizon.application.port;

/**
 * The broker definitively refused an order (insufficient buying power, invalid quantity, unknown
 * symbol, shorting not allowed...). Nothing was placed: the order is {@code REJECTED}.
 */
public class OrderRejectedException extends BrokerException {

    private static final long serialVersionUID = 1L;

    public OrderRejectedException(String message) {
        super(message, null);
    }
}
