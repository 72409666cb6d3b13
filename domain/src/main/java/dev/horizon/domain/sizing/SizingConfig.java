package dev.horizon.domain.sizing;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Parameters of sizing ({@code [sizing.*]}).
 *
 * @param rhoWindow          {@code sizing.rho_window}: symbol-cycles in ρ's window; default 2000
 * @param rhoMinObservations observations before ρ replaces the prior; default 100
 * @param rhoPrior           {@code sizing.rho_prior}: ρ during warm-up; default 0.05
 * @param zMax               z is clipped to ±zMax; default 3
 * @param targetDailyVol     {@code sizing.target_daily_vol}: σ_target; default 0.02
 * @param maxWeight          {@code sizing.max_weight}: the weight of a z = z_max signal; default 0.05
 * @param noTradeBand        {@code sizing.no_trade_band}: weight moves below this are held; default 0.008
 * @param grossTarget        {@code sizing.gross_target}: Σ|w| the increases are scaled to; default 0.5
 * @param minOrderNotional   {@code sizing.min_order_notional}: smallest order in account currency; default 1
 */
public record SizingConfig(int rhoWindow, int rhoMinObservations, double rhoPrior, double zMax,
                           double targetDailyVol, double maxWeight, double noTradeBand, double grossTarget,
                           BigDecimal minOrderNotional) {

    public SizingConfig {
        if (rhoWindow < 1) {
            throw new IllegalArgumentException("sizing.rho_window must be >= 1, was " + rhoWindow);
        }
        if (rhoMinObservations < 1 || rhoMinObservations > rhoWindow) {
            throw new IllegalArgumentException("sizing.rho_min_observations must be in [1, rho_window = "
                    + rhoWindow + "], was " + rhoMinObservations);
        }
        requirePositive("sizing.rho_prior", rhoPrior);
        requirePositive("sizing.z_max", zMax);
        requirePositive("sizing.target_daily_vol", targetDailyVol);
        requirePositive("sizing.max_weight", maxWeight);
        if (!(noTradeBand >= 0) || Double.isInfinite(noTradeBand)) {
            throw new IllegalArgumentException("sizing.no_trade_band must be a number >= 0, was " + noTradeBand);
        }
        requirePositive("sizing.gross_target", grossTarget);
        Objects.requireNonNull(minOrderNotional, "sizing.min_order_notional");
        if (minOrderNotional.signum() < 0) {
            throw new IllegalArgumentException("sizing.min_order_notional must be >= 0, was " + minOrderNotional);
        }
    }

    /** The design defaults. */
    public static SizingConfig defaults() {
        return new SizingConfig(2000, 100, 0.05, 3.0, 0.02, 0.05, 0.008, 0.5, BigDecimal.ONE);
    }

    private static void requirePositive(String key, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(key + " must be a positive number, was " + value);
        }
    }
}
