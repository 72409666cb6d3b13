package dev.horizon.domain.prediction;

/**
 * How a model's input is built: a row of named features per symbol, or the raw window of the
 * last T bars ({@code [n, T, C]}) for convolutional, recurrent and transformer families.
 */
public enum InputMode {
    FEATURES,
    RAW_SEQUENCE
}
