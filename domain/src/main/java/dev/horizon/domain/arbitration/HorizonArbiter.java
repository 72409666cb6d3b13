package dev.horizon.domain.arbitration;

import dev.horizon.domain.market.Horizon;
import java.util.List;
import java.util.Objects;

/**
 * Picks, per symbol, the horizon whose expected return best beats its cost (PIPELINE.md §3).
 *
 * <p>For each horizon with an α: {@code net = |α|·1e4 − cost} bps, direction {@code sign(α)},
 * {@code score = net / √(minutes/5)} — per unit of horizon-scaled risk, so a longer horizon must
 * earn proportionally more. Non-finite scores are dropped; the best remaining score wins, ties
 * going to the shorter horizon. It becomes a candidate trade when it reaches
 * {@code θ = entry + reserve × spread}. A sell signal with shorting off sells a long to flat,
 * and otherwise holds (fix: the original could only ever buy).
 *
 * <p>Stateless and thread-safe.
 */
public final class HorizonArbiter {

    private final List<Horizon> horizons;
    private final double[] riskScale;
    private final ArbitrationConfig config;
    private final CostModel costModel;

    /**
     * @param horizons  the horizons, strictly ascending by length (the index order of every α
     *                  array); two horizons of the same length are rejected
     * @param config    thresholds and shorting
     * @param costModel the per-symbol cost
     */
    public HorizonArbiter(List<Horizon> horizons, ArbitrationConfig config, CostModel costModel) {
        this.horizons = List.copyOf(horizons);
        this.config = Objects.requireNonNull(config, "config");
        this.costModel = Objects.requireNonNull(costModel, "costModel");
        if (this.horizons.isEmpty()) {
            throw new IllegalArgumentException("arbitration needs at least one horizon");
        }
        for (int i = 1; i < this.horizons.size(); i++) {
            Horizon before = this.horizons.get(i - 1);
            Horizon h = this.horizons.get(i);
            if (before.minutes() >= h.minutes()) {
                throw new IllegalArgumentException("horizons must be listed shortest first with distinct lengths, but "
                        + before + " (" + before.minutes() + " min) comes before " + h + " (" + h.minutes() + " min)");
            }
        }
        riskScale = new double[this.horizons.size()];
        for (int i = 0; i < riskScale.length; i++) {
            riskScale[i] = Math.sqrt(this.horizons.get(i).minutes() / 5.0);
        }
    }

    /** The horizons, ascending: the index order of α arrays and results. */
    public List<Horizon> horizons() {
        return horizons;
    }

    /**
     * Arbitrates one symbol.
     *
     * @param alphas  α per horizon (decimal, over that horizon), {@code NaN} where the horizon is
     *                absent for the symbol; indexed like {@link #horizons()}
     * @param context spread, σ_bar, planned size, ADV and current position of the symbol
     */
    public Arbitration arbitrate(double[] alphas, ArbitrationContext context) {
        int n = horizons.size();
        if (alphas.length != n) {
            throw new IllegalArgumentException("expected one alpha per horizon " + horizons + ", got " + alphas.length);
        }
        CostBreakdown cost = costModel.cost(context.spreadBps(), context.sigmaBar(), context.plannedShares(),
                context.adv());
        double costBps = cost.totalBps();
        double[] costs = new double[n];
        double[] scores = new double[n];
        int best = -1;
        for (int i = 0; i < n; i++) {
            costs[i] = costBps;
            double net = Math.abs(alphas[i]) * 1e4 - costBps;
            double score = net / riskScale[i];
            if (Double.isFinite(score)) {
                scores[i] = score;
                // Strictly greater: on a tie the earlier, shorter horizon stays.
                if (best < 0 || score > scores[best]) {
                    best = i;
                }
            } else {
                scores[i] = Double.NaN;
            }
        }
        double threshold = config.thresholdBps(context.spreadBps());
        if (best < 0) {
            return new Arbitration(ArbitrationKind.HOLD, -1, null, 0, Double.NaN, threshold, cost, horizons,
                    alphas, costs, scores, Arbitration.NO_VALID_HORIZON);
        }
        Horizon chosen = horizons.get(best);
        int direction = (int) Math.signum(alphas[best]);
        double score = scores[best];
        if (!(score >= threshold)) {
            return new Arbitration(ArbitrationKind.HOLD, best, chosen, direction, score, threshold, cost, horizons,
                    alphas, costs, scores, reason(score, "bps < threshold ", threshold));
        }
        String passed = reason(score, "bps >= threshold ", threshold);
        ArbitrationKind kind = ArbitrationKind.TRADE;
        String reason = passed;
        if (direction == 0) {
            kind = ArbitrationKind.HOLD;
            reason = Arbitration.ZERO_ALPHA;
        } else if (direction < 0 && !config.allowShort()) {
            if (context.currentWeight() > 0) {
                kind = ArbitrationKind.FLATTEN;
                reason = Arbitration.SHORT_NOT_ALLOWED + ": sell to flat (" + passed + ")";
            } else {
                kind = ArbitrationKind.HOLD;
                reason = Arbitration.SHORT_NOT_ALLOWED;
            }
        }
        return new Arbitration(kind, best, chosen, direction, score, threshold, cost, horizons, alphas, costs,
                scores, reason);
    }

    /** {@code "score <score>bps<comparison><threshold>bps"}, both to two decimals, in one builder. */
    private static String reason(double score, String comparison, double threshold) {
        StringBuilder out = new StringBuilder(64).append("score ");
        Decimals.appendFixed(out, score, 2).append(comparison);
        return Decimals.appendFixed(out, threshold, 2).append("bps").toString();
    }
}
