package dev.horizon.adapters.model.onnx;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** The committed test runs (built by tools/models/make_test_models.py) and ways to damage copies of them. */
final class TestRuns {

    /** The feature library's names (PIPELINE.md §1.2); the real wiring passes FeatureLibrary::isKnown. */
    static final Set<String> FEATURES = Set.of(
            "ret_1d", "ret_5d", "ret_10d", "ret_20d", "ret_60d",
            "vol_5d", "vol_10d", "vol_20d", "vol_60d",
            "rsi_7", "rsi_14", "rsi_21",
            "ma_ratio_10", "ma_ratio_20", "ma_ratio_50",
            "bb_position", "bb_width", "macd", "macd_signal", "macd_hist",
            "mom_5d", "mom_10d", "mom_20d", "atr_14", "high_low_range",
            "volume_ma_ratio", "volume_change", "close_to_high_52w", "close_to_low_52w");

    static final OnnxModelOptions ONE_MINUTE = OnnxModelOptions.of(1, 390);
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestRuns() {
    }

    static Path run(String name) {
        try {
            return Path.of(TestRuns.class.getResource("/runs/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static OnnxModelRegistry open(String name) {
        return OnnxModelRegistry.open(run(name), ONE_MINUTE, FEATURES::contains);
    }

    static OnnxModelRegistry openAt(Path runRoot) {
        return OnnxModelRegistry.open(runRoot, ONE_MINUTE, FEATURES::contains);
    }

    static Path modelDir(Path runRoot, String target, String family) {
        return runRoot.resolve("targets").resolve(target).resolve("models").resolve("view=CROSS_SECTIONAL")
                .resolve("family=" + family);
    }

    /** Copies one model of the basic run into {@code runRoot} under a (possibly new) target and family. */
    static Path copyModel(String target, String family, Path runRoot, String newTarget, String newFamily) {
        Path from = modelDir(run("basic"), target, family);
        Path to = modelDir(runRoot, newTarget, newFamily);
        try {
            Files.createDirectories(to);
            try (Stream<Path> files = Files.list(from)) {
                for (Path file : files.toList()) {
                    Files.copy(file, to.resolve(file.getFileName()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!newTarget.equals(target) || !newFamily.equals(family)) {
            editMeta(to, meta -> meta.put("target", newTarget).put("family", newFamily));
        }
        return to;
    }

    static Path copyLinear(Path runRoot) {
        return copyModel("ret_5m", "Linear", runRoot, "ret_5m", "Linear");
    }

    static void editMeta(Path modelDir, Consumer<ObjectNode> edit) {
        Path file = modelDir.resolve("model_meta.json");
        try {
            ObjectNode meta = (ObjectNode) JSON.readTree(file.toFile());
            edit.accept(meta);
            JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), meta);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
