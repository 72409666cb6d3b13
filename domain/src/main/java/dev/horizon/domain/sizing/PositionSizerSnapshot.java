package dev.horizon.domain.sizing;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The persisted state of a {@link PositionSizer}: ρ's window per horizon.
 *
 * @param rhoByHorizon the window of each horizon that has one, keyed by horizon label
 *                     (e.g. {@code 5m}), sorted by label
 */
public record PositionSizerSnapshot(Map<String, RhoTrackerSnapshot> rhoByHorizon) {

    public PositionSizerSnapshot {
        rhoByHorizon = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(rhoByHorizon, "rhoByHorizon")));
    }
}
