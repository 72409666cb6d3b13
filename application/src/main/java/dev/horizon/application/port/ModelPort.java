package dev.horizon.application.port;

import dev.horizon.domain.prediction.ModelSpec;
import java.util.List;

/**
 * Trained models, loaded and verified once at startup, run as one batch per model per cycle.
 *
 * <p>Contract (held by {@code ModelPortContract} in the test kit):
 * <ul>
 *   <li>{@link #models()} lists every model, sorted by id, and never changes after startup.</li>
 *   <li>{@link #predict} runs the model once over {@code rows} symbols. The input is row-major
 *       float32, {@code rows × spec.inputWidth()} values (features in {@code featureNames} order,
 *       or the normalised {@code [T, C]} window for sequence models). A batch gives the same
 *       numbers as the rows run one at a time.</li>
 *   <li>Outputs: a decimal return for regression models, the positive-class probability for
 *       probability models. Non-finite or out-of-range outputs are written as {@code NaN} (the
 *       engine drops them); they are never clamped into range.</li>
 *   <li>Errors: {@link ModelException} naming the model. An unknown model id is an
 *       {@link IllegalArgumentException}.</li>
 * </ul>
 *
 * <p>Implementations are thread-safe for concurrent {@link #predict} calls on different models;
 * {@link #close()} must not race with {@code predict}.
 */
public interface ModelPort extends AutoCloseable {

    /** Every model, sorted by id. */
    List<ModelSpec> models();

    /**
     * Predicts {@code rows} symbols with one model, writing into {@code out[0..rows)}.
     *
     * @param input row-major {@code rows × spec.inputWidth()} float32 values
     */
    void predict(String modelId, float[] input, int rows, double[] out);

    /** Releases native sessions. Idempotent. */
    @Override
    void close();
}
