package dev.horizon.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.horizon.bootstrap.training.DemoModelRun;
import dev.horizon.domain.market.Horizon;
import dev.horizon.domain.prediction.InputMode;
import dev.horizon.domain.prediction.ModelKind;
import dev.horizon.domain.prediction.ModelSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The 26-model run of the reference scenario, built from the bundled demo run's ONNX graphs:
 * for each horizon 5m, 10m, 15m, 30m, 60m and 1d four return models — {@code Ridge} and
 * {@code GradientBoosting} (that horizon's bundled graphs; 1d reuses 60m's), {@code Conv1d} (the
 * bundled ret_5m raw-sequence graph, 32 bars × 5 channels) and {@code Linear} (the horizon's ridge
 * graph again under a fourth family name: a linear model costs the same whatever it was fitted
 * with) — plus the two bundled logistic barrier models of 5m. Each {@code model_meta.json} is
 * rewritten for its target and family with the SHA-256 of its {@code model.onnx}, so the registry
 * loads the run with every check on.
 */
public final class ReferenceRun {

    private static final String VIEW = "models/view=CROSS_SECTIONAL";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReferenceRun() {
    }

    /** Writes the reference run under {@code root} (created); returns {@code root}. */
    public static Path create(Path root) {
        try {
            Path demo = DemoModelRun.extractTo(Files.createTempDirectory("horizon-demo-run"));
            for (String h : ReferenceScenario.HORIZON_LABELS) {
                String source = h.equals("1d") ? "ret_60m" : "ret_" + h;
                copy(demo, source, "Ridge", root, "ret_" + h, "Ridge");
                copy(demo, source, "GradientBoosting", root, "ret_" + h, "GradientBoosting");
                copy(demo, "ret_5m", "Conv1d", root, "ret_" + h, "Conv1d");
                copy(demo, source, "Ridge", root, "ret_" + h, "Linear");
            }
            copy(demo, "will_peak_5m", "Logistic", root, "will_peak_5m", "Logistic");
            copy(demo, "will_valley_5m", "Logistic", root, "will_valley_5m", "Logistic");
            deleteTree(demo);
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the reference run to " + root + ": " + e.getMessage(), e);
        }
    }

    /** The bundled demo run as it ships (13 models, 5m … 60m), copied to {@code root}. */
    public static Path bundled(Path root) {
        return DemoModelRun.extractTo(root);
    }

    /**
     * The model specs of a run directory, as the ONNX registry would build them, for stub model
     * ports that must see exactly the inputs the real models see.
     */
    public static List<ModelSpec> specs(Path root, int sessionMinutes) {
        List<ModelSpec> specs = new ArrayList<>();
        try (Stream<Path> metas = Files.walk(root.resolve("targets"))) {
            for (Path meta : metas.filter(p -> p.getFileName().toString().equals("model_meta.json")).toList()) {
                specs.add(spec(JSON.readTree(meta.toFile()), sessionMinutes));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the model run " + root + ": " + e.getMessage(), e);
        }
        specs.sort(Comparator.comparing(ModelSpec::id));
        return List.copyOf(specs);
    }

    private static ModelSpec spec(JsonNode meta, int sessionMinutes) {
        String target = meta.get("target").asText();
        String family = meta.get("family").asText();
        Horizon horizon = Horizon.parse(target.substring(target.lastIndexOf('_') + 1), sessionMinutes);
        ModelKind kind = meta.get("kind").asText().equals("probability") ? ModelKind.PROBABILITY : ModelKind.REGRESSION;
        JsonNode ic = meta.path("metrics").path("ic");
        double trainingIc = ic.isNumber() ? ic.asDouble() : Double.NaN;
        if (meta.path("input_mode").asText("features").equals("raw_sequence")) {
            List<String> channels = new ArrayList<>();
            meta.get("sequence_channels").forEach(c -> channels.add(c.asText()));
            return new ModelSpec(target + "/" + family, target, family, horizon, kind, InputMode.RAW_SEQUENCE, List.of(),
                    trainingIc, meta.get("sequence_length").asInt(), channels, meta.get("sequence_normalization").asText());
        }
        List<String> features = new ArrayList<>();
        meta.get("feature_list").forEach(f -> features.add(f.asText()));
        return new ModelSpec(target + "/" + family, target, family, horizon, kind, InputMode.FEATURES, features,
                trainingIc, 0, List.of(), "none");
    }

    private static void copy(Path demo, String fromTarget, String fromFamily, Path root, String toTarget,
                             String toFamily) throws IOException {
        Path from = demo.resolve("targets").resolve(fromTarget).resolve(VIEW).resolve("family=" + fromFamily);
        Path to = Files.createDirectories(root.resolve("targets").resolve(toTarget).resolve(VIEW)
                .resolve("family=" + toFamily));
        byte[] model = Files.readAllBytes(from.resolve("model.onnx"));
        Files.write(to.resolve("model.onnx"), model);
        ObjectNode meta = (ObjectNode) JSON.readTree(from.resolve("model_meta.json").toFile());
        meta.put("target", toTarget);
        meta.put("family", toFamily);
        meta.put("model_checksum", sha256(model));
        JSON.writerWithDefaultPrettyPrinter().writeValue(to.resolve("model_meta.json").toFile(), meta);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Deletes a directory tree (temporary runs and state). */
    public static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir + ": " + e.getMessage(), e);
        }
    }
}
