package dev.horizon.adapters.model.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.horizon.adapters.model.onnx.ModelReportRow.ChecksumStatus;
import dev.horizon.application.contract.ModelPortContract;
import dev.horizon.application.port.ModelPort;
import dev.horizon.domain.market.Horizon;
import dev.horizon.domain.prediction.InputMode;
import dev.horizon.domain.prediction.ModelKind;
import dev.horizon.domain.prediction.ModelSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The ONNX registry over the committed test run: the port contract, and every output checked
 * against the known weights of tools/models/make_test_models.py, computed here independently.
 */
class OnnxModelRegistryTest extends ModelPortContract {

    private static final double FLOAT_TOLERANCE = 1e-6;

    @Override
    protected ModelPort createPort() {
        return TestRuns.open("basic");
    }

    private OnnxModelRegistry registry() {
        return (OnnxModelRegistry) port();
    }

    // ---- independent implementations of the test models -----------------------------------------

    /** ret_5m/Linear: 0.5·ret_1d − 0.25·vol_5d + 2⁻⁷·rsi_14 − 0.0625. */
    private static double linear(float[] x) {
        return 0.5 * x[0] - 0.25 * x[1] + 0.0078125 * x[2] - 0.0625;
    }

    /** ret_5m/Trees: base 0.0001 plus two trees; x ≤ threshold goes left (thresholds are float32). */
    private static double trees(float[] x) {
        double tree0 = x[2] <= 50f ? (x[0] <= 0f ? 0.002 : -0.001) : -0.003;
        double tree1 = x[1] <= 0.01f ? 0.0005 : -0.0007;
        return 0.0001 + tree0 + tree1;
    }

    /** The logistic models: σ(4·ret_1d − 2⁻⁵·rsi_14 + 1.5), the positive-class probability. */
    private static double logistic(float[] x) {
        return 1 / (1 + Math.exp(-(4.0 * x[0] - 0.03125 * x[1] + 1.5)));
    }

    /** ret_10m/Conv1d: kernel per channel over the [8, 2] window, mean over the 6 positions, + bias. */
    private static double conv(float[] window) {
        double[][] kernel = {{0.25, -0.5, 1.0}, {0.0, 0.0078125, -0.015625}};
        int t = 8;
        int c = 2;
        int positions = t - 3 + 1;
        double sum = 0;
        for (int j = 0; j < positions; j++) {
            double v = 0.001;
            for (int ch = 0; ch < c; ch++) {
                for (int k = 0; k < 3; k++) {
                    v += kernel[ch][k] * window[(j + k) * c + ch];
                }
            }
            sum += v;
        }
        return sum / positions;
    }

    private static float[] flatten(float[][] rows) {
        int width = rows[0].length;
        float[] flat = new float[rows.length * width];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(rows[r], 0, flat, r * width, width);
        }
        return flat;
    }

    private double[] predict(String id, float[][] rows) {
        double[] out = new double[rows.length];
        port().predict(id, flatten(rows), rows.length, out);
        return out;
    }

    // ---- the run as loaded ----------------------------------------------------------------------

    @Test
    void run_lists_every_family_sorted_by_id_in_code_point_order() {
        assertThat(port().models()).extracting(ModelSpec::id).containsExactly(
                "ret_10m/Conv1d", "ret_5m/Linear", "ret_5m/Trees", "will_peak_10m/LogisticZipMap",
                "will_peak_5m/Logistic", "will_valley_5m/LogisticTwoColumn");
    }

    @Test
    void specs_carry_the_metadata_and_the_horizon_named_in_the_target() {
        ModelSpec linear = port().models().get(1);
        assertThat(linear.horizon()).isEqualTo(new Horizon("5m", 5));
        assertThat(linear.kind()).isEqualTo(ModelKind.REGRESSION);
        assertThat(linear.inputMode()).isEqualTo(InputMode.FEATURES);
        assertThat(linear.featureNames()).containsExactly("ret_1d", "vol_5d", "rsi_14");
        assertThat(linear.trainingIc()).isEqualTo(0.031);

        ModelSpec peak = port().models().get(4);
        assertThat(peak.horizon()).isEqualTo(new Horizon("5m", 5));
        assertThat(peak.kind()).isEqualTo(ModelKind.PROBABILITY);
        assertThat(peak.isPeakBarrier()).isTrue();
        assertThat(peak.trainingIc()).isNaN();

        ModelSpec conv = port().models().get(0);
        assertThat(conv.horizon()).isEqualTo(new Horizon("10m", 10));
        assertThat(conv.inputMode()).isEqualTo(InputMode.RAW_SEQUENCE);
        assertThat(conv.sequenceLength()).isEqualTo(8);
        assertThat(conv.sequenceChannels()).containsExactly("close", "volume");
        assertThat(conv.sequenceNormalization()).isEqualTo("returns");
        assertThat(conv.featureNames()).isEmpty();
        assertThat(conv.inputWidth()).isEqualTo(16);
    }

    @Test
    void report_shows_horizon_width_ic_and_checksum_status_per_model() {
        List<ModelReportRow> report = registry().report();

        assertThat(report).extracting(ModelReportRow::id).containsExactlyElementsOf(
                port().models().stream().map(ModelSpec::id).toList());
        ModelReportRow trees = report.get(2);
        assertThat(trees.target()).isEqualTo("ret_5m");
        assertThat(trees.family()).isEqualTo("Trees");
        assertThat(trees.horizon().label()).isEqualTo("5m");
        assertThat(trees.featureCount()).isEqualTo(3);
        assertThat(trees.ic()).isEqualTo(0.052);
        assertThat(trees.checksum()).isEqualTo(ChecksumStatus.NOT_RECORDED);
        assertThat(report.get(1).checksum()).isEqualTo(ChecksumStatus.VERIFIED);
        assertThat(report.get(0).featureCount()).isZero();
        assertThat(report.get(0).inputWidth()).isEqualTo(16);
    }

    // ---- outputs against the known weights ------------------------------------------------------

    @Test
    void linear_model_is_matmul_plus_bias() {
        float[][] rows = {{0.01f, 0.02f, 55f}, {-0.03f, 0.005f, 20f}, {0f, 0f, 0f}, {1.5f, -2f, 99.5f}};
        double[] out = predict("ret_5m/Linear", rows);

        for (int r = 0; r < rows.length; r++) {
            assertThat(out[r]).as("row %d", r).isCloseTo(linear(rows[r]), within(FLOAT_TOLERANCE));
        }
        assertThat(out[2]).isCloseTo(-0.0625, within(FLOAT_TOLERANCE));
    }

    @Test
    void tree_ensemble_adds_base_value_and_leaves_taking_the_left_branch_at_equality() {
        float[][] rows = {
            {0.01f, 0.02f, 55f},     // tree0 right (-0.003), tree1 right (-0.0007)
            {-0.01f, 0.005f, 30f},   // tree0 left-left (0.002), tree1 left (0.0005)
            {0.01f, 0.01f, 50f},     // at both thresholds: left, left-right (-0.001), left (0.0005)
            {0f, 0.5f, 49f},         // left-left (0.002), right (-0.0007)
        };
        double[] out = predict("ret_5m/Trees", rows);

        assertThat(out[0]).isCloseTo(0.0001 - 0.003 - 0.0007, within(FLOAT_TOLERANCE));
        assertThat(out[1]).isCloseTo(0.0001 + 0.002 + 0.0005, within(FLOAT_TOLERANCE));
        assertThat(out[2]).isCloseTo(0.0001 - 0.001 + 0.0005, within(FLOAT_TOLERANCE));
        assertThat(out[3]).isCloseTo(0.0001 + 0.002 - 0.0007, within(FLOAT_TOLERANCE));
        for (int r = 0; r < rows.length; r++) {
            assertThat(out[r]).as("row %d", r).isCloseTo(trees(rows[r]), within(FLOAT_TOLERANCE));
        }
    }

    @Test
    void probability_from_an_n_by_1_sigmoid_output() {
        float[][] rows = {{0.01f, 55f}, {-0.2f, 10f}, {0.5f, 90f}, {0f, 48f}};
        double[] out = predict("will_peak_5m/Logistic", rows);

        for (int r = 0; r < rows.length; r++) {
            assertThat(out[r]).as("row %d", r).isCloseTo(logistic(rows[r]), within(FLOAT_TOLERANCE));
        }
        assertThat(out[3]).isCloseTo(0.5, within(FLOAT_TOLERANCE));
    }

    @Test
    void probability_from_an_n_by_2_output_is_the_positive_class_column() {
        float[][] rows = {{0.01f, 55f}, {-0.5f, 40f}, {0.5f, 90f}};
        double[] out = predict("will_valley_5m/LogisticTwoColumn", rows);

        for (int r = 0; r < rows.length; r++) {
            assertThat(out[r]).as("row %d", r).isCloseTo(logistic(rows[r]), within(FLOAT_TOLERANCE));
        }
        // Column 0 would be 1 - p: make sure the two differ where the test would notice.
        assertThat(out[1]).isCloseTo(0.1480471980, within(FLOAT_TOLERANCE));
    }

    @Test
    void probability_from_a_zipmap_output_reads_class_1_and_skips_the_label_output() {
        float[][] rows = {{0.01f, 55f}, {-0.2f, 10f}, {0.5f, 90f}};
        double[] out = predict("will_peak_10m/LogisticZipMap", rows);

        for (int r = 0; r < rows.length; r++) {
            assertThat(out[r]).as("row %d", r).isCloseTo(logistic(rows[r]), within(FLOAT_TOLERANCE));
        }
    }

    @Test
    void sequence_model_takes_the_n_by_t_by_c_window() {
        float[] first = new float[16];
        float[] second = new float[16];
        for (int t = 0; t < 8; t++) {
            first[t * 2] = 0.001f * t;             // close rising against the first bar
            first[t * 2 + 1] = 0.1f * (t % 3);     // volume
            second[t * 2] = -0.002f * t * t;
            second[t * 2 + 1] = -0.05f * t;
        }
        double[] out = predict("ret_10m/Conv1d", new float[][] {first, second});

        assertThat(out[0]).isCloseTo(conv(first), within(FLOAT_TOLERANCE));
        assertThat(out[1]).isCloseTo(conv(second), within(FLOAT_TOLERANCE));
        assertThat(out[0]).isNotCloseTo(out[1], within(1e-4));
    }

    @Test
    void reused_input_buffer_gives_right_answers_when_batches_grow_and_shrink() {
        int[] sizes = {2, 40, 3, 1, 40};
        for (int size : sizes) {
            float[][] rows = new float[size][];
            for (int r = 0; r < size; r++) {
                rows[r] = new float[] {0.001f * (r - size / 2f), 0.001f * r, 2.5f * r};
            }
            double[] out = predict("ret_5m/Linear", rows);
            for (int r = 0; r < size; r++) {
                assertThat(out[r]).as("batch %d row %d", size, r).isCloseTo(linear(rows[r]), within(FLOAT_TOLERANCE));
            }
        }
    }

    @Test
    void out_of_range_and_non_finite_probabilities_become_nan_with_a_warning_naming_the_model() {
        Logger logger = (Logger) LoggerFactory.getLogger(LoadedModel.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try (OnnxModelRegistry unbounded = TestRuns.open("unbounded")) {
            // 10·x + 0.5: 0.7, 1.5 (above 1), -0.1 (below 0), +inf, 0.3
            float[] input = {0.02f, 0.1f, -0.06f, 3e38f, -0.02f};
            double[] out = new double[5];
            unbounded.predict("will_peak_5m/Unbounded", input, 5, out);

            assertThat(out[0]).isCloseTo(0.7, within(FLOAT_TOLERANCE));
            assertThat(out[1]).isNaN();
            assertThat(out[2]).isNaN();
            assertThat(out[3]).isNaN();
            assertThat(out[4]).isCloseTo(0.3, within(FLOAT_TOLERANCE));
            assertThat(appender.list).singleElement().satisfies(event -> {
                assertThat(event.getLevel()).isEqualTo(Level.WARN);
                assertThat(event.getFormattedMessage()).isEqualTo("model will_peak_5m/Unbounded: dropped 3 of 5"
                        + " outputs that were non-finite or outside [0, 1] (first: 1.5)");
            });
        } finally {
            logger.detachAppender(appender);
        }
    }

    @Test
    void concurrent_predictions_on_the_same_and_different_models_match_the_sequential_ones() throws Exception {
        List<ModelSpec> specs = port().models();
        List<double[]> sequential = new ArrayList<>();
        List<float[]> inputs = new ArrayList<>();
        for (int m = 0; m < specs.size(); m++) {
            float[] input = sampleInput(specs.get(m), 25, m);
            double[] out = new double[25];
            port().predict(specs.get(m).id(), input, 25, out);
            inputs.add(input);
            sequential.add(out);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int task = 0; task < 48; task++) {
                int m = task % specs.size();
                results.add(pool.submit(() -> {
                    double[] out = new double[25];
                    port().predict(specs.get(m).id(), inputs.get(m), 25, out);
                    return Arrays.equals(out, sequential.get(m));
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- misuse ---------------------------------------------------------------------------------

    @Test
    void input_shorter_than_rows_times_width_is_an_illegal_argument() {
        assertThatThrownBy(() -> port().predict("ret_5m/Linear", new float[5], 2, new double[2]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("model ret_5m/Linear: input holds 5 values, 2 rows need 6");
    }

    @Test
    void out_shorter_than_rows_is_an_illegal_argument() {
        assertThatThrownBy(() -> port().predict("ret_5m/Linear", new float[6], 2, new double[1]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("model ret_5m/Linear: out holds 1 values for 2 rows");
    }

    @Test
    void zero_rows_writes_nothing() {
        double[] out = {42};
        port().predict("ret_5m/Linear", new float[0], 0, out);
        assertThat(out[0]).isEqualTo(42);
    }

    @Test
    void predict_after_close_is_an_illegal_state() {
        port().close();
        assertThatThrownBy(() -> port().predict("ret_5m/Linear", new float[3], 1, new double[1]))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }
}
