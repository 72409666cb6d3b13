package dev.horizon.application.port;

/** The broker has no order with the given id (e.g. cancel of an order it never received). */
public class OrderNotFoundException extends BrokerException {

    private static final long serialVersionUID = 1L;

    public OrderNotFoundException(String message) {
        super(message, null);
    }
}
