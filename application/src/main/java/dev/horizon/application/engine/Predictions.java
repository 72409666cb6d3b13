package dev.horizon.application.engine;

import dev.horizon.domain.blending.BlendInput;
import dev.horizon.domain.market.Horizon;
import dev.horizon.domain.prediction.ModelSpec;
import dev.horizon.domain.state.DecisionTrace;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What stage 1 produced this cycle: the blend inputs of every horizon, the barrier probabilities,
 * and per model and symbol the raw prediction, score and confidence (for decision traces).
 */
final class Predictions {

    /** Marks a symbol a model could not predict because an input was missing. */
    private static final double INCOMPLETE = Double.NEGATIVE_INFINITY;

    private final int symbols;
    private final List<ModelSpec> models;
    private final Map<String, Integer> modelIndex = new HashMap<>();
    private final double[][] raw;
    private final double[][] scores;
    private final double[][] confidence;
    private final Map<Horizon, BlendInput> inputs = new LinkedHashMap<>();
    private double[] peak;
    private double[] valley;

    Predictions(int symbols, List<ModelSpec> models) {
        this.symbols = symbols;
        this.models = models;
        for (int i = 0; i < models.size(); i++) {
            modelIndex.put(models.get(i).id(), i);
        }
        raw = nan(models.size(), symbols);
        scores = nan(models.size(), symbols);
        confidence = nan(models.size(), symbols);
    }

    void recordModel(String id, int symbol, double rawValue, double score, double conf) {
        int m = modelIndex.get(id);
        raw[m][symbol] = rawValue;
        scores[m][symbol] = score;
        confidence[m][symbol] = conf;
    }

    void markIncomplete(String id, int symbol) {
        raw[modelIndex.get(id)][symbol] = INCOMPLETE;
    }

    void putHorizon(Horizon h, BlendInput input) {
        inputs.put(h, input);
    }

    void putBarriers(double[] peakMeans, double[] valleyMeans) {
        this.peak = peakMeans;
        this.valley = valleyMeans;
    }

    Map<Horizon, BlendInput> inputs() {
        return inputs;
    }

    boolean hasBarriers() {
        return peak != null;
    }

    double peak(int symbol) {
        return peak[symbol];
    }

    double valley(int symbol) {
        return valley[symbol];
    }

    /** Per model that saw the symbol: raw, z and c, or {@code features_incomplete}. */
    DecisionTrace trace(int symbol) {
        DecisionTrace.Builder b = DecisionTrace.builder();
        for (int m = 0; m < models.size(); m++) {
            double r = raw[m][symbol];
            if (r == INCOMPLETE) {
                b.put(models.get(m).id(), "features_incomplete");
            } else if (!Double.isNaN(r)) {
                DecisionTrace.Builder model = DecisionTrace.builder().put("raw", r);
                if (!Double.isNaN(scores[m][symbol])) {
                    model.put("z", scores[m][symbol]).put("c", confidence[m][symbol]);
                }
                b.put(models.get(m).id(), model.build());
            }
        }
        return b.build();
    }

    int symbolCount() {
        return symbols;
    }

    private static double[][] nan(int rows, int cols) {
        double[][] m = new double[rows][cols];
        for (double[] row : m) {
            Arrays.fill(row, Double.NaN);
        }
        return m;
    }
}
