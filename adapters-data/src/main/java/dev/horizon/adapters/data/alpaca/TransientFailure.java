package dev.horizon.adapters.data.alpaca;

import java.time.Duration;

/**
 * A call that may succeed if made again: timeout, connection reset, HTTP 429 or 5xx, or an answer
 * that could not be understood. Counted as a failure by the circuit breaker; retried only for
 * idempotent calls. Its message is one line naming the request and never holds credentials.
 *
 * <p>The same class lives in {@code dev.horizon.adapters.broker.alpaca}: adapters never import each
 * other, so the two copies are kept in step by hand.
 */final class TransientFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The wait the server asked for ({@code Retry-After}), or {@code null}. */
    private final Duration retryAfter;

    TransientFailure(String message, Throwable cause, Duration retryAfter) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    TransientFailure(String message) {
        this(message, null, null);
    }

    Duration retryAfter() {
        return retryAfter;
    }
}
