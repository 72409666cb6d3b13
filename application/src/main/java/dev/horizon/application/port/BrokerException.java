package dev.horizon.application.port;

/**
 * Base of every failure a {@link BrokerPort} reports. Messages are one line, name the order or
 * request concerned, and never contain credentials.
 */
public abstract class BrokerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected BrokerException(String message, Throwable cause) {
        super(message, cause);
    }
}
