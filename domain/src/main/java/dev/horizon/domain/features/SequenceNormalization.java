package dev.horizon.domain.features;

import java.util.Locale;

/**
 * How a raw-sequence window is normalised ({@code sequence_normalization} in the model metadata).
 * Every mode anchors on the window itself, never on earlier bars, so the same T bars always give
 * the same input, live and in training.
 */
public enum SequenceNormalization {
    /** Prices p/C₀ − 1 (C₀ = the first bar's close), volume V/V₀ − 1. */
    RETURNS("returns"),
    /** Prices ln(p/C₀), volume ln(V/V₀). */
    LOG_RETURNS("log_returns"),
    /** Each channel (x − min)/(max − min) over the window; a constant channel is 0. */
    MINMAX("minmax"),
    /** Raw values. */
    NONE("none");

    private final String metadataName;

    SequenceNormalization(String metadataName) {
        this.metadataName = metadataName;
    }

    /** The metadata spelling, e.g. {@code log_returns}. */
    public String metadataName() {
        return metadataName;
    }

    /**
     * Parses a metadata name (case and surrounding blanks ignored).
     *
     * @throws IllegalArgumentException naming the unknown mode and the accepted names
     */
    public static SequenceNormalization parse(String name) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (SequenceNormalization n : values()) {
            if (n.metadataName.equals(key)) {
                return n;
            }
        }
        throw new IllegalArgumentException("unknown sequence normalization '" + name
                + "': use returns, log_returns, minmax or none");
    }

    @Override
    public String toString() {
        return metadataName;
    }
}
