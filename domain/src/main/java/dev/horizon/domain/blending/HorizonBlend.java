package dev.horizon.domain.blending;

import dev.horizon.domain.market.Horizon;
import dev.horizon.domain.state.DecisionTrace;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The result of blending one horizon in one cycle: the model weights (solved once for the cycle)
 * and, per symbol, the blended score S, the expected return α = σ_h·S and the blended
 * confidence C.
 *
 * <p>Immutable. Per-symbol values are indexed like the columns of the {@link BlendInput}; a
 * symbol no weighted model predicted is absent, with every per-symbol value {@code NaN}.
 */
public final class HorizonBlend {

    private final Horizon horizon;
    private final List<String> families;
    private final int alignedRows;
    private final double temperature;
    private final double[] targets;
    private final double[] ridgeWeights;
    private final double[] weights;
    private final double[] scores;
    private final double[] alphas;
    private final double[] confidences;

    HorizonBlend(Horizon horizon, List<String> families, int alignedRows, double temperature, double[] targets,
                 double[] ridgeWeights, double[] weights, double[] scores, double[] alphas, double[] confidences) {
        this.horizon = Objects.requireNonNull(horizon, "horizon");
        this.families = List.copyOf(families);
        this.alignedRows = alignedRows;
        this.temperature = temperature;
        this.targets = targets;
        this.ridgeWeights = ridgeWeights;
        this.weights = weights;
        this.scores = scores;
        this.alphas = alphas;
        this.confidences = confidences;
    }

    public Horizon horizon() {
        return horizon;
    }

    /** Model families, in weight order. */
    public List<String> families() {
        return families;
    }

    /** Aligned rows the correlation was estimated from (below min_rows Σ was the identity). */
    public int alignedRows() {
        return alignedRows;
    }

    /** The temperature applied to the ridge weights. */
    public double temperature() {
        return temperature;
    }

    /** The target vector μ, per model. */
    public double[] targets() {
        return targets.clone();
    }

    /** The ridge risk-parity weights before temperature, per model. */
    public double[] ridgeWeights() {
        return ridgeWeights.clone();
    }

    /** The final weights (after temperature), per model; non-negative, summing to 1. */
    public double[] weights() {
        return weights.clone();
    }

    /** The final weight of model {@code m}. */
    public double weight(int m) {
        return weights[m];
    }

    public int symbolCount() {
        return scores.length;
    }

    /** True when at least one weighted model predicted symbol {@code s}. */
    public boolean isPresent(int s) {
        return !Double.isNaN(scores[s]);
    }

    /** S_{h,s}, the blended calibrated score; {@code NaN} when absent. */
    public double score(int s) {
        return scores[s];
    }

    /** α_{h,s} = σ_{h,s}·S_{h,s}, decimal expected return over the horizon; {@code NaN} when absent. */
    public double alpha(int s) {
        return alphas[s];
    }

    /** C_{h,s}, the weight-averaged confidence of the models present; {@code NaN} when absent. */
    public double confidence(int s) {
        return confidences[s];
    }

    /** S per symbol. */
    public double[] scores() {
        return scores.clone();
    }

    /** α per symbol. */
    public double[] alphas() {
        return alphas.clone();
    }

    /** C per symbol. */
    public double[] confidences() {
        return confidences.clone();
    }

    /** The horizon-level part of a decision trace: rows, temperature, μ and weights per family. */
    public DecisionTrace trace() {
        DecisionTrace.Builder models = DecisionTrace.builder();
        for (int m = 0; m < families.size(); m++) {
            models.put(families.get(m), DecisionTrace.builder()
                    .put("target", targets[m])
                    .put("ridge_weight", ridgeWeights[m])
                    .put("weight", weights[m])
                    .build());
        }
        return DecisionTrace.builder()
                .put("horizon", horizon.label())
                .put("aligned_rows", (long) alignedRows)
                .put("temperature", temperature)
                .put("models", models.build())
                .build();
    }

    /** The symbol-level part of a decision trace: S, α and C of symbol {@code s}. */
    public DecisionTrace trace(int s) {
        return DecisionTrace.builder()
                .put("score", scores[s])
                .put("alpha", alphas[s])
                .put("confidence", confidences[s])
                .build();
    }

    @Override
    public String toString() {
        List<String> w = new ArrayList<>(families.size());
        for (int m = 0; m < families.size(); m++) {
            w.add(families.get(m) + "=" + weights[m]);
        }
        return "HorizonBlend[" + horizon + ", weights=" + w + ", symbols=" + scores.length + "]";
    }
}
