package dev.horizon.domain.arbitration;

/**
 * Weights of the three cost terms {@code [cost_model.*]}, each finite and {@code >= 0}.
 *
 * @param spreadWeight k1, per bp of quoted spread (1.0)
 * @param timingWeight k2, per bp of one-bar volatility (0.15)
 * @param impactWeight k3, per bp of square-root market impact (1.0)
 */
public record CostConfig(double spreadWeight, double timingWeight, double impactWeight) {

    public CostConfig {
        requireWeight("cost_model.k1", spreadWeight);
        requireWeight("cost_model.k2", timingWeight);
        requireWeight("cost_model.k3", impactWeight);
    }

    /** k1 1.0, k2 0.15, k3 1.0. */
    public static CostConfig defaults() {
        return new CostConfig(1.0, 0.15, 1.0);
    }

    private static void requireWeight(String key, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(key + " must be a finite number >= 0, was " + value);
        }
    }
}
