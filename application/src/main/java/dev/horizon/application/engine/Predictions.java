package dev.horizon.application.engine;

import dev.horizon.domain.blending.BlendInput;
import dev.horizon.domain.market.Horizon;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What stage 1 produced this cycle: the blend inputs of every horizon, the barrier probabilities,
 * and per model and symbol the raw prediction, score and confidence (for decision traces).
 */
final class Predictions {

    private final int symbols;
    private final List<String> ids;
    private final double[][] raw;
    private final double[][] scores;
    private final double[][] confidence;
    private final Map<Horizon, BlendInput> inputs = new LinkedHashMap<>();
    private double[] peak;
    private double[] valley;

    /** @param ids the id of every model, in the order of the model indices used below */
    Predictions(int symbols, List<String> ids) {
        this.symbols = symbols;
        this.ids = ids;
        int models = ids.size();
        raw = nan(models, symbols);
        scores = nan(models, symbols);
        confidence = nan(models, symbols);
    }

    void recordModel(int m, int symbol, double rawValue, double score, double conf) {
        raw[m][symbol] = rawValue;
        scores[m][symbol] = score;
        confidence[m][symbol] = conf;
    }

    /** {@link #recordModel} for a batch: {@code symbols[i]} got {@code rawValues[i]}, {@code scoreValues[i]}, {@code conf[i]}. */
    void recordBatch(int m, int[] symbolIndices, double[] rawValues, double[] scoreValues, double[] conf, int n) {
        double[] rawRow = raw[m];
        double[] scoreRow = scores[m];
        double[] confidenceRow = confidence[m];
        for (int i = 0; i < n; i++) {
            int u = symbolIndices[i];
            rawRow[u] = rawValues[i];
            scoreRow[u] = scoreValues[i];
            confidenceRow[u] = conf[i];
        }
    }

    void markIncomplete(int m, int symbol) {
        raw[m][symbol] = ModelTraces.INCOMPLETE;
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

    /**
     * Per model that saw the symbol: raw, z and c, or {@code features_incomplete}; a view built
     * when first read (this object is not written after the cycle).
     */
    Map<String, Object> trace(int symbol) {
        return new ModelTraces(ids, raw, scores, confidence, symbol);
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
