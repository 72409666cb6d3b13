package dev.horizon.domain.prediction;

/**
 * The per-model factors of the confidence as of one cycle.
 *
 * @param ic        the shrunk IC ({@link IcTracker#ic()}), may be negative
 * @param stability the stability factor in [0, 1] ({@link StabilityTracker#stability(double)})
 */
public record ModelQuality(double ic, double stability) {

    public ModelQuality {
        if (!(ic >= -1 && ic <= 1)) {
            throw new IllegalArgumentException("IC must be in [-1, 1], was " + ic);
        }
        if (!(stability >= 0 && stability <= 1)) {
            throw new IllegalArgumentException("stability must be in [0, 1], was " + stability);
        }
    }

    /** {@code IC⁺ = max(IC, 0)}. */
    public double icPlus() {
        return Math.max(ic, 0.0);
    }
}
