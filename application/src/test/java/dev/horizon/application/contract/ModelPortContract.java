package dev.horizon.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.horizon.application.port.ModelPort;
import dev.horizon.domain.prediction.InputMode;
import dev.horizon.domain.prediction.ModelKind;
import dev.horizon.domain.prediction.ModelSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ModelPort} must show (see its Javadoc). Extend it with a port over a
 * run holding at least one regression and one probability model:
 *
 * <pre>{@code
 * class MyModelsTest extends ModelPortContract {
 *     protected ModelPort createPort() { return MyModels.open(...); }
 * }
 * }</pre>
 *
 * <p>Inputs are deterministic pseudo-random values; override {@link #sampleInput} when the
 * models need inputs from a particular range.
 */
public abstract class ModelPortContract {

    /** Rows per batch: enough to show batching, small enough to run row by row. */
    protected static final int ROWS = 9;

    private ModelPort port;

    /** A fresh, open port; the contract closes it after each test. */
    protected abstract ModelPort createPort();

    /**
     * Row-major input for {@code rows} symbols of one model. The default draws values in
     * [-1, 1) for feature models and small returns around 0 for sequence windows.
     */
    protected float[] sampleInput(ModelSpec spec, int rows, long seed) {
        Random random = new Random(seed);
        float[] input = new float[rows * spec.inputWidth()];
        double scale = spec.inputMode() == InputMode.RAW_SEQUENCE ? 0.01 : 1.0;
        for (int i = 0; i < input.length; i++) {
            input[i] = (float) (scale * (2 * random.nextDouble() - 1));
        }
        return input;
    }

    @BeforeEach
    void openPort() {
        port = createPort();
    }

    @AfterEach
    void closePort() {
        if (port != null) {
            port.close();
        }
    }

    /** The port under test. */
    protected ModelPort port() {
        return port;
    }

    @Test
    void models_are_listed_sorted_by_id_unique_and_stable() {
        List<ModelSpec> models = port.models();

        assertThat(models).isNotEmpty();
        List<String> ids = models.stream().map(ModelSpec::id).toList();
        List<String> sorted = new ArrayList<>(ids);
        sorted.sort(ModelPortContract::compareCodePoints);
        assertThat(ids).isEqualTo(sorted);
        assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
        assertThat(port.models()).isEqualTo(models);
        assertThatThrownBy(() -> port.models().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void model_specs_are_consistent() {
        for (ModelSpec spec : port.models()) {
            assertThat(spec.id()).as(spec.id()).isEqualTo(spec.target() + "/" + spec.family());
            assertThat(spec.inputWidth()).as(spec.id()).isPositive();
            if (spec.inputMode() == InputMode.FEATURES) {
                assertThat(spec.featureNames()).as(spec.id()).doesNotHaveDuplicates();
            }
        }
    }

    @Test
    void batch_gives_the_same_numbers_as_rows_run_one_at_a_time() {
        for (ModelSpec spec : port.models()) {
            int width = spec.inputWidth();
            float[] input = sampleInput(spec, ROWS, 17);
            double[] batch = new double[ROWS];
            port.predict(spec.id(), input, ROWS, batch);

            for (int r = 0; r < ROWS; r++) {
                float[] row = new float[width];
                System.arraycopy(input, r * width, row, 0, width);
                double[] single = new double[1];
                port.predict(spec.id(), row, 1, single);
                assertThat(single[0]).as("%s row %d", spec.id(), r)
                        .isCloseTo(batch[r], within(float32Rounding(batch[r])));
            }
            assertThat(boxed(batch)).as(spec.id()).anyMatch(Double::isFinite);
        }
    }

    /**
     * How far a batch may differ from the row run alone: float32 rounding of sums over inputs of
     * order 1 (about 1e-7), plus a relative 1e-6. Runtimes may sum in another order for another
     * batch size (ONNX Runtime's convolution does); anything larger is a real difference between
     * rows, such as a row read from the wrong offset.
     */
    protected double float32Rounding(double value) {
        return 1e-7 + 1e-6 * Math.abs(value);
    }

    @Test
    void predict_writes_only_the_first_rows_of_out() {
        ModelSpec spec = port.models().get(0);
        double[] out = {-7, -7, -7, -7, -7};
        port.predict(spec.id(), sampleInput(spec, 3, 5), 3, out);

        assertThat(out[3]).isEqualTo(-7);
        assertThat(out[4]).isEqualTo(-7);
        assertThat(out[0]).isNotEqualTo(-7);
    }

    @Test
    void probabilities_are_in_the_unit_interval_or_nan() {
        List<ModelSpec> probabilityModels = port.models().stream()
                .filter(s -> s.kind() == ModelKind.PROBABILITY).toList();
        assertThat(probabilityModels).as("the contract run needs a probability model").isNotEmpty();
        for (ModelSpec spec : probabilityModels) {
            double[] out = new double[ROWS];
            port.predict(spec.id(), sampleInput(spec, ROWS, 23), ROWS, out);
            assertThat(boxed(out)).as(spec.id()).allMatch(p -> Double.isNaN(p) || (p >= 0 && p <= 1));
            assertThat(boxed(out)).as(spec.id()).anyMatch(Double::isFinite);
        }
    }

    @Test
    void regression_outputs_are_finite_or_nan_never_infinite() {
        for (ModelSpec spec : port.models()) {
            if (spec.kind() != ModelKind.REGRESSION) {
                continue;
            }
            double[] out = new double[ROWS];
            port.predict(spec.id(), sampleInput(spec, ROWS, 29), ROWS, out);
            assertThat(boxed(out)).as(spec.id()).noneMatch(v -> v.isInfinite());
        }
    }

    @Test
    void unknown_model_id_is_an_illegal_argument() {
        assertThatThrownBy(() -> port.predict("no_such_target/NoSuchFamily", new float[8], 1, new double[1]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no_such_target/NoSuchFamily");
    }

    @Test
    void close_is_idempotent() {
        port.close();
        assertThatCode(port::close).doesNotThrowAnyException();
    }

    private static List<Double> boxed(double[] values) {
        return java.util.Arrays.stream(values).boxed().toList();
    }

    private static int compareCodePoints(String a, String b) {
        return java.util.Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
    }
}
