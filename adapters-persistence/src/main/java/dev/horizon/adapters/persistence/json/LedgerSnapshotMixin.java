package dev.horizon.adapters.persistence.json;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Binds {@code LedgerSnapshot} (a final class, not a record, so that the engine's checkpoint can
 * hand it arrays without copying them twice) exactly as it was bound as a record: the same ten
 * properties, in component order, in snake case, read through its public constructor. Nothing
 * else of the class (size, remap...) is a property.
 */
@JsonAutoDetect(getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE,
        fieldVisibility = JsonAutoDetect.Visibility.NONE, creatorVisibility = JsonAutoDetect.Visibility.NONE)
abstract class LedgerSnapshotMixin {

    @JsonCreator
    LedgerSnapshotMixin(@JsonProperty("prediction_times_millis") long[] predictionTimesMillis,
                        @JsonProperty("due_times_millis") long[] dueTimesMillis,
                        @JsonProperty("symbols") int[] symbols,
                        @JsonProperty("raw") double[] raw,
                        @JsonProperty("scores") double[] scores,
                        @JsonProperty("closes") double[] closes,
                        @JsonProperty("sigma_h") double[] sigmaH,
                        @JsonProperty("last_record_millis") long lastRecordMillis,
                        @JsonProperty("matured") long matured,
                        @JsonProperty("dropped") long dropped) {
    }

    @JsonProperty("prediction_times_millis")
    abstract long[] predictionTimesMillis();

    @JsonProperty("due_times_millis")
    abstract long[] dueTimesMillis();

    @JsonProperty("symbols")
    abstract int[] symbols();

    @JsonProperty("raw")
    abstract double[] raw();

    @JsonProperty("scores")
    abstract double[] scores();

    @JsonProperty("closes")
    abstract double[] closes();

    @JsonProperty("sigma_h")
    abstract double[] sigmaH();

    @JsonProperty("last_record_millis")
    abstract long lastRecordMillis();

    @JsonProperty("matured")
    abstract long matured();

    @JsonProperty("dropped")
    abstract long dropped();
}
