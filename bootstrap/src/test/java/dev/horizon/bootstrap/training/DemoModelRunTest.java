package dev.horizon.bootstrap.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.horizon.adapters.data.replay.DemoData;
import dev.horizon.adapters.model.onnx.ModelReportRow;
import dev.horizon.adapters.model.onnx.OnnxModelOptions;
import dev.horizon.adapters.model.onnx.OnnxModelRegistry;
import dev.horizon.domain.features.FeatureLibrary;
import dev.horizon.domain.features.RollingFeatures;
import dev.horizon.domain.features.SequenceWindow;
import dev.horizon.domain.market.Bar;
import dev.horizon.domain.prediction.InputMode;
import dev.horizon.domain.prediction.ModelKind;
import dev.horizon.domain.prediction.ModelSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed demo run (tools/models/regenerate_demo_run.sh) loads through the engine's model
 * adapter, holds the expected models, and ONNX Runtime reproduces what the training library
 * predicted on the recorded rows.
 */
class DemoModelRunTest {

    private static final double PARITY_TOLERANCE = 1e-5;
    /** Crypto trades around the clock: a "1d" session is 1440 minutes; no model uses it. */
    private static final OnnxModelOptions ONE_MINUTE_BARS = OnnxModelOptions.of(1, 1440);

    @TempDir
    static Path extracted;
    static Path run;

    @BeforeAll
    static void extract() {
        run = DemoModelRun.extractTo(extracted.resolve("run"));
    }

    private static OnnxModelRegistry open(Path root) {
        return OnnxModelRegistry.open(root, ONE_MINUTE_BARS, FeatureLibrary::isKnown);
    }

    @Test
    void demo_run_has_ridge_and_trees_per_horizon_two_barrier_models_and_one_sequence_model() {
        try (OnnxModelRegistry registry = open(run)) {
            Map<String, String> kinds = new TreeMap<>();
            Map<String, Integer> horizons = new TreeMap<>();
            for (ModelSpec spec : registry.models()) {
                kinds.put(spec.id(), spec.kind() + "/" + spec.inputMode());
                horizons.put(spec.id(), spec.horizon().minutes());
            }
            String returns = ModelKind.REGRESSION + "/" + InputMode.FEATURES;
            String barrier = ModelKind.PROBABILITY + "/" + InputMode.FEATURES;
            Map<String, String> expectedKinds = new TreeMap<>();
            Map<String, Integer> expectedHorizons = new TreeMap<>();
            for (int h : List.of(5, 10, 15, 30, 60)) {
                for (String family : List.of("Ridge", "GradientBoosting")) {
                    expectedKinds.put("ret_" + h + "m/" + family, returns);
                    expectedHorizons.put("ret_" + h + "m/" + family, h);
                }
            }
            expectedKinds.put("ret_5m/Conv1d", ModelKind.REGRESSION + "/" + InputMode.RAW_SEQUENCE);
            expectedHorizons.put("ret_5m/Conv1d", 5);
            expectedKinds.put("will_peak_5m/Logistic", barrier);
            expectedKinds.put("will_valley_5m/Logistic", barrier);
            expectedHorizons.put("will_peak_5m/Logistic", 5);
            expectedHorizons.put("will_valley_5m/Logistic", 5);

            assertThat(kinds).isEqualTo(expectedKinds);
            assertThat(horizons).isEqualTo(expectedHorizons);
        }
    }

    @Test
    void every_demo_model_uses_the_whole_feature_library_or_a_five_channel_window_and_is_verified() {
        try (OnnxModelRegistry registry = open(run)) {
            for (ModelSpec spec : registry.models()) {
                assertThat(spec.trainingIc()).as("%s metrics.ic", spec.id()).isFinite();
                if (spec.inputMode() == InputMode.FEATURES) {
                    assertThat(spec.featureNames()).as(spec.id()).isEqualTo(FeatureLibrary.names());
                } else {
                    assertThat(spec.sequenceLength()).isEqualTo(32);
                    assertThat(spec.sequenceChannels()).isEqualTo(SequenceWindow.DEFAULT_CHANNELS);
                    assertThat(spec.sequenceNormalization()).isEqualTo("log_returns");
                }
            }
            assertThat(registry.report()).hasSize(13).allSatisfy(row ->
                    assertThat(row.checksum()).as(row.id()).isEqualTo(ModelReportRow.ChecksumStatus.VERIFIED));
        }
    }

    @Test
    void onnx_runtime_reproduces_the_training_library_predictions_within_1e_5() {
        try (OnnxModelRegistry registry = open(run)) {
            for (ModelSpec spec : registry.models()) {
                Parity parity = Parity.read(parityFile(spec), spec.inputWidth());
                if (spec.inputMode() == InputMode.FEATURES) {
                    assertThat(parity.columns()).as(spec.id()).isEqualTo(spec.featureNames());
                }
                assertThat(parity.rows()).as(spec.id()).isEqualTo(32);
                double[] out = new double[parity.rows()];
                registry.predict(spec.id(), parity.input(), parity.rows(), out);

                for (int r = 0; r < parity.rows(); r++) {
                    assertThat(out[r]).as("%s parity row %d", spec.id(), r)
                            .isCloseTo(parity.expected()[r], within(PARITY_TOLERANCE));
                }
                // The tolerance must be small against the spread of the predictions, or parity proves nothing.
                double spread = Arrays.stream(parity.expected()).max().orElseThrow()
                        - Arrays.stream(parity.expected()).min().orElseThrow();
                assertThat(spread).as("%s prediction spread", spec.id()).isGreaterThan(10 * PARITY_TOLERANCE);
            }
        }
    }

    /**
     * The recorded inputs are what the engine would feed: every parity row of a feature model is
     * the float32 feature row the library computes at some bar of the training window, and every
     * row of the sequence model the window SequenceWindow builds there. So the models were trained
     * on the engine's numbers, not on a re-implementation of them.
     */
    @Test
    void recorded_inputs_are_the_engine_feature_rows_and_windows_of_training_bars() {
        List<Bar> bars = DemoData.bitcoinMinuteBars().barsOf(DemoData.BTC_USD);
        int n = TrainingSetExport.barsBefore(bars, TrainingSetExport.DEMO_CUTOFF);
        double[] open = bars.stream().mapToDouble(Bar::open).toArray();
        double[] high = bars.stream().mapToDouble(Bar::high).toArray();
        double[] low = bars.stream().mapToDouble(Bar::low).toArray();
        double[] close = bars.stream().mapToDouble(Bar::close).toArray();
        double[] volume = bars.stream().mapToDouble(Bar::volume).toArray();
        double[][] features = RollingFeatures.withDefaultHistory().computeAll(open, high, low, close, volume, n);

        try (OnnxModelRegistry registry = open(run)) {
            for (ModelSpec spec : registry.models()) {
                int width = spec.inputWidth();
                Parity parity = Parity.read(parityFile(spec), width);
                List<float[]> engineRows = new ArrayList<>(n);
                if (spec.inputMode() == InputMode.FEATURES) {
                    int[] columns = FeatureLibrary.indicesOf(spec.featureNames());
                    for (double[] row : features) {
                        float[] gathered = new float[width];
                        if (FeatureLibrary.gather(row, columns, gathered, 0)) {
                            engineRows.add(gathered);
                        }
                    }
                } else {
                    SequenceWindow window = SequenceWindow.of(spec.sequenceLength(), spec.sequenceChannels(),
                            spec.sequenceNormalization());
                    for (int t = 1; t <= n; t++) {
                        float[] filled = new float[width];
                        if (window.fill(open, high, low, close, volume, t, filled, 0)) {
                            engineRows.add(filled);
                        }
                    }
                }
                for (int r = 0; r < parity.rows(); r++) {
                    float[] recorded = Arrays.copyOfRange(parity.input(), r * width, (r + 1) * width);
                    assertThat(engineRows.stream().anyMatch(row -> Arrays.equals(row, recorded)))
                            .as("%s parity row %d is an engine input of a training bar", spec.id(), r).isTrue();
                }
            }
        }
    }

    @Test
    void the_run_extracts_from_a_jar_as_well(@TempDir Path dir) throws IOException {
        Path jar = dir.resolve("bundle.jar");
        try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file);
             Stream<Path> walk = Files.walk(run)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new ZipEntry("dev/horizon/demo/run/" + run.relativize(p).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(p));
                zip.closeEntry();
            }
        }
        URL url = new URL("jar:" + jar.toUri() + "!" + DemoModelRun.RESOURCE);

        Path copy = DemoModelRun.extract(url, dir.resolve("from-jar"));

        try (OnnxModelRegistry registry = open(copy)) {
            assertThat(registry.models()).hasSize(13);
        }
    }

    private static Path parityFile(ModelSpec spec) {
        return run.resolve("targets").resolve(spec.target()).resolve("models").resolve("view=CROSS_SECTIONAL")
                .resolve("family=" + spec.family()).resolve("parity.csv");
    }

    /** A parity.csv of tools/models/train.py: the float32 input columns, then 'expected'. */
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
            List<String[]> rows = lines.subList(1, lines.size()).stream().filter(l -> !l.isBlank())
                    .map(l -> l.split(",")).toList();
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
