package dev.horizon.domain.prediction;

/** What a model predicts: a decimal forward return, or a probability in [0, 1]. */
public enum ModelKind {
    REGRESSION,
    PROBABILITY
}
