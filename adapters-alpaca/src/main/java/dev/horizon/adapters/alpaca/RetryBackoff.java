package dev.horizon.adapters.alpaca;

import java.time.Duration;

/**
 * The wait before retry number {@code attempt}: what the server asked for with
 * {@code Retry-After}, else exponential backoff with "equal jitter" — half the exponential step
 * fixed, half random — so many clients recovering together do not retry in lockstep.
 */
record RetryBackoff(Duration initial, Duration max) {

    /**
     * @param attempt failed attempts so far (1 for the wait before the first retry)
     * @param failure what the last attempt threw
     * @param random  a uniform draw in [0, 1)
     */
    long waitMillis(int attempt, Throwable failure, double random) {
        if (failure instanceof TransientFailure transientFailure && transientFailure.retryAfter() != null) {
            return transientFailure.retryAfter().toMillis();
        }
        double step = initial.toMillis() * Math.pow(2, Math.max(0, attempt - 1));
        double capped = Math.min(step, max.toMillis());
        return Math.round(capped / 2 + random * capped / 2);
    }
}
