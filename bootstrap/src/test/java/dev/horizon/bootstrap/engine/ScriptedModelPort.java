package dev.horizon.bootstrap.engine;

import dev.horizon.application.port.ModelPort;
import dev.horizon.domain.market.Horizon;
import dev.horizon.domain.prediction.InputMode;
import dev.horizon.domain.prediction.ModelKind;
import dev.horizon.domain.prediction.ModelSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A model port whose models answer from a script: each model is a function of the batch row's
 * inputs (the real features the engine computed) and the call number, so tests can steer the
 * engine into every decision path with real data flowing through every other stage.
 */
final class ScriptedModelPort implements ModelPort {

    /** One model's answer for one row. */
    @FunctionalInterface
    interface Script {
        double predict(float[] row, int call);
    }

    private final List<ModelSpec> specs = new ArrayList<>();
    private final Map<String, Script> scripts = new TreeMap<>();
    private final Map<String, AtomicInteger> calls = new TreeMap<>();

    /** A return model on the named features, with a training IC (its confidence prior). */
    ScriptedModelPort regression(String target, String family, Horizon horizon, double ic, List<String> features,
                                 Script script) {
        return add(new ModelSpec(target + "/" + family, target, family, horizon, ModelKind.REGRESSION,
                InputMode.FEATURES, features, ic, 0, List.of(), "none"), script);
    }

    /** A barrier (probability) model. */
    ScriptedModelPort probability(String target, String family, Horizon horizon, Script script) {
        return add(new ModelSpec(target + "/" + family, target, family, horizon, ModelKind.PROBABILITY,
                InputMode.FEATURES, List.of("ret_1d"), Double.NaN, 0, List.of(), "none"), script);
    }

    private ScriptedModelPort add(ModelSpec spec, Script script) {
        specs.add(spec);
        scripts.put(spec.id(), script);
        calls.put(spec.id(), new AtomicInteger());
        specs.sort((a, b) -> a.id().compareTo(b.id()));
        return this;
    }

    @Override
    public List<ModelSpec> models() {
        return List.copyOf(specs);
    }

    @Override
    public void predict(String modelId, float[] input, int rows, double[] out) {
        Script script = scripts.get(modelId);
        if (script == null) {
            throw new IllegalArgumentException("unknown model " + modelId);
        }
        int width = specs.stream().filter(s -> s.id().equals(modelId)).findFirst().orElseThrow().inputWidth();
        int call = calls.get(modelId).getAndIncrement();
        float[] row = new float[width];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(input, i * width, row, 0, width);
            out[i] = script.predict(row, call);
        }
    }

    /** How many batches the model ran. */
    int calls(String modelId) {
        return calls.get(modelId).get();
    }

    @Override
    public void close() {
        // nothing to release
    }
}
