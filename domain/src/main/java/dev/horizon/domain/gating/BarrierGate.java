package dev.horizon.domain.gating;

import java.util.Locale;
import java.util.Objects;

/**
 * The barrier gate (PIPELINE §4): the peak/valley classifiers veto or scale entries and signal
 * exits.
 *
 * <ul>
 *   <li>No barrier models → off, factor 1 <b>(fix: the original shrank every trade by a constant
 *       0.564)</b>.</li>
 *   <li>Exit first: a held long with p_peak &gt; 0.65, or a held short with p_valley &gt; 0.60 →
 *       target 0, whatever the candidate direction.</li>
 *   <li>Non-finite p → entries blocked ({@code invalid_barrier_prob}).</li>
 *   <li>Long entry blocked when p_peak &gt; 0.60 ({@code peak_prob 0.62 > 0.60}); short entry
 *       blocked when p_valley &gt; 0.55 ({@code valley_prob 0.57 > 0.55}). Probabilities are printed
 *       with two decimals, so 0.6000001 reads {@code peak_prob 0.60 > 0.60}.</li>
 *   <li>Otherwise g = max(g_min, min(1, (1 − p_bad)^γ · (0.5 + 0.5·p_good)^δ)), with (bad, good) =
 *       (peak, valley) for longs and (valley, peak) for shorts.</li>
 * </ul>
 * A block only removes new risk: {@link BarrierVerdict#allowedTarget(double, double)} keeps every
 * reduction <b>(fix)</b>. A blocked verdict still carries the formula's factor, so the reduction
 * is sized with the same (cautious) shrink an allowed trade would get.
 */
public final class BarrierGate {

    /** Reason for a non-finite barrier probability. */
    public static final String INVALID_BARRIER_PROB = "invalid_barrier_prob";

    private final BarrierGateConfig config;

    public BarrierGate(BarrierGateConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * Evaluates the gate for one symbol.
     *
     * @param p             the symbol's barrier probabilities
     * @param direction     the candidate direction from arbitration: +1 long, −1 short, 0 none
     * @param currentWeight the held market-value weight (sign = side), 0 when flat
     */
    public BarrierVerdict evaluate(BarrierProbabilities p, int direction, double currentWeight) {
        if (!p.available()) {
            return new BarrierVerdict(BarrierVerdict.Status.OFF, 1.0, "");
        }
        if (currentWeight > 0 && p.peak() > config.exitLongPeak()) {
            return new BarrierVerdict(BarrierVerdict.Status.EXIT, 1.0,
                    "barrier_exit: " + exceeds("peak_prob", p.peak(), config.exitLongPeak()));
        }
        if (currentWeight < 0 && p.valley() > config.exitShortValley()) {
            return new BarrierVerdict(BarrierVerdict.Status.EXIT, 1.0,
                    "barrier_exit: " + exceeds("valley_prob", p.valley(), config.exitShortValley()));
        }
        if (!p.isFinite()) {
            return new BarrierVerdict(BarrierVerdict.Status.BLOCKED, 1.0, INVALID_BARRIER_PROB);
        }
        if (direction > 0) {
            double g = factor(p.peak(), p.valley());
            if (p.peak() > config.maxPeakForLong()) {
                return new BarrierVerdict(BarrierVerdict.Status.BLOCKED, g,
                        exceeds("peak_prob", p.peak(), config.maxPeakForLong()));
            }
            return new BarrierVerdict(BarrierVerdict.Status.ALLOWED, g, "");
        }
        if (direction < 0) {
            double g = factor(p.valley(), p.peak());
            if (p.valley() > config.maxValleyForShort()) {
                return new BarrierVerdict(BarrierVerdict.Status.BLOCKED, g,
                        exceeds("valley_prob", p.valley(), config.maxValleyForShort()));
            }
            return new BarrierVerdict(BarrierVerdict.Status.ALLOWED, g, "");
        }
        return new BarrierVerdict(BarrierVerdict.Status.ALLOWED, 1.0, "");
    }

    /** g = max(g_min, min(1, (1 − pBad)^γ · (0.5 + 0.5·pGood)^δ)). */
    public double factor(double pBad, double pGood) {
        double g = Math.pow(1.0 - pBad, config.gamma()) * Math.pow(0.5 + 0.5 * pGood, config.delta());
        // NaN (e.g. a negative base to a fractional power) falls to g_min: the cautious end.
        return g >= config.minFactor() ? Math.min(1.0, g) : config.minFactor();
    }

    private static String exceeds(String name, double p, double limit) {
        return String.format(Locale.ROOT, "%s %.2f > %.2f", name, p, limit);
    }
}
