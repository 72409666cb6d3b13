package dev.horizon.domain.prediction;

import dev.horizon.domain.market.Horizon;
import java.util.List;
import java.util.Objects;

/**
 * What the engine knows about one trained model: what it predicts, for which horizon, from which
 * inputs. Built by the model adapter from the model's metadata.
 *
 * @param id                    unique, stable id, e.g. {@code ret_5m/Ridge}
 * @param target                the training target, e.g. {@code ret_5m} or {@code will_peak_5m}
 * @param family                the model family, e.g. {@code Ridge}; families sort by code point
 * @param horizon               the horizon the target maps to
 * @param featureNames          the ordered feature names ({@link InputMode#FEATURES} models)
 * @param trainingIc            the training IC from the metadata, {@code NaN} when absent
 * @param sequenceLength        T, for {@link InputMode#RAW_SEQUENCE} models (0 otherwise)
 * @param sequenceChannels      channel names (open, high, low, close, volume) for sequence models
 * @param sequenceNormalization {@code returns}, {@code log_returns}, {@code minmax} or {@code none}
 */
public record ModelSpec(String id, String target, String family, Horizon horizon, ModelKind kind,
                        InputMode inputMode, List<String> featureNames, double trainingIc,
                        int sequenceLength, List<String> sequenceChannels, String sequenceNormalization) {

    public ModelSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(horizon, "horizon");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(inputMode, "inputMode");
        featureNames = List.copyOf(featureNames);
        sequenceChannels = List.copyOf(sequenceChannels);
        Objects.requireNonNull(sequenceNormalization, "sequenceNormalization");
        if (inputMode == InputMode.RAW_SEQUENCE && (sequenceLength <= 0 || sequenceChannels.isEmpty())) {
            throw new IllegalArgumentException("model " + id + ": a raw_sequence model needs a positive"
                    + " sequence_length and at least one channel");
        }
    }

    /** True for a barrier model predicting a peak ({@code will_peak_<h>}). */
    public boolean isPeakBarrier() {
        return target.startsWith("will_peak_");
    }

    /** True for a barrier model predicting a valley ({@code will_valley_<h>}). */
    public boolean isValleyBarrier() {
        return target.startsWith("will_valley_");
    }

    /** Number of input values per symbol: features, or T × C for sequence models. */
    public int inputWidth() {
        return inputMode == InputMode.FEATURES ? featureNames.size() : sequenceLength * sequenceChannels.size();
    }
}
