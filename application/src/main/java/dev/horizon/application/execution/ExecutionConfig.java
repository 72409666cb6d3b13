package dev.horizon.application.execution;

import dev.horizon.domain.order.TimeInForce;
import java.time.Duration;
import java.util.Objects;

/**
 * How orders are sent and tracked.
 *
 * @param engineId        this engine's id, part of every client order id
 * @param pricing         {@code [execution.order_type]}: market (default) or marketable limit
 * @param limitCollarBps  {@code [execution.limit_collar_bps]}: limit = mid ± collar for marketable limits
 * @param timeInForce     {@code day} for equities, {@code gtc}/{@code ioc} for crypto
 * @param orderTimeout    {@code [execution.order_timeout_seconds]}: a live order not terminal by then is canceled
 * @param pollInterval    how often a working order is polled while tracking it
 */
public record ExecutionConfig(String engineId, OrderPricing pricing, double limitCollarBps, TimeInForce timeInForce,
                              Duration orderTimeout, Duration pollInterval) {

    public ExecutionConfig {
        Objects.requireNonNull(engineId, "engineId");
        Objects.requireNonNull(pricing, "pricing");
        Objects.requireNonNull(timeInForce, "timeInForce");
        Objects.requireNonNull(orderTimeout, "orderTimeout");
        Objects.requireNonNull(pollInterval, "pollInterval");
        if (!(limitCollarBps >= 0)) {
            throw new IllegalArgumentException("execution.limit_collar_bps must be >= 0, was " + limitCollarBps);
        }
        if (orderTimeout.isNegative() || pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("execution timeouts must be positive");
        }
    }

    /** Market orders, day orders, 30 s timeout polled every second. */
    public static ExecutionConfig defaults(String engineId) {
        return new ExecutionConfig(engineId, OrderPricing.MARKET, 10.0, TimeInForce.DAY, Duration.ofSeconds(30),
                Duration.ofSeconds(1));
    }
}
