package dev.horizon.adapters.model.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.horizon.application.port.ModelException;
import dev.horizon.application.port.ModelPort;
import dev.horizon.domain.prediction.ModelSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The ONNX Runtime {@link ModelPort}: every model of one training run directory, loaded and
 * verified once at startup (see {@link #open}), each run as one batch per cycle.
 *
 * <p>Thread-safety: {@link #models()} and {@link #report()} are immutable snapshots. {@link #predict}
 * may be called concurrently; calls on different models run in parallel, calls on the same model
 * take turns (each model reuses one input buffer). {@link #close()} must not race with
 * {@code predict}; a {@code predict} after {@code close} is an {@link IllegalStateException}.
 */
public final class OnnxModelRegistry implements ModelPort {

    private final Path runRoot;
    private final List<ModelSpec> specs;
    private final Map<String, LoadedModel> byId;
    private volatile boolean closed;

    private OnnxModelRegistry(Path runRoot, List<LoadedModel> models) {
        this.runRoot = runRoot;
        Map<String, LoadedModel> index = new LinkedHashMap<>();
        for (LoadedModel model : models) {
            index.put(model.spec().id(), model);
        }
        this.byId = Collections.unmodifiableMap(index);
        this.specs = models.stream().map(LoadedModel::spec).toList();
    }

    /**
     * Loads and checks every model under {@code runRoot}, laid out as
     * {@code targets/<target>/models/view=CROSS_SECTIONAL/family=<Family>/{model.onnx, model_meta.json}}.
     *
     * <p>For each model: the metadata is read and validated, the target mapped to a horizon, the
     * training interval compared with the bar interval, every feature name checked with
     * {@code knownFeature}, the SHA-256 of model.onnx compared with {@code model_checksum} before
     * the bytes reach ONNX Runtime, and the graph's input and output checked against the metadata.
     *
     * @param knownFeature whether the feature library computes a feature of that name
     *                     (wired to {@code FeatureLibrary::isKnown})
     * @throws ModelException one line naming the model directory (or the run directory) and the
     *                        first problem found; no session stays open
     */
    public static OnnxModelRegistry open(Path runRoot, OnnxModelOptions options, Predicate<String> knownFeature) {
        Objects.requireNonNull(runRoot, "runRoot");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(knownFeature, "knownFeature");
        List<RunDirectory.Location> locations = RunDirectory.discover(runRoot);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        List<LoadedModel> loaded = new ArrayList<>(locations.size());
        try (OrtSession.SessionOptions sessionOptions = sessionOptions(options)) {
            ModelLoader loader = new ModelLoader(env, sessionOptions, options, knownFeature);
            for (RunDirectory.Location location : locations) {
                try {
                    loaded.add(loader.load(location));
                } catch (ModelProblem problem) {
                    throw new ModelException("model " + location.directory() + ": " + problem.getMessage(),
                            problem.getCause());
                }
            }
        } catch (RuntimeException e) {
            loaded.forEach(LoadedModel::close);
            throw e;
        }
        return new OnnxModelRegistry(runRoot, loaded);
    }

    private static OrtSession.SessionOptions sessionOptions(OnnxModelOptions options) {
        OrtSession.SessionOptions sessionOptions = new OrtSession.SessionOptions();
        try {
            sessionOptions.setIntraOpNumThreads(options.intraOpThreads());
            sessionOptions.setInterOpNumThreads(1);
            return sessionOptions;
        } catch (OrtException e) {
            sessionOptions.close();
            throw new ModelException("ONNX Runtime rejected the session options: " + ModelProblem.oneLine(e.getMessage()), e);
        }
    }

    /** The run directory the models were loaded from. */
    public Path runRoot() {
        return runRoot;
    }

    @Override
    public List<ModelSpec> models() {
        return specs;
    }

    @Override
    public void predict(String modelId, float[] input, int rows, double[] out) {
        LoadedModel model = model(modelId);
        if (closed) {
            throw new IllegalStateException("the model registry of " + runRoot + " is closed");
        }
        int width = model.spec().inputWidth();
        if (rows < 0) {
            throw new IllegalArgumentException("model " + modelId + ": rows must not be negative, was " + rows);
        }
        if (input.length < (long) rows * width) {
            throw new IllegalArgumentException("model " + modelId + ": input holds " + input.length + " values, "
                    + rows + " rows need " + (long) rows * width);
        }
        if (out.length < rows) {
            throw new IllegalArgumentException("model " + modelId + ": out holds " + out.length + " values for "
                    + rows + " rows");
        }
        if (rows == 0) {
            return;
        }
        model.predict(input, rows, out);
    }

    /** Every loaded model's report line, in model order, for {@code models verify}. */
    public List<ModelReportRow> report() {
        List<ModelReportRow> rows = new ArrayList<>(specs.size());
        for (LoadedModel model : byId.values()) {
            ModelSpec s = model.spec();
            rows.add(new ModelReportRow(s.id(), s.target(), s.family(), s.horizon(), s.kind(), s.inputMode(),
                    s.featureNames().size(), s.inputWidth(), s.trainingIc(), model.checksumStatus()));
        }
        return List.copyOf(rows);
    }

    private LoadedModel model(String modelId) {
        LoadedModel model = byId.get(modelId);
        if (model == null) {
            throw new IllegalArgumentException("unknown model id '" + modelId + "'; the run " + runRoot + " has "
                    + byId.keySet());
        }
        return model;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        byId.values().forEach(LoadedModel::close);
    }
}
