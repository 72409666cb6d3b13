package dev.horizon.domain.snapshot;

import dev.horizon.domain.state.EngineState;
import java.util.Objects;

/**
 * Everything a state store persists: the engine's ledger and control state, and what its pipeline
 * has learned. Saved and loaded as one unit so the two never disagree about which cycle they are at.
 */
public record EngineSnapshot(EngineState state, LearnedState learned) {

    public EngineSnapshot {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(learned, "learned");
    }

    /** A state that has learned nothing yet. */
    public static EngineSnapshot of(EngineState state) {
        return new EngineSnapshot(state, LearnedState.empty());
    }
}
