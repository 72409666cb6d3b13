package dev.horizon.domain.arbitration;

import dev.horizon.domain.market.Horizon;
import dev.horizon.domain.state.DecisionTrace;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of arbitrating one symbol's horizons: which horizon won, in which direction, by
 * how much, and everything the decision trace needs to explain it.
 *
 * <p>Immutable: the per-horizon arrays are copied in and out, and equality compares their
 * contents. Per-horizon values are indexed like {@code horizons} (ascending by length).
 *
 * @param kind         TRADE (candidate trade in {@code direction}), FLATTEN (sell a long to flat
 *                     because shorting is off) or HOLD
 * @param horizonIndex index of the chosen horizon h*, −1 when no horizon had a valid score
 * @param horizon      h*, {@code null} when none
 * @param direction    sign of α at h*: +1 buy, −1 sell, 0 when none
 * @param score        score of h* in bps, {@code NaN} when none
 * @param thresholdBps θ = entry threshold + reserve multiple × spread, bps
 * @param cost         the cost terms (the same for every horizon)
 * @param horizons     the horizons considered, ascending by length
 * @param alphas       α per horizon, decimal, {@code NaN} where the horizon was absent
 * @param costsBps     cost per horizon, bps
 * @param scores       score per horizon, bps, {@code NaN} where absent or not finite (dropped)
 * @param reason       one line, e.g. {@code score 8.20bps >= threshold 4.00bps}
 */
public record Arbitration(ArbitrationKind kind, int horizonIndex, Horizon horizon, int direction, double score,
                          double thresholdBps, CostBreakdown cost, List<Horizon> horizons, double[] alphas,
                          double[] costsBps, double[] scores, String reason) {

    /** Reason when no horizon has a finite score. */
    public static final String NO_VALID_HORIZON = "no_valid_horizon";
    /** Reason when a sell signal may not open a short and there is no long to sell. */
    public static final String SHORT_NOT_ALLOWED = "short_not_allowed";
    /** Reason when the winning horizon's α is exactly zero, so there is no side to trade. */
    public static final String ZERO_ALPHA = "zero_alpha";

    public Arbitration {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(reason, "reason");
        horizons = List.copyOf(horizons);
        alphas = alphas.clone();
        costsBps = costsBps.clone();
        scores = scores.clone();
        int n = horizons.size();
        if (alphas.length != n || costsBps.length != n || scores.length != n) {
            throw new IllegalArgumentException("arbitration needs one alpha, cost and score per horizon (" + n + ")");
        }
        if ((horizonIndex < 0) != (horizon == null) || horizonIndex >= n
                || (horizon != null && !horizon.equals(horizons.get(horizonIndex)))) {
            throw new IllegalArgumentException("chosen horizon " + horizon + " does not match index " + horizonIndex);
        }
        if (kind != ArbitrationKind.HOLD && (horizon == null || direction == 0)) {
            throw new IllegalArgumentException(kind + " needs a chosen horizon and a direction");
        }
    }

    /** True for TRADE and FLATTEN. */
    public boolean isTrade() {
        return kind != ArbitrationKind.HOLD;
    }

    /** True when the later stages must target a weight of exactly 0 (sell to flat). */
    public boolean targetsFlat() {
        return kind == ArbitrationKind.FLATTEN;
    }

    /** α at h*, {@code NaN} when none. */
    public double chosenAlpha() {
        return horizonIndex < 0 ? Double.NaN : alphas[horizonIndex];
    }

    @Override
    public double[] alphas() {
        return alphas.clone();
    }

    @Override
    public double[] costsBps() {
        return costsBps.clone();
    }

    @Override
    public double[] scores() {
        return scores.clone();
    }

    /**
     * The arbitration part of a decision trace: chosen horizon, direction, score, threshold, cost
     * terms and, per horizon with an α, its α, cost and score (or {@code dropped} when the score
     * was not finite).
     */
    public DecisionTrace trace() {
        DecisionTrace.Builder perHorizon = DecisionTrace.builder();
        for (int i = 0; i < horizons.size(); i++) {
            if (Double.isNaN(alphas[i])) {
                continue;
            }
            DecisionTrace.Builder h = DecisionTrace.builder()
                    .put("alpha", alphas[i])
                    .put("cost_bps", costsBps[i]);
            if (Double.isFinite(scores[i])) {
                h.put("score_bps", scores[i]);
            } else {
                h.put("dropped", true);
            }
            perHorizon.put(horizons.get(i).label(), h.build());
        }
        DecisionTrace.Builder b = DecisionTrace.builder()
                .put("kind", kind.name())
                .put("reason", reason);
        if (horizon != null) {
            b.put("horizon", horizon.label())
                    .put("direction", (long) direction)
                    .put("score_bps", score);
        }
        return b.put("threshold_bps", thresholdBps)
                .put("cost", cost.trace())
                .put("horizons", perHorizon.build())
                .build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Arbitration other
                && kind == other.kind
                && horizonIndex == other.horizonIndex
                && Objects.equals(horizon, other.horizon)
                && direction == other.direction
                && Double.compare(score, other.score) == 0
                && Double.compare(thresholdBps, other.thresholdBps) == 0
                && cost.equals(other.cost)
                && horizons.equals(other.horizons)
                && Arrays.equals(alphas, other.alphas)
                && Arrays.equals(costsBps, other.costsBps)
                && Arrays.equals(scores, other.scores)
                && reason.equals(other.reason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, horizonIndex, horizon, direction, score, thresholdBps, cost, horizons,
                Arrays.hashCode(alphas), Arrays.hashCode(costsBps), Arrays.hashCode(scores), reason);
    }

    @Override
    public String toString() {
        return "Arbitration[" + kind + " " + (horizon == null ? "-" : horizon) + " d=" + direction
                + " score=" + score + " threshold=" + thresholdBps + " scores=" + Arrays.toString(scores)
                + " reason=" + reason + "]";
    }
}
