package dev.horizon.domain.prediction;

import dev.horizon.domain.market.Horizon;
import java.time.Instant;

/**
 * Confidence and calibrated scores (PIPELINE §1.5):
 * {@code c = IC⁺ × freshness × capacity × stability}, each factor in [0, 1], and {@code s̃ = s × c}.
 *
 * <ul>
 *   <li>freshness {@code = exp(−Δt/τ_h)}, Δt = cycle time − close time of the symbol's last bar in
 *       seconds (a negative Δt counts as 0, freshness 1); τ = 30 s per horizon minute (5m 150 s …
 *       60m 1800 s), except the horizon labelled {@code 1d}: 7200 s whatever its session length.</li>
 *   <li>capacity {@code = min(1, κ·ADV$ / planned$)}, planned$ = max_weight × portfolio value.
 *       Unknown ADV ({@code NaN}) → 1; ADV ≤ 0 (nothing trades) → 0; nothing planned
 *       (planned$ ≤ 0 or unknown) → 1.</li>
 * </ul>
 *
 * <p>Capacity depends only on the symbol and freshness on the symbol and the horizon, so the
 * engine fills them once per cycle (per horizon) over the universe with the batch methods, and
 * {@link #score} combines them with each model's {@link ModelQuality}. Stateless and thread-safe.
 */
public final class ConfidenceScorer {

    /** τ of the {@code 1d} horizon in seconds. */
    public static final double DAY_TAU_SECONDS = 7200.0;
    /** τ of every other horizon, in seconds per horizon minute. */
    public static final double TAU_SECONDS_PER_MINUTE = 30.0;

    private final double capacityKappa;

    /** @param capacityKappa κ ({@code [prediction.capacity_kappa]}), positive */
    public ConfidenceScorer(double capacityKappa) {
        if (!(capacityKappa > 0) || !Double.isFinite(capacityKappa)) {
            throw new IllegalArgumentException("prediction.capacity_kappa must be positive, was " + capacityKappa);
        }
        this.capacityKappa = capacityKappa;
    }

    /** A scorer with κ from {@code settings}. */
    public static ConfidenceScorer of(PredictionSettings settings) {
        return new ConfidenceScorer(settings.capacityKappa());
    }

    /** τ_h in seconds: 7200 for the horizon labelled {@code 1d}, else 30 × h_minutes. */
    public static double tauSeconds(Horizon horizon) {
        return "1d".equals(horizon.label()) ? DAY_TAU_SECONDS : TAU_SECONDS_PER_MINUTE * horizon.minutes();
    }

    /** Freshness of a symbol whose last bar closed at {@code lastBarTime}, at cycle {@code cycleTime}. */
    public static double freshness(Horizon horizon, Instant cycleTime, Instant lastBarTime) {
        return freshness(horizon, cycleTime.toEpochMilli(), lastBarTime.toEpochMilli());
    }

    /** Freshness from epoch milliseconds; a last bar after the cycle time counts as Δt = 0. */
    public static double freshness(Horizon horizon, long cycleEpochMillis, long lastBarEpochMillis) {
        return freshnessFor(tauSeconds(horizon), cycleEpochMillis, lastBarEpochMillis);
    }

    /**
     * Freshness at horizon h of {@code n} symbols: {@code out[i]} for the symbol whose last bar
     * closed at {@code lastBarEpochMillis[i]} ({@link Long#MIN_VALUE} for none → 0).
     */
    public void freshness(Horizon horizon, long cycleEpochMillis, long[] lastBarEpochMillis, int n, double[] out) {
        double tau = tauSeconds(horizon);
        for (int i = 0; i < n; i++) {
            out[i] = freshnessFor(tau, cycleEpochMillis, lastBarEpochMillis[i]);
        }
    }

    /**
     * Capacity of one symbol.
     *
     * @param advDollars     average daily dollar volume, {@code NaN} when unknown
     * @param plannedDollars the largest position the engine would take, max_weight × PV
     */
    public double capacity(double advDollars, double plannedDollars) {
        if (Double.isNaN(advDollars) || !(plannedDollars > 0)) {
            return 1.0;
        }
        if (advDollars <= 0) {
            return 0.0;
        }
        return Math.min(1.0, capacityKappa * advDollars / plannedDollars);
    }

    /** Capacity of {@code n} symbols: {@code out[i] = capacity(advDollars[i], plannedDollars)}. */
    public void capacity(double[] advDollars, int n, double plannedDollars, double[] out) {
        for (int i = 0; i < n; i++) {
            out[i] = capacity(advDollars[i], plannedDollars);
        }
    }

    /** {@code c = IC⁺ × freshness × capacity × stability}. */
    public static double confidence(double icPlus, double freshness, double capacity, double stability) {
        return icPlus * freshness * capacity * stability;
    }

    /**
     * Confidence and calibrated score of one model's batch.
     *
     * @param quality       the model's IC and stability this cycle
     * @param freshness     freshness at the model's horizon, indexed by universe symbol
     * @param capacity      capacity, indexed by universe symbol
     * @param symbols       {@code symbols[i]} = universe index of the batch's i-th symbol
     * @param scores        standardized scores s, aligned with the batch
     * @param n             the batch size
     * @param confidenceOut receives c, aligned with the batch
     * @param calibratedOut receives {@code s̃ = s × c}, aligned with the batch
     */
    public void score(ModelQuality quality, double[] freshness, double[] capacity, int[] symbols,
                      double[] scores, int n, double[] confidenceOut, double[] calibratedOut) {
        double icPlus = quality.icPlus();
        double stability = quality.stability();
        for (int i = 0; i < n; i++) {
            int u = symbols[i];
            double c = confidence(icPlus, freshness[u], capacity[u], stability);
            confidenceOut[i] = c;
            calibratedOut[i] = scores[i] * c;
        }
    }

    private static double freshnessFor(double tauSeconds, long cycleEpochMillis, long lastBarEpochMillis) {
        // in double, so a missing bar (Long.MIN_VALUE) cannot overflow the difference
        double deltaSeconds = ((double) cycleEpochMillis - (double) lastBarEpochMillis) / 1000.0;
        return Math.exp(-Math.max(0.0, deltaSeconds) / tauSeconds);
    }
}
