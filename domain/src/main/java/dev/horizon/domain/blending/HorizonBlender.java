package dev.horizon.domain.blending;

import dev.horizon.domain.market.Horizon;
import java.util.List;
import java.util.Objects;

/**
 * Blends the return models of one horizon into one expected return per symbol (PIPELINE.md §2).
 *
 * <p>Once per cycle: record the cycle's aligned scores, estimate Σ, solve the ridge risk-parity
 * weights from μ, flatten them with the horizon's temperature. Then per symbol:
 * {@code S = Σ_{m present} w_m s̃_m / Σ_{m present} w_m} — renormalised over the models that did
 * predict the symbol, so a missing model neither drags the score toward 0 nor is replaced by a
 * guess (fix) — {@code α = σ_h·S}, and {@code C = Σ_{m present} w_m c_m / Σ_{m present} w_m}.
 *
 * <p>Holds only configuration; the cycle-to-cycle state is the {@link BlendingHistory} passed in.
 * Thread-safe as long as each history is used by one thread.
 */
public final class HorizonBlender {

    private final Horizon horizon;
    private final List<String> families;
    private final BlendingConfig config;
    private final double temperature;
    private final RidgeRiskParity ridge;
    private final TemperatureCompressor compressor = new TemperatureCompressor();

    /**
     * @param horizon  the horizon blended
     * @param families its return models' families, sorted by name in code-point order
     *                 ({@link FamilyOrder}); the row order of every {@link BlendInput}
     * @param config   the blending parameters
     */
    public HorizonBlender(Horizon horizon, List<String> families, BlendingConfig config) {
        this.horizon = Objects.requireNonNull(horizon, "horizon");
        this.families = FamilyOrder.requireSorted(families, "horizon " + horizon);
        this.config = Objects.requireNonNull(config, "config");
        this.temperature = config.temperatures().temperatureFor(horizon);
        this.ridge = new RidgeRiskParity(config.ridgeLambda());
    }

    public Horizon horizon() {
        return horizon;
    }

    /** The model families, in row order. */
    public List<String> families() {
        return families;
    }

    /** An empty history for this horizon's models. */
    public BlendingHistory newHistory() {
        return new BlendingHistory(families, config.windowCycles());
    }

    /**
     * The history from a persisted snapshot, or an empty one when the snapshot was taken for a
     * different set of models (their correlations say nothing about the new set).
     */
    public BlendingHistory restoreHistory(BlendingHistorySnapshot snapshot) {
        if (snapshot == null || !snapshot.families().equals(families)) {
            return newHistory();
        }
        return BlendingHistory.restore(snapshot, families, config.windowCycles());
    }

    /**
     * Blends one cycle. Appends the cycle's standardized scores to {@code history} first, so call
     * this exactly once per horizon per cycle.
     *
     * @param history this horizon's history (its families must match)
     * @param input   the cycle's scores, ICs and σ_h
     */
    public HorizonBlend blend(BlendingHistory history, BlendInput input) {
        if (!history.families().equals(families)) {
            throw new IllegalArgumentException("horizon " + horizon + ": history is for models " + history.families()
                    + ", expected " + families);
        }
        if (input.modelCount() != families.size()) {
            throw new IllegalArgumentException("horizon " + horizon + ": input has " + input.modelCount()
                    + " models, expected " + families.size() + " " + families);
        }
        history.append(input.standardized());
        double[][] sigma = history.correlation(config.minRows());
        double[] mu = RidgeRiskParity.targets(input.ic(), input.costShare(), config.costLambda(), config.targetFloor());
        double[] ridgeWeights = ridge.weights(mu, sigma);
        double[] weights = compressor.compress(ridgeWeights, temperature);

        int symbols = input.symbolCount();
        double[] scores = new double[symbols];
        double[] alphas = new double[symbols];
        double[] confidences = new double[symbols];
        combine(weights, input, scores, alphas, confidences);
        return new HorizonBlend(horizon, families, history.rows(), temperature, mu, ridgeWeights, weights,
                scores, alphas, confidences);
    }

    private static void combine(double[] w, BlendInput input, double[] scores, double[] alphas, double[] confidences) {
        double[][] calibrated = input.calibrated();
        double[][] confidence = input.confidence();
        double[] sigmaH = input.sigmaH();
        int models = w.length;
        for (int s = 0; s < scores.length; s++) {
            double weightSum = 0.0;
            double scoreSum = 0.0;
            double confidenceSum = 0.0;
            for (int m = 0; m < models; m++) {
                double v = calibrated[m][s];
                if (Double.isFinite(v)) {
                    weightSum += w[m];
                    scoreSum += w[m] * v;
                    confidenceSum += w[m] * confidence[m][s];
                }
            }
            // Only zero-weight models (or none) predicted the symbol: there is no weighted
            // evidence, so the horizon is absent rather than a 0/0 or an invented 0.
            if (weightSum > 0) {
                double score = scoreSum / weightSum;
                scores[s] = score;
                alphas[s] = sigmaH[s] * score;
                confidences[s] = confidenceSum / weightSum;
            } else {
                scores[s] = Double.NaN;
                alphas[s] = Double.NaN;
                confidences[s] = Double.NaN;
            }
        }
    }
}
