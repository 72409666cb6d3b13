package dev.horizon.domain.sizing;

import dev.horizon.domain.gating.Exposure;
import java.util.Arrays;
import java.util.Objects;

/**
 * Gross normalisation over the whole cycle (PIPELINE §5 step 6).
 *
 * <p>Each target is split into a <em>kept</em> part k = the target clipped between 0 and the
 * current weight ({@link Exposure#reductionOnly}) and an <em>increase</em> e = target − k, the part
 * that adds exposure beyond the current position (all of it for a new position or for the far side
 * of a flip). Since k and e never have opposite signs, |target| = |k| + |e|, so
 * Σ|target| = K + E with K = Σ|k|, E = Σ|e|.
 * <ul>
 *   <li>K + E ≤ gross_target: nothing changes.</li>
 *   <li>K ≥ gross_target: the reductions and holds alone reach the target; every increase is
 *       dropped (target = k). Reductions are never scaled up, so the gross may stay above the
 *       target until they are.</li>
 *   <li>otherwise every increase is scaled by s = (gross_target − K)/E: target = k + s·e, and the
 *       gross meets the target.</li>
 * </ul>
 * K and E are summed over sorted terms, so the result does not depend on the order of the symbols;
 * s is nudged down by a few ulps when rounding would leave the gross a hair above the target.
 */
public final class GrossNormalizer {

    private final double grossTarget;

    public GrossNormalizer(SizingConfig config) {
        this.grossTarget = Objects.requireNonNull(config, "config").grossTarget();
    }

    /**
     * Normalises one cycle's targets.
     *
     * @param current the current market-value weights, one per symbol
     * @param target  the proposed targets (after gates and the no-trade band), same order
     * @param out     receives the normalised targets; may be {@code target} itself
     * @return the scale applied to the increases: 1 when nothing was scaled, 0 when all were dropped
     */
    public double normalize(double[] current, double[] target, double[] out) {
        int n = current.length;
        if (target.length != n || out.length != n) {
            throw new IllegalArgumentException("gross normalisation needs equal lengths: current " + n
                    + ", target " + target.length + ", out " + out.length);
        }
        double[] kept = new double[n];
        double[] increase = new double[n];
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(current[i]) || !Double.isFinite(target[i])) {
                throw new IllegalArgumentException("gross normalisation: weight " + i + " is not finite (current "
                        + current[i] + ", target " + target[i] + ")");
            }
            kept[i] = Exposure.reductionOnly(current[i], target[i]);
            increase[i] = target[i] - kept[i];
        }
        double keptGross = sortedAbsSum(kept);
        double increaseGross = sortedAbsSum(increase);
        if (keptGross + increaseGross <= grossTarget) {
            System.arraycopy(target, 0, out, 0, n);
            return 1.0;
        }
        double scale = keptGross >= grossTarget ? 0.0 : (grossTarget - keptGross) / increaseGross;
        for (int attempt = 0; attempt < 64; attempt++) {
            apply(kept, increase, scale, out);
            double excess = sortedAbsSum(out) - grossTarget;
            if (scale == 0.0 || excess <= 0.0) {
                break;
            }
            scale = Math.max(0.0, Math.min(Math.nextDown(scale), scale - excess / increaseGross));
        }
        return scale;
    }

    /** Σ|w| of a set of weights, summed in a canonical order (the same for any permutation). */
    public static double gross(double[] weights) {
        return sortedAbsSum(weights);
    }

    private static void apply(double[] kept, double[] increase, double scale, double[] out) {
        for (int i = 0; i < kept.length; i++) {
            out[i] = kept[i] + scale * increase[i];
        }
    }

    private static double sortedAbsSum(double[] values) {
        double[] abs = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            abs[i] = Math.abs(values[i]);
        }
        Arrays.sort(abs);
        double sum = 0.0;
        for (double a : abs) {
            sum += a;
        }
        return sum;
    }
}
