package dev.horizon.adapters.model.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.horizon.application.port.ModelException;
import dev.horizon.domain.market.Horizon;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way a run directory can stop the engine at startup: one {@link ModelException} line
 * naming the model directory (or the run directory) and the problem.
 */
class OnnxModelStartupTest {

    @TempDir
    Path run;

    private AbstractThrowableAssert<?, ? extends Throwable> assertStartupFails(OnnxModelOptions options) {
        return assertThatThrownBy(() -> OnnxModelRegistry.open(run, options, TestRuns.FEATURES::contains))
                .isInstanceOf(ModelException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertStartupFails() {
        return assertStartupFails(TestRuns.ONE_MINUTE);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    // ---- the run directory ----------------------------------------------------------------------

    @Test
    void missing_run_directory_names_it() {
        Path missing = run.resolve("no-such-run");
        assertThatThrownBy(() -> OnnxModelRegistry.open(missing, TestRuns.ONE_MINUTE, TestRuns.FEATURES::contains))
                .isInstanceOf(ModelException.class)
                .hasMessage("model run directory " + missing + " does not exist or is not a directory;"
                        + " point the model run directory at a trained run");
    }

    @Test
    void run_without_models_names_the_expected_layout() throws IOException {
        Files.createDirectories(run.resolve("targets/ret_5m/models/view=SYMBOL_SPECIFIC/family=Ridge"));
        assertStartupFails().hasMessage("no models found under run directory " + run + " (expected"
                + " targets/<target>/models/view=CROSS_SECTIONAL/family=<Family>/model.onnx)");
    }

    // ---- the files ------------------------------------------------------------------------------

    @Test
    void tampered_model_fails_the_checksum_before_it_is_loaded() throws Exception {
        Path dir = TestRuns.copyLinear(run);
        byte[] original = TestRuns.read(dir.resolve("model.onnx"));
        byte[] tampered = original.clone();
        tampered[tampered.length - 1] ^= 0x01;
        TestRuns.write(dir.resolve("model.onnx"), tampered);

        assertStartupFails().hasMessage("model " + dir + ": model.onnx checksum mismatch: model_meta.json records "
                + sha256(original) + " but the file hashes to " + sha256(tampered)
                + "; the file changed after training, restore it or retrain");
    }

    @Test
    void garbage_model_with_a_recorded_checksum_is_caught_by_the_checksum_not_by_the_runtime() throws Exception {
        Path dir = TestRuns.copyLinear(run);
        byte[] garbage = "not a model".getBytes(StandardCharsets.US_ASCII);
        TestRuns.write(dir.resolve("model.onnx"), garbage);

        assertStartupFails().hasMessageContaining("model.onnx checksum mismatch")
                .hasMessageContaining(sha256(garbage));
    }

    @Test
    void corrupt_model_without_checksum_is_reported_as_unloadable() {
        Path dir = TestRuns.copyLinear(run);
        TestRuns.editMeta(dir, meta -> meta.remove("model_checksum"));
        TestRuns.write(dir.resolve("model.onnx"), "not a model".getBytes(StandardCharsets.US_ASCII));

        assertStartupFails().hasMessageStartingWith("model " + dir
                + ": model.onnx cannot be loaded by ONNX Runtime (corrupt or unsupported): ");
    }

    @Test
    void missing_model_file() throws IOException {
        Path dir = TestRuns.copyLinear(run);
        Files.delete(dir.resolve("model.onnx"));
        assertStartupFails().hasMessage("model " + dir + ": missing model.onnx");
    }

    @Test
    void missing_metadata() throws IOException {
        Path dir = TestRuns.copyLinear(run);
        Files.delete(dir.resolve("model_meta.json"));
        assertStartupFails().hasMessage("model " + dir + ": missing model_meta.json");
    }

    // ---- the metadata ---------------------------------------------------------------------------

    @Test
    void metadata_that_is_not_json_names_line_and_column() {
        Path dir = TestRuns.copyLinear(run);
        TestRuns.write(dir.resolve("model_meta.json"), "{\n  \"target\": \"ret_5m\",\n  oops\n}"
                .getBytes(StandardCharsets.UTF_8));
        assertStartupFails().hasMessageStartingWith("model " + dir + ": model_meta.json is not valid JSON (line 3,");
    }

    @Test
    void metadata_missing_kind_names_the_field() {
        Path dir = TestRuns.copyLinear(run);
        TestRuns.editMeta(dir, meta -> meta.remove("kind"));
        assertStartupFails().hasMessage("model " + dir
                + ": model_meta.json is missing field 'kind' (regression or probability)");
    }

    @Test
    void metadata_with_an_invalid_kind_names_the_value() {
        Path dir = TestRuns.copyLinear(run);
        TestRuns.editMeta(dir, meta -> meta.put("kind", "classifier"));
        assertStartupFails().hasMessage("model " + dir
                + ": model_meta.json field 'kind' must be regression or probability, was 'classifier'");
    }

    @Test
    void metadata_missing_feature_list_names_the_field() {
        Path dir = TestRuns.copyLinear(run);
        TestRuns.editMeta(dir, meta -> meta.remove("feature_list"));
        assertStartupFails().hasMessage("model " + dir
                + ": model_meta.json is missing field 'feature_list' (the ordered feature names)");
    }

    @Test
    void metadata_with_a_non_integer_interval_names_the_field() {
        Path dir = TestRuns.copyLinear(run);
        TestRuns.editMeta(dir, meta -> meta.put("interval_minutes", "1m"));
        assertStartupFails().hasMessage("model " + dir
                + ": model_meta.json field 'interval_minutes' must be a positive integer, was \"1m\"");
    }

    @Test
    void metadata_with_a_malformed_checksum_names_the_field() {
        Path dir = TestRuns.copyLinear(run);
        TestRuns.editMeta(dir, meta -> meta.put("model_checksum", "abc"));
        assertStartupFails().hasMessage("model " + dir + ": model_meta.json field 'model_checksum' must be 64 hex"
                + " digits (SHA-256 of model.onnx), was 'abc'");
    }

    @Test
    void metadata_for_another_target_than_its_directory() {
        Path dir = TestRuns.copyLinear(run);
        TestRuns.editMeta(dir, meta -> meta.put("target", "ret_10m"));
        assertStartupFails().hasMessage("model " + dir
                + ": model_meta.json field 'target' is 'ret_10m' but the model sits under targets/ret_5m");
    }

    @Test
    void sequence_model_without_normalization_names_the_field() {
        Path dir = TestRuns.copyModel("ret_10m", "Conv1d", run, "ret_10m", "Conv1d");
        TestRuns.editMeta(dir, meta -> meta.remove("sequence_normalization"));
        assertStartupFails().hasMessage("model " + dir + ": model_meta.json is missing field"
                + " 'sequence_normalization' (returns, log_returns, minmax or none)");
    }

    @Test
    void sequence_length_that_does_not_fit_the_graph() {
        Path dir = TestRuns.copyModel("ret_10m", "Conv1d", run, "ret_10m", "Conv1d");
        TestRuns.editMeta(dir, meta -> meta.remove("sequence_length"));
        assertStartupFails().hasMessage("model " + dir + ": model.onnx input 'window' has shape [-1, 8, 2];"
                + " the metadata needs [n, 64, 2] (sequence_length x sequence_channels)");
    }

    // ---- checks against the engine --------------------------------------------------------------

    @Test
    void unknown_feature_is_named() {
        Path dir = TestRuns.copyLinear(run);
        TestRuns.editMeta(dir, meta -> meta.putArray("feature_list").add("ret_1d").add("vol_5d").add("rsi_15"));
        assertStartupFails().hasMessage("model " + dir + ": unknown feature 'rsi_15' in feature_list: the feature"
                + " library has no feature of that name; retrain with library features");
    }

    @Test
    void feature_list_that_does_not_fit_the_graph_input() {
        Path dir = TestRuns.copyLinear(run);
        TestRuns.editMeta(dir, meta -> meta.putArray("feature_list").add("ret_1d").add("vol_5d"));
        assertStartupFails().hasMessage("model " + dir + ": model.onnx input 'features' has shape [-1, 3];"
                + " the metadata needs [n, 2] (one column per feature_list name)");
    }

    @Test
    void model_trained_on_another_interval_is_refused() {
        Path dir = TestRuns.copyLinear(run);
        assertStartupFails(OnnxModelOptions.of(5, 390)).hasMessage("model " + dir + ": trained on 1-minute bars"
                + " (interval_minutes) but the engine runs 5-minute bars; retrain on this interval or set"
                + " model.allow_interval_mismatch");
    }

    @Test
    void interval_mismatch_is_accepted_when_allowed() {
        TestRuns.copyLinear(run);
        try (OnnxModelRegistry registry = OnnxModelRegistry.open(run,
                OnnxModelOptions.of(5, 390).allowingIntervalMismatch(), TestRuns.FEATURES::contains)) {
            assertThat(registry.models()).singleElement().satisfies(s -> assertThat(s.id()).isEqualTo("ret_5m/Linear"));
        }
    }

    @Test
    void barrier_target_must_be_a_probability_model() {
        Path dir = TestRuns.copyModel("will_peak_5m", "Logistic", run, "will_peak_5m", "Logistic");
        TestRuns.editMeta(dir, meta -> meta.put("kind", "regression"));
        assertStartupFails().hasMessage("model " + dir + ": model_meta.json field 'kind' must be probability for"
                + " barrier target 'will_peak_5m', was regression");
    }

    @Test
    void output_name_that_the_graph_does_not_have() {
        Path dir = TestRuns.copyLinear(run);
        TestRuns.editMeta(dir, meta -> meta.put("output_name", "y"));
        assertStartupFails().hasMessage("model " + dir
                + ": model_meta.json field 'output_name' is 'y' but the outputs of model.onnx are [prediction]");
    }

    @Test
    void target_without_a_horizon_must_be_mapped() {
        Path dir = TestRuns.copyModel("ret_5m", "Linear", run, "fwd_ret", "Linear");
        assertStartupFails().hasMessage("model " + dir + ": cannot tell the horizon of target 'fwd_ret': name it"
                + " ret_<h>, will_peak_<h> or will_valley_<h> (e.g. ret_5m), or map it in model.horizon_targets");
    }

    @Test
    void explicit_target_map_sets_the_horizon_and_1d_is_one_session() {
        TestRuns.copyModel("ret_5m", "Linear", run, "fwd_ret", "Linear");
        TestRuns.copyModel("ret_5m", "Trees", run, "ret_5m", "Trees");
        OnnxModelOptions options = OnnxModelOptions.of(1, 390).withHorizonTargets(Map.of("fwd_ret", "1d"));
        try (OnnxModelRegistry registry = OnnxModelRegistry.open(run, options, TestRuns.FEATURES::contains)) {
            assertThat(registry.models()).extracting(s -> s.id() + " " + s.horizon()).containsExactly(
                    "fwd_ret/Linear 1d", "ret_5m/Trees 5m");
            assertThat(registry.models().get(0).horizon()).isEqualTo(new Horizon("1d", 390));
        }
    }

    @Test
    void the_first_bad_model_stops_startup_even_after_good_ones() {
        TestRuns.copyModel("ret_5m", "Linear", run, "ret_5m", "Linear");
        Path bad = TestRuns.copyModel("ret_5m", "Trees", run, "ret_5m", "Trees");
        TestRuns.editMeta(bad, meta -> meta.putArray("feature_list").add("ret_1d").add("vol_5d").add("nope"));
        assertStartupFails().hasMessage("model " + bad + ": unknown feature 'nope' in feature_list: the feature"
                + " library has no feature of that name; retrain with library features");
    }

    @Test
    void families_sort_by_code_point_not_by_locale() {
        TestRuns.copyModel("ret_5m", "Linear", run, "ret_5m", "ridge");
        TestRuns.copyModel("ret_5m", "Linear", run, "ret_5m", "Ridge");
        TestRuns.copyModel("ret_5m", "Linear", run, "ret_5m", "XGB");
        try (OnnxModelRegistry registry = TestRuns.openAt(run)) {
            assertThat(registry.models()).extracting(s -> s.family()).isEqualTo(List.of("Ridge", "XGB", "ridge"));
        }
    }
}
