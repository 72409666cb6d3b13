package dev.horizon.domain.sizing;

import dev.horizon.domain.state.DecisionTrace;

/**
 * The sizing steps for one symbol, kept for the decision trace.
 *
 * @param q          α/σ_h, the signal-to-noise of the chosen horizon (= S)
 * @param rho        ρ_h used (as of the start of the cycle)
 * @param z          clip(q/ρ, −z_max, z_max)
 * @param volScale   v = min(1, σ_target/σ_day)
 * @param gateFactor g from the barrier gate
 * @param rawWeight  w_raw = z · (max_weight / z_max) · v · g, signed like α
 */
public record SizingResult(double q, double rho, double z, double volScale, double gateFactor, double rawWeight) {

    /** The steps as a decision trace: q, rho, z, v, g, w_raw. */
    public DecisionTrace trace() {
        return DecisionTrace.builder().put("q", q).put("rho", rho).put("z", z).put("v", volScale)
                .put("g", gateFactor).put("w_raw", rawWeight).build();
    }
}
