package dev.horizon.domain.gating;

import java.math.BigDecimal;

/**
 * What counts as reducing exposure, shared by every gate and risk check that must let a reduction
 * through while refusing new risk.
 *
 * <p>A move from {@code current} to {@code target} is a <em>reduction</em> when the target stays on
 * the same side as the current position (or is flat) and is smaller in magnitude. Crossing through
 * zero is a reduction to flat followed by a new position on the other side; only the first part is
 * a reduction.
 */
public final class Exposure {

    private Exposure() {
    }

    /** True when {@code target} is flat or on the side of {@code current}, and strictly smaller. */
    public static boolean isReduction(double current, double target) {
        if (current > 0) {
            return target >= 0 && target < current;
        }
        if (current < 0) {
            return target <= 0 && target > current;
        }
        return false;
    }

    /** {@link #isReduction(double, double)} for exact quantities (shares). */
    public static boolean isReduction(BigDecimal current, BigDecimal target) {
        int side = current.signum();
        if (side == 0) {
            return false;
        }
        return target.signum() != -side && target.abs().compareTo(current.abs()) < 0;
    }

    /**
     * The part of {@code target} that does not add risk: the target clipped to the interval between
     * 0 and {@code current}. A larger target on the same side keeps {@code current}; a target on the
     * other side goes flat; a new position (from flat) stays flat; a reduction is kept as is.
     */
    public static double reductionOnly(double current, double target) {
        double low = Math.min(0.0, current);
        double high = Math.max(0.0, current);
        return Math.min(high, Math.max(low, target));
    }
}
