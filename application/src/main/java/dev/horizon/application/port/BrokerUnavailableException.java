package dev.horizon.application.port;

/**
 * The broker could not be reached or did not give a usable answer (timeout, connection reset,
 * 5xx, rate limit, open circuit breaker, malformed response).
 *
 * <p>Thrown from a read, it means "try later". Thrown from {@link BrokerPort#submit}, the outcome
 * is <em>ambiguous</em>: the order may or may not have been placed. The caller marks it
 * {@code UNKNOWN} and resolves it with {@link BrokerPort#orderByClientId} before anything else —
 * it never sends the order again blindly.
 */
public class BrokerUnavailableException extends BrokerException {

    private static final long serialVersionUID = 1L;

    public BrokerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public BrokerUnavailableException(String message) {
        super(message, null);
    }
}
