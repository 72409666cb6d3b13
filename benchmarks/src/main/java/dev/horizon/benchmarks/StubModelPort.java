package dev.horizon.benchmarks;

import dev.horizon.application.port.ModelPort;
import dev.horizon.domain.prediction.ModelKind;
import dev.horizon.domain.prediction.ModelSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Model outputs without a model runtime: each model is a fixed, deterministic and cheap function
 * of its input row: the fractional part f of {@code w · x}, with weights drawn once from the
 * model id, mapped to {@code a · (2f − 1) + b} — one multiply-add per input value, no
 * transcendental function. Return models answer within ±0.2 %, barrier models with a
 * probability in [0.1, 0.5]. The engine sees real inputs (features and sequence windows computed
 * from the bars) and outputs that vary across symbols and cycles, at no inference cost.
 */
public final class StubModelPort implements ModelPort {

    private final List<ModelSpec> specs;
    private final Map<String, double[]> weights = new HashMap<>();
    private final Map<String, ModelSpec> byId = new HashMap<>();

    public StubModelPort(List<ModelSpec> specs) {
        this.specs = List.copyOf(specs);
        for (ModelSpec spec : specs) {
            SplittableRandom random = new SplittableRandom(spec.id().hashCode());
            double[] w = new double[spec.inputWidth()];
            for (int i = 0; i < w.length; i++) {
                w[i] = random.nextDouble(-1.0, 1.0);
            }
            weights.put(spec.id(), w);
            byId.put(spec.id(), spec);
        }
    }

    @Override
    public List<ModelSpec> models() {
        return specs;
    }

    @Override
    public void predict(String modelId, float[] input, int rows, double[] out) {
        double[] w = weights.get(modelId);
        if (w == null) {
            throw new IllegalArgumentException("unknown model id '" + modelId + "'");
        }
        boolean probability = byId.get(modelId).kind() == ModelKind.PROBABILITY;
        int width = w.length;
        for (int r = 0; r < rows; r++) {
            double dot = 0;
            int base = r * width;
            for (int j = 0; j < width; j++) {
                dot += w[j] * input[base + j];
            }
            double s = 2 * (dot - Math.floor(dot)) - 1;
            out[r] = probability ? 0.3 + 0.2 * s : 0.002 * s;
        }
    }

    @Override
    public void close() {
        // nothing to release
    }
}
