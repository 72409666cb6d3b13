package dev.horizon.adapters.model.onnx;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxMap;
import ai.onnxruntime.OnnxSequence;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.horizon.application.port.ModelException;
import dev.horizon.domain.prediction.InputMode;
import dev.horizon.domain.prediction.ModelKind;
import dev.horizon.domain.prediction.ModelSpec;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One model's open ONNX Runtime session and the buffers it reuses between cycles.
 *
 * <p>{@link #predict} is {@code synchronized}: the session itself is thread-safe, but the input
 * buffer is shared between calls, so two calls on the same model take turns while calls on
 * different models run in parallel.
 */
final class LoadedModel implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LoadedModel.class);

    private final ModelSpec spec;
    private final OrtEnvironment env;
    private final OrtSession session;
    private final String inputName;
    private final Set<String> requestedOutputs;
    private final ModelReportRow.ChecksumStatus checksumStatus;
    /** Direct, native-order buffer ORT reads in place; grown to the largest batch seen. */
    private FloatBuffer inputBuffer;

    LoadedModel(ModelSpec spec, OrtEnvironment env, OrtSession session, String inputName, String outputName,
                ModelReportRow.ChecksumStatus checksumStatus) {
        this.spec = spec;
        this.env = env;
        this.session = session;
        this.inputName = inputName;
        this.requestedOutputs = Set.of(outputName);
        this.checksumStatus = checksumStatus;
    }

    ModelSpec spec() {
        return spec;
    }

    ModelReportRow.ChecksumStatus checksumStatus() {
        return checksumStatus;
    }

    /** Runs the session once over {@code rows} rows; see {@link dev.horizon.application.port.ModelPort#predict}. */
    synchronized void predict(float[] input, int rows, double[] out) {
        int width = spec.inputWidth();
        int values = Math.multiplyExact(rows, width);
        FloatBuffer buffer = inputBuffer(values);
        buffer.clear();
        buffer.put(input, 0, values);
        buffer.flip();
        long[] shape = spec.inputMode() == InputMode.RAW_SEQUENCE
                ? new long[] {rows, spec.sequenceLength(), spec.sequenceChannels().size()}
                : new long[] {rows, width};
        try (OnnxTensor tensor = OnnxTensor.createTensor(env, buffer, shape);
             OrtSession.Result result = session.run(Map.of(inputName, tensor), requestedOutputs)) {
            OnnxValue output = result.get(0);
            if (output instanceof OnnxTensor t) {
                readTensor(t, rows, out);
            } else if (output instanceof OnnxSequence s) {
                readSequenceOfMaps(s, rows, out);
            } else {
                throw new ModelException("model " + spec.id() + ": unsupported output type " + output.getType());
            }
        } catch (OrtException e) {
            throw new ModelException("model " + spec.id() + ": inference failed: " + ModelProblem.oneLine(e.getMessage()), e);
        }
        dropInvalid(out, rows);
    }

    private FloatBuffer inputBuffer(int values) {
        if (inputBuffer == null || inputBuffer.capacity() < values) {
            inputBuffer = ByteBuffer.allocateDirect(Math.multiplyExact(Math.max(values, 1), Float.BYTES))
                    .order(ByteOrder.nativeOrder()).asFloatBuffer();
        }
        return inputBuffer;
    }

    private void readTensor(OnnxTensor tensor, int rows, double[] out) {
        long[] shape = tensor.getInfo().getShape();
        int columns = shape.length == 2 ? (int) shape[1] : 1;
        boolean columnsOk = columns == 1 || (columns == 2 && spec.kind() == ModelKind.PROBABILITY);
        if (shape.length == 0 || shape.length > 2 || shape[0] != rows || !columnsOk) {
            throw new ModelException("model " + spec.id() + ": output shape " + Arrays.toString(shape)
                    + " does not fit " + rows + " rows (expected [" + rows + "], [" + rows + ", 1]"
                    + (spec.kind() == ModelKind.PROBABILITY ? " or [" + rows + ", 2]" : "") + ")");
        }
        // [n, 2] holds (P(class 0), P(class 1)): the positive class is column 1.
        int column = columns == 2 ? 1 : 0;
        OnnxJavaType type = tensor.getInfo().type;
        if (type == OnnxJavaType.FLOAT) {
            FloatBuffer values = tensor.getFloatBuffer();
            for (int r = 0; r < rows; r++) {
                out[r] = values.get(r * columns + column);
            }
        } else if (type == OnnxJavaType.DOUBLE) {
            DoubleBuffer values = tensor.getDoubleBuffer();
            for (int r = 0; r < rows; r++) {
                out[r] = values.get(r * columns + column);
            }
        } else {
            throw new ModelException("model " + spec.id() + ": output is a " + type + " tensor, expected float or double");
        }
    }

    /** A classifier's ZipMap output: one {class → probability} map per row. */
    private void readSequenceOfMaps(OnnxSequence sequence, int rows, double[] out) throws OrtException {
        List<? extends OnnxValue> maps = sequence.getValue();
        try {
            if (maps.size() != rows) {
                throw new ModelException("model " + spec.id() + ": output has " + maps.size() + " maps for " + rows
                        + " rows");
            }
            for (int r = 0; r < rows; r++) {
                Map<?, ?> probabilities = ((OnnxMap) maps.get(r)).getValue();
                Object positive = probabilities.containsKey(1L) ? probabilities.get(1L) : probabilities.get("1");
                if (!(positive instanceof Number number)) {
                    throw new ModelException("model " + spec.id() + ": classifier output has no positive class 1"
                            + " (classes " + probabilities.keySet() + ")");
                }
                out[r] = number.doubleValue();
            }
        } finally {
            // Each map is a fresh native value owned by the caller.
            for (OnnxValue map : maps) {
                map.close();
            }
        }
    }

    /** Non-finite outputs, and probabilities outside [0, 1], become NaN: never clamped. */
    private void dropInvalid(double[] out, int rows) {
        boolean probability = spec.kind() == ModelKind.PROBABILITY;
        int dropped = 0;
        double first = Double.NaN;
        for (int r = 0; r < rows; r++) {
            double v = out[r];
            boolean valid = probability ? v >= 0.0 && v <= 1.0 : Double.isFinite(v);
            if (!valid) {
                if (dropped == 0) {
                    first = v;
                }
                dropped++;
                out[r] = Double.NaN;
            }
        }
        if (dropped > 0) {
            LOG.warn("model {}: dropped {} of {} outputs that were {} (first: {})", spec.id(), dropped, rows,
                    probability ? "non-finite or outside [0, 1]" : "non-finite", first);
        }
    }

    @Override
    public synchronized void close() {
        try {
            session.close();
        } catch (OrtException e) {
            LOG.warn("model {}: closing its session failed: {}", spec.id(), ModelProblem.oneLine(e.getMessage()));
        }
    }
}
