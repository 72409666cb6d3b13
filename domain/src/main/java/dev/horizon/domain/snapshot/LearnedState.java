package dev.horizon.domain.snapshot;

import dev.horizon.domain.blending.BlendingHistorySnapshot;
import dev.horizon.domain.prediction.PredictionState;
import dev.horizon.domain.risk.OrderThrottleSnapshot;
import dev.horizon.domain.sizing.PositionSizerSnapshot;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What the pipeline has learned and must keep across restarts, so a restarted engine keeps its
 * confidence instead of warming up again (fix): the standardizer, IC, stability and maturity
 * windows of every model, the blending correlation window of every horizon, the sizing ρ windows,
 * and the order-rate counters of the risk checks.
 *
 * @param blending blending history per horizon label
 */
public record LearnedState(PredictionState prediction, Map<String, BlendingHistorySnapshot> blending,
                           PositionSizerSnapshot sizing, OrderThrottleSnapshot throttle) {

    public LearnedState {
        Objects.requireNonNull(prediction, "prediction");
        blending = Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(blending, "blending")));
        Objects.requireNonNull(sizing, "sizing");
        Objects.requireNonNull(throttle, "throttle");
    }

    /** Nothing learned yet. */
    public static LearnedState empty() {
        return new LearnedState(PredictionState.empty(), Map.of(), new PositionSizerSnapshot(Map.of()),
                OrderThrottleSnapshot.empty());
    }
}
