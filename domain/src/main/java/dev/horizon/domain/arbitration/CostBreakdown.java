package dev.horizon.domain.arbitration;

import dev.horizon.domain.state.DecisionTrace;

/**
 * The expected round-trip cost of a trade, in bps, term by term (weights already applied).
 *
 * @param spreadBps k1 × quoted spread
 * @param timingBps k2 × σ_bar × 1e4, the risk carried while the order works (about one bar)
 * @param impactBps k3 × square-root impact
 * @param totalBps  the sum
 */
public record CostBreakdown(double spreadBps, double timingBps, double impactBps, double totalBps) {

    /** The terms as a decision-trace node. */
    public DecisionTrace trace() {
        return DecisionTrace.builder()
                .put("spread_bps", spreadBps)
                .put("timing_bps", timingBps)
                .put("impact_bps", impactBps)
                .put("total_bps", totalBps)
                .build();
    }
}
