package dev.horizon.domain.risk;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Per-order limits of the {@link RiskGuardrails} ({@code [risk.*]}).
 *
 * @param maxPosition        {@code risk.max_position}: largest |market-value weight| after a trade; default 0.20
 * @param maxGross           {@code risk.max_gross}: largest Σ|weight| after a trade; default 1.0
 * @param maxOrderNotional   {@code risk.max_order_notional}: largest order, quantity × price; default 50,000
 * @param maxOrdersPerCycle  {@code risk.max_orders_per_cycle}; default 50
 * @param cooldownSeconds    {@code risk.cooldown_seconds}: least time between two orders in one symbol; default 5
 * @param maxOrdersPerMinute {@code risk.max_orders_per_minute}: orders in any 60 s window; default 120
 */
public record RiskLimits(double maxPosition, double maxGross, BigDecimal maxOrderNotional, int maxOrdersPerCycle,
                         long cooldownSeconds, int maxOrdersPerMinute) {

    public RiskLimits {
        if (!(maxPosition > 0) || Double.isInfinite(maxPosition)) {
            throw new IllegalArgumentException("risk.max_position must be a positive fraction (e.g. 0.20), was "
                    + maxPosition);
        }
        if (!(maxGross > 0) || Double.isInfinite(maxGross)) {
            throw new IllegalArgumentException("risk.max_gross must be a positive fraction (e.g. 1.0), was " + maxGross);
        }
        Objects.requireNonNull(maxOrderNotional, "risk.max_order_notional");
        if (maxOrderNotional.signum() <= 0) {
            throw new IllegalArgumentException("risk.max_order_notional must be positive, was " + maxOrderNotional);
        }
        if (maxOrdersPerCycle < 1) {
            throw new IllegalArgumentException("risk.max_orders_per_cycle must be >= 1, was " + maxOrdersPerCycle);
        }
        if (cooldownSeconds < 0) {
            throw new IllegalArgumentException("risk.cooldown_seconds must be >= 0, was " + cooldownSeconds);
        }
        if (maxOrdersPerMinute < 1) {
            throw new IllegalArgumentException("risk.max_orders_per_minute must be >= 1, was " + maxOrdersPerMinute);
        }
    }

    /**
     * The defaults: max position 0.20, max gross 1.0 and a 5 s cooldown from the design; the design
     * names no defaults for the order-size and rate limits, so these are set wide enough not to bind
     * a normal $100k book (50,000 per order, 50 per cycle, 120 per minute).
     */
    public static RiskLimits defaults() {
        return new RiskLimits(0.20, 1.0, new BigDecimal("50000"), 50, 5, 120);
    }
}
