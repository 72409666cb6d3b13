package dev.horizon.adapters.model.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.horizon.domain.prediction.InputMode;
import dev.horizon.domain.prediction.ModelKind;
import dev.horizon.domain.prediction.ModelSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ONNX Runtime gives what the training library predicted: for every model of a run written by
 * tools/models/train.py, the rows recorded in its parity.csv (float32 inputs, sklearn/numpy
 * prediction) are run through the registry and must agree within 1e-5.
 *
 * <p>The committed run {@code runs/trained} was trained on the synthetic CSV (see
 * tools/models/README.md). Point {@code -Dhorizon.parity.run=<run dir>} at another run, such as
 * one trained on real features, to hold it to the same bar.
 */
class TrainedRunParityTest {

    private static final double PARITY_TOLERANCE = 1e-5;

    static Stream<Path> runs() {
        String extra = System.getProperty("horizon.parity.run");
        return extra == null || extra.isBlank()
                ? Stream.of(TestRuns.run("trained"))
                : Stream.of(TestRuns.run("trained"), Path.of(extra));
    }

    @ParameterizedTest
    @MethodSource("runs")
    void onnx_runtime_reproduces_the_training_library_predictions(Path run) {
        try (OnnxModelRegistry registry = TestRuns.openAt(run)) {
            assertThat(registry.models()).isNotEmpty();
            for (ModelSpec spec : registry.models()) {
                Parity parity = Parity.read(TestRuns.modelDir(run, spec.target(), spec.family()).resolve("parity.csv"),
                        spec.inputWidth());
                if (spec.inputMode() == InputMode.FEATURES) {
                    assertThat(parity.columns()).as(spec.id()).isEqualTo(spec.featureNames());
                }
                double[] out = new double[parity.rows()];
                registry.predict(spec.id(), parity.input(), parity.rows(), out);

                for (int r = 0; r < parity.rows(); r++) {
                    assertThat(out[r]).as("%s parity row %d", spec.id(), r)
                            .isCloseTo(parity.expected()[r], within(PARITY_TOLERANCE));
                }
                if (spec.kind() == ModelKind.REGRESSION) {
                    // The tolerance must be small against the predictions themselves, or parity proves nothing.
                    double spread = Arrays.stream(parity.expected()).max().orElseThrow()
                            - Arrays.stream(parity.expected()).min().orElseThrow();
                    assertThat(spread).as("%s prediction spread", spec.id()).isGreaterThan(10 * PARITY_TOLERANCE);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("runs")
    void trained_run_has_every_family_of_the_training_script(Path run) {
        try (OnnxModelRegistry registry = TestRuns.openAt(run)) {
            assertThat(registry.models()).extracting(ModelSpec::family)
                    .contains("Ridge", "GradientBoosting", "Logistic", "Conv1d");
            assertThat(registry.report()).allSatisfy(row ->
                    assertThat(row.checksum()).isEqualTo(ModelReportRow.ChecksumStatus.VERIFIED));
        }
    }

    /** A parity.csv: input columns then 'expected'. */
    private record Parity(List<String> columns, float[] input, double[] expected) {

        int rows() {
            return expected.length;
        }

        static Parity read(Path file, int width) {
            List<String> lines;
            try {
                lines = Files.readAllLines(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            List<String> header = List.of(lines.get(0).split(","));
            assertThat(header).as(file.toString()).hasSize(width + 1).endsWith("expected");
            List<String[]> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (!line.isBlank()) {
                    rows.add(line.split(","));
                }
            }
            float[] input = new float[rows.size() * width];
            double[] expected = new double[rows.size()];
            for (int r = 0; r < rows.size(); r++) {
                String[] cells = rows.get(r);
                for (int c = 0; c < width; c++) {
                    input[r * width + c] = Float.parseFloat(cells[c]);
                }
                expected[r] = Double.parseDouble(cells[width]);
            }
            return new Parity(header.subList(0, width), input, expected);
        }
    }
}
