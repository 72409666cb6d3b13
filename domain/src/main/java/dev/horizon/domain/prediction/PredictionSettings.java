package dev.horizon.domain.prediction;

import java.time.Duration;
import java.util.Objects;

/**
 * The {@code [prediction.*]} parameters of standardization (PIPELINE §1.4), confidence (§1.5) and
 * the bookkeeping of matured predictions.
 *
 * @param zWindowCycles    {@code z_window_cycles}: cycles of raw predictions pooled per model (20)
 * @param zMinObs          {@code z_min_obs}: pooled values needed before any score is non-zero (20)
 * @param zClip            {@code z_clip}: standardized scores are clipped to ±this (3)
 * @param icWindow         {@code ic_window}: matured (prediction, realised) pairs kept per model (500)
 * @param icPriorWeight    {@code ic_prior_weight}: n0, pseudo-observations of the prior IC (100)
 * @param icPrior          {@code ic_prior}: prior IC of a model whose metadata has none (0.02)
 * @param capacityKappa    {@code capacity_kappa}: κ, tradable share of ADV (0.1)
 * @param stabilityWindow  matured predictions the stability factor looks at (50)
 * @param stabilityMinObs  matured predictions needed before stability is measured (10)
 * @param maturityGrace    {@code maturity_grace}: how long after its due time a prediction waits
 *                         for the bar it matures on before it is dropped (10 minutes)
 */
public record PredictionSettings(int zWindowCycles, int zMinObs, double zClip, int icWindow,
                                 double icPriorWeight, double icPrior, double capacityKappa,
                                 int stabilityWindow, int stabilityMinObs, Duration maturityGrace) {

    public PredictionSettings {
        requirePositive("prediction.z_window_cycles", zWindowCycles);
        requirePositive("prediction.z_min_obs", zMinObs);
        if (!(zClip > 0) || !Double.isFinite(zClip)) {
            throw new IllegalArgumentException("prediction.z_clip must be a positive number, was " + zClip);
        }
        requirePositive("prediction.ic_window", icWindow);
        if (!(icPriorWeight >= 0) || !Double.isFinite(icPriorWeight)) {
            throw new IllegalArgumentException("prediction.ic_prior_weight must be >= 0, was " + icPriorWeight);
        }
        if (!(icPrior >= -1 && icPrior <= 1)) {
            throw new IllegalArgumentException("prediction.ic_prior must be an IC in [-1, 1], was " + icPrior);
        }
        if (!(capacityKappa > 0) || !Double.isFinite(capacityKappa)) {
            throw new IllegalArgumentException("prediction.capacity_kappa must be positive, was " + capacityKappa);
        }
        requirePositive("prediction.stability_window", stabilityWindow);
        requirePositive("prediction.stability_min_obs", stabilityMinObs);
        if (stabilityMinObs > stabilityWindow) {
            throw new IllegalArgumentException("prediction.stability_min_obs (" + stabilityMinObs
                    + ") exceeds prediction.stability_window (" + stabilityWindow + "): stability would never be measured");
        }
        Objects.requireNonNull(maturityGrace, "prediction.maturity_grace");
        if (maturityGrace.isNegative()) {
            throw new IllegalArgumentException("prediction.maturity_grace must be >= 0, was " + maturityGrace);
        }
    }

    /** The defaults of PIPELINE §1.4–1.5. */
    public static PredictionSettings defaults() {
        return new PredictionSettings(20, 20, 3.0, 500, 100.0, 0.02, 0.1, 50, 10, Duration.ofMinutes(10));
    }

    private static void requirePositive(String key, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(key + " must be a positive count, was " + value);
        }
    }
}
