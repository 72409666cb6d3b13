package dev.horizon.adapters.alpaca;

import java.time.Duration;

/**
 * A call that may succeed if made again: timeout, connection reset, HTTP 429 or 5xx, or an answer
 * that could not be understood. Counted as a failure by the circuit breaker; retried only for
 * idempotent calls. Its message is one line naming the request and never holds credentials.
 *
 * <p>Readers given to {@link AlpacaHttp} throw it (usually via {@link AlpacaJson#malformed}) for an
 * answer they cannot use; {@link AlpacaHttp} turns it into the port's exception.
 */
public final class TransientFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The wait the server asked for ({@code Retry-After}), or {@code null}. */
    private final Duration retryAfter;

    /** A failure with its cause and the server's {@code Retry-After} (either may be {@code null}). */
    public TransientFailure(String message, Throwable cause, Duration retryAfter) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    /** A failure known only by its message (an unusable answer, say). */
    public TransientFailure(String message) {
        this(message, null, null);
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
