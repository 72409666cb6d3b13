package dev.horizon.domain.gating;

/**
 * Parameters of the {@link BarrierGate}. All thresholds are strict ({@code p > threshold}).
 *
 * @param maxPeakForLong    a long entry is blocked when p_peak is above this; default 0.60
 * @param maxValleyForShort a short entry is blocked when p_valley is above this; default 0.55
 * @param exitLongPeak      a held long is closed when p_peak is above this; default 0.65
 * @param exitShortValley   a held short is closed when p_valley is above this; default 0.60
 * @param minFactor         g_min, the smallest gate factor of an allowed entry; default 0.2
 * @param gamma             γ, exponent of (1 − p_bad); default 1
 * @param delta             δ, exponent of (0.5 + 0.5·p_good); default 0.5
 */
public record BarrierGateConfig(double maxPeakForLong, double maxValleyForShort, double exitLongPeak,
                                double exitShortValley, double minFactor, double gamma, double delta) {

    public BarrierGateConfig {
        requireProbability("gating.barrier.max_peak_for_long", maxPeakForLong);
        requireProbability("gating.barrier.max_valley_for_short", maxValleyForShort);
        requireProbability("gating.barrier.exit_long_peak", exitLongPeak);
        requireProbability("gating.barrier.exit_short_valley", exitShortValley);
        if (!(minFactor >= 0 && minFactor <= 1)) {
            throw new IllegalArgumentException("gating.barrier.min_factor must be in [0, 1], was " + minFactor);
        }
        if (!(gamma >= 0) || Double.isInfinite(gamma)) {
            throw new IllegalArgumentException("gating.barrier.gamma must be a number >= 0, was " + gamma);
        }
        if (!(delta >= 0) || Double.isInfinite(delta)) {
            throw new IllegalArgumentException("gating.barrier.delta must be a number >= 0, was " + delta);
        }
    }

    /** The design defaults: block 0.60 / 0.55, exit 0.65 / 0.60, g_min 0.2, γ 1, δ 0.5. */
    public static BarrierGateConfig defaults() {
        return new BarrierGateConfig(0.60, 0.55, 0.65, 0.60, 0.2, 1.0, 0.5);
    }

    private static void requireProbability(String key, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(key + " must be a probability in [0, 1], was " + value);
        }
    }
}
