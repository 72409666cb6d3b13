package dev.horizon.domain.arbitration;

/**
 * Parameters of horizon arbitration.
 *
 * @param entryThresholdBps {@code [arbitration.entry_threshold_bps]}, the score a trade must
 *                          reach on a zero-spread quote (2.0)
 * @param reserveSpreadMult {@code [arbitration.reserve_spread_mult]}, extra threshold per bp of
 *                          spread (0.5)
 * @param allowShort        {@code [engine.allow_short]}: may a sell signal open a short (false)
 */
public record ArbitrationConfig(double entryThresholdBps, double reserveSpreadMult, boolean allowShort) {

    public ArbitrationConfig {
        if (!Double.isFinite(entryThresholdBps)) {
            throw new IllegalArgumentException("arbitration.entry_threshold_bps must be a finite number, was "
                    + entryThresholdBps);
        }
        if (!(reserveSpreadMult >= 0) || Double.isInfinite(reserveSpreadMult)) {
            throw new IllegalArgumentException("arbitration.reserve_spread_mult must be a finite number >= 0, was "
                    + reserveSpreadMult);
        }
    }

    /** Threshold 2.0 bps + 0.5 × spread, no shorting. */
    public static ArbitrationConfig defaults() {
        return new ArbitrationConfig(2.0, 0.5, false);
    }

    /** θ = entry threshold + reserve multiple × spread, in bps. */
    public double thresholdBps(double spreadBps) {
        return entryThresholdBps + reserveSpreadMult * spreadBps;
    }
}
