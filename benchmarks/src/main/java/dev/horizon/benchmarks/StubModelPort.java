package dev.horizon.benchmarks;

import dev.horizon.application.port.ModelPort;
import dev.horizon.domain.prediction.ModelKind;
import dev.horizon.domain.prediction.ModelSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Model outputs without a model runtime: each model is a fixed, deterministic function of its
 * input row that costs the same whatever the row's width: a 64-bit mix (SplitMix64's finaliser)
 * of the row's first and last input values and a seed drawn from the model id, whose top 53 bits
 * give a fraction f, mapped to {@code a · (2f − 1) + b}. Return models answer within ±0.2 %,
 * barrier models with a probability in [0.1, 0.5]. The engine sees real inputs (features and
 * sequence windows computed from the bars) and outputs that vary across symbols, cycles and
 * models and depend on the inputs, at no inference cost.
 *
 * <p>Why O(1) per row: "pipeline only" is meant to measure the engine around the models. The
 * earlier stub took the fractional part of a dot product over every input value (29 features, or
 * 32 × 5 sequence values), which was ~15 % of a 500-symbol cycle — the cost of a fake model, not
 * of the pipeline. Real inference is measured with the ONNX runs.
 */
public final class StubModelPort implements ModelPort {

    private final List<ModelSpec> specs;
    private final Map<String, Stub> byId = new HashMap<>();

    /** A model's seed, input width and kind, looked up once per batch. */
    private record Stub(long seed, int width, boolean probability) {
    }

    public StubModelPort(List<ModelSpec> specs) {
        this.specs = List.copyOf(specs);
        for (ModelSpec spec : specs) {
            long seed = new SplittableRandom(spec.id().hashCode()).nextLong();
            byId.put(spec.id(), new Stub(seed, spec.inputWidth(), spec.kind() == ModelKind.PROBABILITY));
        }
    }

    @Override
    public List<ModelSpec> models() {
        return specs;
    }

    @Override
    public void predict(String modelId, float[] input, int rows, double[] out) {
        Stub stub = byId.get(modelId);
        if (stub == null) {
            throw new IllegalArgumentException("unknown model id '" + modelId + "'");
        }
        int width = stub.width();
        long seed = stub.seed();
        for (int r = 0; r < rows; r++) {
            int base = r * width;
            long h = seed ^ (Float.floatToRawIntBits(input[base]) * 0x9E3779B97F4A7C15L)
                    ^ ((long) Float.floatToRawIntBits(input[base + width - 1]) << 32);
            h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
            h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
            h ^= h >>> 31;
            double s = 2 * ((h >>> 11) * 0x1.0p-53) - 1;
            out[r] = stub.probability() ? 0.3 + 0.2 * s : 0.002 * s;
        }
    }

    @Override
    public void close() {
        // nothing to release
    }
}
