package dev.horizon.domain.features;

import java.util.Objects;

/**
 * The per-bar volatility σ_bar of one symbol, or the reason there is none (PIPELINE.md §0).
 *
 * <p>A refused estimate carries {@code NaN} and a reason; it never yields a σ, so nothing can
 * trade on a made-up volatility: the symbol is held with the reason.
 *
 * @param sigmaBar standard deviation of one-bar log returns; finite and positive when valid,
 *                 {@code NaN} when refused
 * @param refusal  {@code null} when valid, else {@link Volatility#INSUFFICIENT_HISTORY} or
 *                 {@link Volatility#INVALID_VOLATILITY}
 */
public record VolatilityEstimate(double sigmaBar, String refusal) {

    public VolatilityEstimate {
        if (refusal == null) {
            if (!Double.isFinite(sigmaBar) || sigmaBar <= 0) {
                throw new IllegalArgumentException("a valid volatility must be finite and positive, was " + sigmaBar);
            }
        } else if (!Double.isNaN(sigmaBar)) {
            throw new IllegalArgumentException("a refused volatility (" + refusal + ") carries no sigma, got "
                    + sigmaBar);
        }
    }

    /** A valid estimate. @throws IllegalArgumentException unless σ is finite and positive */
    public static VolatilityEstimate of(double sigmaBar) {
        return new VolatilityEstimate(sigmaBar, null);
    }

    /** A refusal with its reason. */
    public static VolatilityEstimate refused(String reason) {
        return new VolatilityEstimate(Double.NaN, Objects.requireNonNull(reason, "reason"));
    }

    /** True when σ_bar is usable. */
    public boolean isValid() {
        return refusal == null;
    }

    /**
     * σ over a horizon, as a decimal return: σ_bar · √(horizonMinutes / barMinutes).
     *
     * @throws IllegalStateException on a refused estimate, naming the reason
     */
    public double sigmaHorizon(int horizonMinutes, int barMinutes) {
        return Volatility.scale(requireValid(), horizonMinutes, barMinutes);
    }

    /**
     * σ over one trading session: σ_bar · √(sessionMinutes / barMinutes).
     *
     * @throws IllegalStateException on a refused estimate, naming the reason
     */
    public double sigmaDay(int sessionMinutes, int barMinutes) {
        return Volatility.scale(requireValid(), sessionMinutes, barMinutes);
    }

    private double requireValid() {
        if (refusal != null) {
            throw new IllegalStateException("no volatility: " + refusal);
        }
        return sigmaBar;
    }
}
