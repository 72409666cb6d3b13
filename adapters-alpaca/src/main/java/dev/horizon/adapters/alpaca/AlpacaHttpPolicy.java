package dev.horizon.adapters.alpaca;

import java.time.Duration;
import java.util.Objects;

/**
 * How an Alpaca adapter talks to Alpaca: timeouts, the client-side rate limit, retries of
 * idempotent calls and the circuit breaker around every call. YAML keys are given in brackets; the
 * broker and the market data adapter read the same keys, each into its own instance.
 *
 * @param requestsPerMinute         [alpaca.requests_per_minute] client-side budget; Alpaca allows 200
 * @param rateLimitWait             [alpaca.rate_limit_wait_ms] how long a call may wait for a permit
 *                                  before it fails as unavailable
 * @param connectTimeout            [alpaca.connect_timeout_ms]
 * @param readTimeout               [alpaca.read_timeout_ms] per read (and write) on the socket
 * @param retryMaxAttempts          [alpaca.retry.max_attempts] attempts of a GET/DELETE, the first included;
 *                                  1 disables retries. Order submits are never retried.
 * @param retryInitialBackoff       [alpaca.retry.initial_backoff_ms] wait before the first retry; doubled
 *                                  per retry, with jitter
 * @param retryMaxBackoff           [alpaca.retry.max_backoff_ms] cap of the exponential wait
 * @param maxRetryAfter             [alpaca.retry.max_retry_after_ms] a 429 whose {@code Retry-After}
 *                                  asks for longer is not retried but reported at once
 * @param breakerFailureRatePercent [alpaca.breaker.failure_rate_percent] failure rate that opens the breaker
 * @param breakerWindowSize         [alpaca.breaker.window_size] calls the failure rate is measured over
 * @param breakerMinimumCalls       [alpaca.breaker.minimum_calls] calls needed before the rate counts
 * @param breakerOpenWait           [alpaca.breaker.open_wait_ms] how long an open breaker refuses
 *                                  calls before it lets trial calls through
 */
public record AlpacaHttpPolicy(int requestsPerMinute, Duration rateLimitWait, Duration connectTimeout,
                               Duration readTimeout, int retryMaxAttempts, Duration retryInitialBackoff,
                               Duration retryMaxBackoff, Duration maxRetryAfter, int breakerFailureRatePercent,
                               int breakerWindowSize, int breakerMinimumCalls, Duration breakerOpenWait) {

    public AlpacaHttpPolicy {
        requireAtLeast(requestsPerMinute, 1, "alpaca.requests_per_minute");
        requireNotNegative(rateLimitWait, "alpaca.rate_limit_wait_ms");
        requirePositive(connectTimeout, "alpaca.connect_timeout_ms");
        requirePositive(readTimeout, "alpaca.read_timeout_ms");
        requireAtLeast(retryMaxAttempts, 1, "alpaca.retry.max_attempts");
        requireNotNegative(retryInitialBackoff, "alpaca.retry.initial_backoff_ms");
        requireNotNegative(retryMaxBackoff, "alpaca.retry.max_backoff_ms");
        requireNotNegative(maxRetryAfter, "alpaca.retry.max_retry_after_ms");
        if (breakerFailureRatePercent < 1 || breakerFailureRatePercent > 100) {
            throw new IllegalArgumentException("alpaca.breaker.failure_rate_percent must be in [1, 100], was "
                    + breakerFailureRatePercent);
        }
        requireAtLeast(breakerWindowSize, 1, "alpaca.breaker.window_size");
        requireAtLeast(breakerMinimumCalls, 1, "alpaca.breaker.minimum_calls");
        requirePositive(breakerOpenWait, "alpaca.breaker.open_wait_ms");
    }

    /**
     * 200 requests a minute (waiting up to 2 s for a permit), 5 s connect and 10 s read timeouts,
     * 3 attempts backing off from 200 ms to 2 s and honouring a {@code Retry-After} of up to 10 s,
     * and a breaker that opens when half of the last 20 calls (at least 10) failed, for 30 s.
     */
    public static AlpacaHttpPolicy defaults() {
        return new AlpacaHttpPolicy(200, Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10),
                3, Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ofSeconds(10),
                50, 20, 10, Duration.ofSeconds(30));
    }

    /** This policy with another request budget and permit wait. */
    public AlpacaHttpPolicy withRateLimit(int perMinute, Duration wait) {
        return new AlpacaHttpPolicy(perMinute, wait, connectTimeout, readTimeout, retryMaxAttempts,
                retryInitialBackoff, retryMaxBackoff, maxRetryAfter, breakerFailureRatePercent, breakerWindowSize,
                breakerMinimumCalls, breakerOpenWait);
    }

    /** This policy with other connect and read timeouts. */
    public AlpacaHttpPolicy withTimeouts(Duration connect, Duration read) {
        return new AlpacaHttpPolicy(requestsPerMinute, rateLimitWait, connect, read, retryMaxAttempts,
                retryInitialBackoff, retryMaxBackoff, maxRetryAfter, breakerFailureRatePercent, breakerWindowSize,
                breakerMinimumCalls, breakerOpenWait);
    }

    /** This policy with other retry attempts, backoff bounds and {@code Retry-After} cap. */
    public AlpacaHttpPolicy withRetry(int maxAttempts, Duration initialBackoff, Duration maxBackoff,
                                      Duration retryAfterCap) {
        return new AlpacaHttpPolicy(requestsPerMinute, rateLimitWait, connectTimeout, readTimeout, maxAttempts,
                initialBackoff, maxBackoff, retryAfterCap, breakerFailureRatePercent, breakerWindowSize,
                breakerMinimumCalls, breakerOpenWait);
    }

    /** This policy with other circuit breaker thresholds. */
    public AlpacaHttpPolicy withBreaker(int failureRatePercent, int windowSize, int minimumCalls, Duration openWait) {
        return new AlpacaHttpPolicy(requestsPerMinute, rateLimitWait, connectTimeout, readTimeout, retryMaxAttempts,
                retryInitialBackoff, retryMaxBackoff, maxRetryAfter, failureRatePercent, windowSize, minimumCalls,
                openWait);
    }

    private static void requireAtLeast(int value, int min, String key) {
        if (value < min) {
            throw new IllegalArgumentException(key + " must be >= " + min + ", was " + value);
        }
    }

    private static void requireNotNegative(Duration value, String key) {
        Objects.requireNonNull(value, key);
        if (value.isNegative()) {
            throw new IllegalArgumentException(key + " must be >= 0, was " + value.toMillis());
        }
    }

    private static void requirePositive(Duration value, String key) {
        requireNotNegative(value, key);
        if (value.isZero()) {
            throw new IllegalArgumentException(key + " must be > 0, was 0");
        }
    }
}
