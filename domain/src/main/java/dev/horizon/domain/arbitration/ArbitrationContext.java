package dev.horizon.domain.arbitration;

/**
 * What arbitration needs to know about one symbol besides its per-horizon α.
 *
 * @param spreadBps     quoted spread, bps of mid: (ask − bid)/mid × 1e4
 * @param sigmaBar      one-bar volatility σ_bar, decimal
 * @param plannedShares q = max_weight × PV / mid, shares ({@link CostModel#plannedShares})
 * @param adv           average daily volume in shares, {@code NaN} when unknown
 * @param currentWeight the current market-value weight; only its sign is used (long / flat /
 *                      short)
 */
public record ArbitrationContext(double spreadBps, double sigmaBar, double plannedShares, double adv,
                                 double currentWeight) {
}
