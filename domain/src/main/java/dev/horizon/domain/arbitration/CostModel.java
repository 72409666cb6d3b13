package dev.horizon.domain.arbitration;

import java.util.Objects;

/**
 * The cost of trading one symbol now, in bps (PIPELINE.md §3):
 * {@code cost = k1·spread_bps + k2·σ_bar·1e4 + k3·impact_bps}.
 *
 * <p>The timing term is the risk taken while executing, about one bar, so it uses σ_bar and does
 * not grow with the holding horizon (fix: charging a fraction of the whole horizon's volatility
 * blocked every realistic signal). Impact is the square-root law
 * {@code impact_bps = 10·√((q/ADV)/0.01)}: 10 bps at 1% participation.
 *
 * <p>Stateless and thread-safe.
 */
public final class CostModel {

    /** Impact at the reference participation, in bps. */
    private static final double REFERENCE_IMPACT_BPS = 10.0;
    /** The participation (q/ADV) at which impact equals {@link #REFERENCE_IMPACT_BPS}. */
    private static final double REFERENCE_PARTICIPATION = 0.01;

    private final CostConfig config;

    public CostModel(CostConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public CostConfig config() {
        return config;
    }

    /**
     * The planned order size in shares, {@code q = max_weight × PV / mid}: the size a full-weight
     * position would need, which is what the impact must be charged for.
     */
    public static double plannedShares(double maxWeight, double portfolioValue, double mid) {
        return maxWeight * portfolioValue / mid;
    }

    /**
     * The unweighted square-root impact in bps; 0 when the average daily volume is unknown
     * (non-finite or {@code <= 0}: a feed reports "no data" either way) or nothing is planned.
     *
     * @param plannedShares q, shares
     * @param adv           average daily volume, shares
     */
    public static double impactBps(double plannedShares, double adv) {
        if (!Double.isFinite(adv) || adv <= 0 || plannedShares == 0) {
            return 0.0;
        }
        return REFERENCE_IMPACT_BPS * Math.sqrt((Math.abs(plannedShares) / adv) / REFERENCE_PARTICIPATION);
    }

    /**
     * The cost terms for one symbol.
     *
     * @param spreadBps     quoted spread, bps of mid
     * @param sigmaBar      one-bar volatility, decimal
     * @param plannedShares q, shares (see {@link #plannedShares})
     * @param adv           average daily volume in shares, {@code NaN} when unknown
     */
    public CostBreakdown cost(double spreadBps, double sigmaBar, double plannedShares, double adv) {
        double spread = config.spreadWeight() * spreadBps;
        double timing = config.timingWeight() * sigmaBar * 1e4;
        double impact = config.impactWeight() * impactBps(plannedShares, adv);
        return new CostBreakdown(spread, timing, impact, spread + timing + impact);
    }

    /** The total cost in bps; see {@link #cost}. */
    public double costBps(double spreadBps, double sigmaBar, double plannedShares, double adv) {
        return cost(spreadBps, sigmaBar, plannedShares, adv).totalBps();
    }
}
