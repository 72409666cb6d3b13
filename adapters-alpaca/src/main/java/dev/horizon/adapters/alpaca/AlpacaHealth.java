package dev.horizon.adapters.alpaca;

/**
 * A read-only snapshot of the adapter's resilience state, for metrics and {@code status}.
 *
 * @param breakerState         {@code CLOSED}, {@code OPEN} or {@code HALF_OPEN} (Resilience4j's names)
 * @param failureRatePercent   failure rate over the breaker's window, or −1 before it has enough calls
 * @param bufferedCalls        calls in the breaker's window
 * @param failedCalls          failed calls in the breaker's window (timeouts, resets, 429, 5xx, malformed answers)
 * @param notPermittedCalls    calls refused because the breaker was open
 * @param retries              retries of idempotent calls since start
 * @param rateLimitedResponses HTTP 429 answers received since start
 * @param rateLimitRefusals    calls refused by the client-side rate limiter since start
 * @param lastFailure          the last failure, one line without credentials, or {@code none}
 */
public record AlpacaHealth(String breakerState, float failureRatePercent, int bufferedCalls, int failedCalls,
                           long notPermittedCalls, long retries, long rateLimitedResponses, long rateLimitRefusals,
                           String lastFailure) {

    /** True while the breaker refuses calls (open or forced open). */
    public boolean breakerOpen() {
        return breakerState.contains("OPEN") && !breakerState.equals("HALF_OPEN");
    }
}
