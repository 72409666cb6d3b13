package dev.horizon.adapters.model.onnx;

import ai.onnxruntime.MapInfo;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.SequenceInfo;
import ai.onnxruntime.TensorInfo;
import ai.onnxruntime.ValueInfo;
import dev.horizon.domain.market.Horizon;
import dev.horizon.domain.prediction.InputMode;
import dev.horizon.domain.prediction.ModelKind;
import dev.horizon.domain.prediction.ModelSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Loads one model directory: reads and validates the metadata, checks it against the engine
 * (horizon, bar interval, feature library), verifies the checksum of the exact bytes it then hands
 * to ONNX Runtime, and checks the graph's input and output against the metadata.
 */
final class ModelLoader {

    static final String MODEL_FILE = "model.onnx";

    private final OrtEnvironment env;
    private final OrtSession.SessionOptions sessionOptions;
    private final OnnxModelOptions options;
    private final Predicate<String> knownFeature;
    private final TargetHorizons horizons;

    ModelLoader(OrtEnvironment env, OrtSession.SessionOptions sessionOptions, OnnxModelOptions options,
                Predicate<String> knownFeature) {
        this.env = env;
        this.sessionOptions = sessionOptions;
        this.options = options;
        this.knownFeature = knownFeature;
        this.horizons = new TargetHorizons(options.horizonTargets(), options.sessionMinutes());
    }

    /** @throws ModelProblem describing the first problem found */
    LoadedModel load(RunDirectory.Location location) {
        Path dir = location.directory();
        Path metaFile = dir.resolve(ModelMeta.FILE);
        Path modelFile = dir.resolve(MODEL_FILE);
        if (!Files.isRegularFile(metaFile)) {
            throw new ModelProblem("missing " + ModelMeta.FILE);
        }
        ModelMeta meta = ModelMeta.parse(read(metaFile, ModelMeta.FILE));
        checkAgainstDirectory(meta, location);
        Horizon horizon = horizons.horizonOf(meta.target());
        checkKind(meta);
        checkInterval(meta);
        for (String feature : meta.featureList()) {
            if (!knownFeature.test(feature)) {
                throw new ModelProblem("unknown feature '" + feature + "' in feature_list: the feature library has"
                        + " no feature of that name; retrain with library features");
            }
        }
        if (!Files.isRegularFile(modelFile)) {
            throw new ModelProblem("missing " + MODEL_FILE);
        }
        // Hash and load the same bytes, so the file cannot change between the check and the load.
        byte[] bytes = read(modelFile, MODEL_FILE);
        ModelReportRow.ChecksumStatus status = verifyChecksum(meta, bytes);
        ModelSpec spec = new ModelSpec(location.id(), meta.target(), meta.family(), horizon, meta.kind(),
                meta.inputMode(), meta.featureList(), meta.ic(), meta.sequenceLength(), meta.sequenceChannels(),
                meta.sequenceNormalization());
        OrtSession session;
        try {
            session = env.createSession(bytes, sessionOptions);
        } catch (OrtException e) {
            throw new ModelProblem(MODEL_FILE + " cannot be loaded by ONNX Runtime (corrupt or unsupported): "
                    + ModelProblem.oneLine(e.getMessage()), e);
        }
        try {
            String input = checkInput(session, meta, spec);
            String output = chooseOutput(session, meta);
            return new LoadedModel(spec, env, session, input, output, status);
        } catch (OrtException | RuntimeException e) {
            closeQuietly(session);
            if (e instanceof ModelProblem p) {
                throw p;
            }
            throw new ModelProblem(MODEL_FILE + " cannot be inspected: " + ModelProblem.oneLine(e.getMessage()), e);
        }
    }

    private static byte[] read(Path file, String name) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ModelProblem(name + " cannot be read: " + ModelProblem.oneLine(e.getMessage()), e);
        }
    }

    private static void checkAgainstDirectory(ModelMeta meta, RunDirectory.Location location) {
        if (!meta.target().equals(location.target())) {
            throw new ModelProblem(ModelMeta.FILE + " field 'target' is '" + meta.target()
                    + "' but the model sits under targets/" + location.target());
        }
        if (!meta.family().equals(location.family())) {
            throw new ModelProblem(ModelMeta.FILE + " field 'family' is '" + meta.family()
                    + "' but the model sits under family=" + location.family());
        }
    }

    private static void checkKind(ModelMeta meta) {
        boolean barrier = meta.target().startsWith("will_peak_") || meta.target().startsWith("will_valley_");
        if (barrier && meta.kind() != ModelKind.PROBABILITY) {
            throw new ModelProblem(ModelMeta.FILE + " field 'kind' must be probability for barrier target '"
                    + meta.target() + "', was regression");
        }
    }

    private void checkInterval(ModelMeta meta) {
        if (meta.intervalMinutes() != options.barIntervalMinutes() && !options.allowIntervalMismatch()) {
            throw new ModelProblem("trained on " + meta.intervalMinutes() + "-minute bars (interval_minutes) but the"
                    + " engine runs " + options.barIntervalMinutes() + "-minute bars; retrain on this interval or set"
                    + " model.allow_interval_mismatch");
        }
    }

    private static ModelReportRow.ChecksumStatus verifyChecksum(ModelMeta meta, byte[] bytes) {
        if (meta.checksum().isEmpty()) {
            return ModelReportRow.ChecksumStatus.NOT_RECORDED;
        }
        String actual = sha256Hex(bytes);
        if (!actual.equals(meta.checksum().get())) {
            throw new ModelProblem(MODEL_FILE + " checksum mismatch: " + ModelMeta.FILE + " records "
                    + meta.checksum().get() + " but the file hashes to " + actual
                    + "; the file changed after training, restore it or retrain");
        }
        return ModelReportRow.ChecksumStatus.VERIFIED;
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    /** The input to feed: float32, [n, width] or [n, T, C], with the known dimensions matching. */
    private static String checkInput(OrtSession session, ModelMeta meta, ModelSpec spec) throws OrtException {
        Map<String, NodeInfo> inputs = session.getInputInfo();
        if (inputs.size() != 1) {
            throw new ModelProblem(MODEL_FILE + " has " + inputs.size() + " inputs " + inputs.keySet()
                    + "; only single-input models are supported");
        }
        String name = inputs.keySet().iterator().next();
        if (meta.inputName().isPresent() && !meta.inputName().get().equals(name)) {
            throw new ModelProblem(ModelMeta.FILE + " field 'input_name' is '" + meta.inputName().get()
                    + "' but the input of " + MODEL_FILE + " is '" + name + "'");
        }
        ValueInfo info = inputs.get(name).getInfo();
        if (!(info instanceof TensorInfo tensor) || tensor.type != OnnxJavaType.FLOAT) {
            throw new ModelProblem(MODEL_FILE + " input '" + name + "' is " + describe(info)
                    + "; expected a float32 tensor");
        }
        long[] expected = spec.inputMode() == InputMode.RAW_SEQUENCE
                ? new long[] {-1, spec.sequenceLength(), spec.sequenceChannels().size()}
                : new long[] {-1, spec.featureNames().size()};
        long[] shape = tensor.getShape();
        boolean fits = shape.length == expected.length;
        for (int d = 1; fits && d < shape.length; d++) {
            fits = shape[d] < 0 || shape[d] == expected[d];
        }
        if (!fits) {
            String wanted = spec.inputMode() == InputMode.RAW_SEQUENCE
                    ? "[n, " + spec.sequenceLength() + ", " + spec.sequenceChannels().size()
                            + "] (sequence_length x sequence_channels)"
                    : "[n, " + spec.featureNames().size() + "] (one column per feature_list name)";
            throw new ModelProblem(MODEL_FILE + " input '" + name + "' has shape " + Arrays.toString(shape)
                    + "; the metadata needs " + wanted);
        }
        return name;
    }

    /**
     * The output to read: {@code output_name}, else the first output. For probability models a
     * leading integer or string tensor is the classifier's label and is skipped for the
     * probabilities that follow it.
     */
    private static String chooseOutput(OrtSession session, ModelMeta meta) throws OrtException {
        Map<String, NodeInfo> outputs = session.getOutputInfo();
        String chosen = null;
        if (meta.outputName().isPresent()) {
            chosen = meta.outputName().get();
            if (!outputs.containsKey(chosen)) {
                throw new ModelProblem(ModelMeta.FILE + " field 'output_name' is '" + chosen
                        + "' but the outputs of " + MODEL_FILE + " are " + outputs.keySet());
            }
        } else {
            for (Map.Entry<String, NodeInfo> output : outputs.entrySet()) {
                if (meta.kind() == ModelKind.REGRESSION || !isLabel(output.getValue().getInfo())) {
                    chosen = output.getKey();
                    break;
                }
            }
            if (chosen == null) {
                throw new ModelProblem(MODEL_FILE + " has no probability output among " + outputs.keySet());
            }
        }
        ValueInfo info = outputs.get(chosen).getInfo();
        if (!usable(info, meta.kind())) {
            String wanted = meta.kind() == ModelKind.REGRESSION
                    ? "a float tensor [n] or [n, 1]"
                    : "a float tensor [n], [n, 1] or [n, 2], or a sequence of {class: probability} maps";
            throw new ModelProblem(MODEL_FILE + " output '" + chosen + "' is " + describe(info) + "; a "
                    + meta.kind().name().toLowerCase(Locale.ROOT) + " model needs " + wanted);
        }
        return chosen;
    }

    private static boolean isLabel(ValueInfo info) {
        return info instanceof TensorInfo t && t.type != OnnxJavaType.FLOAT && t.type != OnnxJavaType.DOUBLE;
    }

    private static boolean usable(ValueInfo info, ModelKind kind) {
        if (info instanceof TensorInfo t) {
            if (t.type != OnnxJavaType.FLOAT && t.type != OnnxJavaType.DOUBLE) {
                return false;
            }
            long[] shape = t.getShape();
            if (shape.length == 1) {
                return true;
            }
            long columns = shape.length == 2 ? shape[1] : 0;
            return columns < 0 || columns == 1 || (columns == 2 && kind == ModelKind.PROBABILITY);
        }
        if (info instanceof SequenceInfo s && s.isSequenceOfMaps() && kind == ModelKind.PROBABILITY) {
            MapInfo map = s.mapInfo;
            return (map.keyType == OnnxJavaType.INT64 || map.keyType == OnnxJavaType.STRING)
                    && (map.valueType == OnnxJavaType.FLOAT || map.valueType == OnnxJavaType.DOUBLE);
        }
        return false;
    }

    private static String describe(ValueInfo info) {
        return ModelProblem.oneLine(String.valueOf(info));
    }

    private static void closeQuietly(OrtSession session) {
        try {
            session.close();
        } catch (OrtException | RuntimeException ignored) {
            // Already failing startup with a better message.
        }
    }
}
