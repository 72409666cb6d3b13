package dev.horizon.adapters.persistence.json;

import dev.horizon.domain.blending.BlendingHistorySnapshot;
import dev.horizon.domain.prediction.PredictionState;
import dev.horizon.domain.risk.OrderThrottleSnapshot;
import dev.horizon.domain.sizing.PositionSizerSnapshot;
import dev.horizon.domain.snapshot.EngineSnapshot;
import dev.horizon.domain.snapshot.LearnedState;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The statistics part of a {@link LearnedState}: prediction trackers, blending histories and
 * sizing ρ windows — everything the engine checkpoints (and hands on as the very same objects
 * between checkpoints), without the order-rate counters, which change with every admitted order
 * and are small. A store keeps these apart from the ledger so it rewrites them only when they
 * changed.
 *
 * @param blending blending history per horizon label
 */
public record LearnedStatistics(PredictionState prediction, Map<String, BlendingHistorySnapshot> blending,
                                PositionSizerSnapshot sizing) {

    private static final LearnedStatistics NONE = of(LearnedState.empty());

    public LearnedStatistics {
        Objects.requireNonNull(prediction, "prediction");
        blending = Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(blending, "blending")));
        Objects.requireNonNull(sizing, "sizing");
    }

    /** The statistics of {@code learned}. */
    public static LearnedStatistics of(LearnedState learned) {
        return new LearnedStatistics(learned.prediction(), learned.blending(), learned.sizing());
    }

    /**
     * {@code snapshot} with its statistics left out (empty), keeping the ledger and the order-rate
     * counters: what a store writes at every save.
     */
    public static EngineSnapshot withoutStatistics(EngineSnapshot snapshot) {
        return new EngineSnapshot(snapshot.state(), NONE.with(snapshot.learned().throttle()));
    }

    /** {@code ledger} (as from {@link #withoutStatistics}) with these statistics put back. */
    public EngineSnapshot into(EngineSnapshot ledger) {
        return new EngineSnapshot(ledger.state(), with(ledger.learned().throttle()));
    }

    /** The learned state of these statistics and {@code throttle}. */
    public LearnedState with(OrderThrottleSnapshot throttle) {
        return new LearnedState(prediction, blending, sizing, throttle);
    }

    /**
     * Whether {@code learned} holds the very same statistics objects as this (identity, not
     * equality: comparing the contents would cost as much as writing them). The engine hands on
     * the same objects between two checkpoints.
     */
    public boolean sameObjectsAs(LearnedState learned) {
        if (learned.prediction() != prediction || learned.sizing() != sizing
                || learned.blending().size() != blending.size()) {
            return false;
        }
        for (Map.Entry<String, BlendingHistorySnapshot> e : learned.blending().entrySet()) {
            if (blending.get(e.getKey()) != e.getValue()) {
                return false;
            }
        }
        return true;
    }
}
