package dev.horizon.domain.sizing;

import dev.horizon.domain.market.Horizon;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Volatility-scaled sizing (PIPELINE §5, steps 1–4):
 * <pre>
 *   q     = α_h / σ_h                       (= S, the blended score)
 *   z     = clip(q / ρ_h, −z_max, z_max)
 *   v     = min(1, σ_target / σ_day)
 *   w_raw = z · (max_weight / z_max) · v · g     (sign = direction of α)
 * </pre>
 *
 * <p>ρ_h is the RMS of the q values sized at horizon h over the last {@code rho_window}
 * symbol-cycles (a {@link RhoTracker} per horizon). Every {@link #size} call within a cycle uses ρ
 * as of the start of the cycle and records its q; {@link #endCycle()} then adds the cycle's q values
 * to the windows. Sizing is therefore independent of the order in which symbols are sized. Call
 * {@link #size} once per sized symbol and cycle.
 *
 * <p>Not thread-safe; one engine cycle at a time.
 */
public final class PositionSizer {

    private final SizingConfig config;
    private final Map<String, RhoTracker> trackers = new TreeMap<>();
    private final Map<String, Pending> pending = new TreeMap<>();

    /** A sizer with empty ρ windows (every horizon starts at the prior). */
    public PositionSizer(SizingConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** A sizer holding the ρ windows of {@code snapshot}. */
    public static PositionSizer restore(SizingConfig config, PositionSizerSnapshot snapshot) {
        PositionSizer sizer = new PositionSizer(config);
        snapshot.rhoByHorizon().forEach((label, window) -> sizer.trackers.put(label, RhoTracker.restore(config, window)));
        return sizer;
    }

    /** ρ_h as it applies to the current cycle. */
    public double rho(Horizon horizon) {
        RhoTracker tracker = trackers.get(horizon.label());
        return tracker == null ? config.rhoPrior() : tracker.rho();
    }

    /**
     * Sizes one symbol and records its q for the end of the cycle.
     *
     * @param horizon    the chosen horizon h*
     * @param alpha      α_{h*}, expected decimal return over h*
     * @param sigmaH     σ_{h*}, volatility over h* (decimal, positive)
     * @param sigmaDay   σ_day, daily volatility (decimal, positive)
     * @param gateFactor g from the barrier gate, in [0, 1]
     * @throws IllegalArgumentException for a non-finite α or a σ that is not a positive number —
     *                                  stage 0 holds such symbols before they reach sizing
     */
    public SizingResult size(Horizon horizon, double alpha, double sigmaH, double sigmaDay, double gateFactor) {
        if (!Double.isFinite(alpha) || !(sigmaH > 0) || !(sigmaDay > 0)
                || Double.isInfinite(sigmaH) || Double.isInfinite(sigmaDay)) {
            throw new IllegalArgumentException("cannot size at " + horizon + ": alpha " + alpha + ", sigma_h " + sigmaH
                    + ", sigma_day " + sigmaDay + " (volatility must be a positive number)");
        }
        if (!(gateFactor >= 0 && gateFactor <= 1)) {
            throw new IllegalArgumentException("gate factor must be in [0, 1], was " + gateFactor);
        }
        double q = alpha / sigmaH;
        double rho = rho(horizon);
        double z = Math.max(-config.zMax(), Math.min(config.zMax(), q / rho));
        double v = Math.min(1.0, config.targetDailyVol() / sigmaDay);
        double w = z * (config.maxWeight() / config.zMax()) * v * gateFactor;
        pending.computeIfAbsent(horizon.label(), k -> new Pending()).add(q);
        return new SizingResult(q, rho, z, v, gateFactor, w);
    }

    /** Adds this cycle's q values to the ρ windows; the next cycle sizes with the updated ρ. */
    public void endCycle() {
        pending.forEach((label, batch) -> {
            trackers.computeIfAbsent(label, k -> RhoTracker.create(config)).addCycle(batch.values, batch.size);
            batch.size = 0;
        });
        pending.clear();
    }

    /**
     * The ρ windows, to persist between cycles.
     *
     * @throws IllegalStateException when a cycle was sized but not yet ended
     */
    public PositionSizerSnapshot snapshot() {
        if (!pending.isEmpty()) {
            throw new IllegalStateException("position sizer snapshot taken mid-cycle: call endCycle() first");
        }
        Map<String, RhoTrackerSnapshot> windows = new TreeMap<>();
        trackers.forEach((label, tracker) -> windows.put(label, tracker.snapshot()));
        return new PositionSizerSnapshot(windows);
    }

    /** A growable primitive buffer of one horizon's q values in the current cycle. */
    private static final class Pending {
        private double[] values = new double[16];
        private int size;

        void add(double q) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = q;
        }
    }
}
