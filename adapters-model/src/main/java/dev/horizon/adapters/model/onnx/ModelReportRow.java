package dev.horizon.adapters.model.onnx;

import dev.horizon.domain.market.Horizon;
import dev.horizon.domain.prediction.InputMode;
import dev.horizon.domain.prediction.ModelKind;
import java.util.Objects;

/**
 * One line of the {@code models verify} report: a model that loaded and passed every startup check.
 *
 * @param id           {@code <target>/<family>}
 * @param inputWidth   input values per symbol: the feature count, or T × C for sequence models
 * @param featureCount named features ({@code 0} for raw_sequence models)
 * @param ic           {@code metrics.ic} from the metadata, {@code NaN} when absent
 * @param checksum     whether model.onnx was verified against a recorded SHA-256
 */
public record ModelReportRow(String id, String target, String family, Horizon horizon, ModelKind kind,
                             InputMode inputMode, int featureCount, int inputWidth, double ic,
                             ChecksumStatus checksum) {

    public ModelReportRow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(horizon, "horizon");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(inputMode, "inputMode");
        Objects.requireNonNull(checksum, "checksum");
    }

    /** The state of a model's checksum; a mismatch never gets this far (it stops startup). */
    public enum ChecksumStatus {
        /** model_meta.json recorded a SHA-256 and model.onnx matches it. */
        VERIFIED,
        /** model_meta.json recorded no checksum, so the file could not be verified. */
        NOT_RECORDED
    }
}
