package dev.horizon.domain.state;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything needed to explain a decision after the fact — σ, spread, per-model raw/z/confidence,
 * per-horizon α, costs and scores, gate factor, sizing steps — as an ordered tree of named values.
 *
 * <p>Values are {@link Number}, {@link String}, {@link Boolean}, {@code List} or a nested
 * {@code Map} of the same, so any journal can serialise a trace without knowing the stages.
 */
public record DecisionTrace(Map<String, Object> values) {

    private static final DecisionTrace EMPTY = new DecisionTrace(Map.of());

    /** The class of {@link Collections#unmodifiableMap} views, taken as they are (see the constructor). */
    private static final Class<?> UNMODIFIABLE_VIEW = Collections.unmodifiableMap(new LinkedHashMap<>()).getClass();

    /**
     * Copies {@code values} in their order, except a map handed as a
     * {@link Collections#unmodifiableMap} view, which is kept as it is: the caller hands over the
     * map under the view and must not change it afterwards (the engine builds one trace per symbol
     * and cycle, and the copy was one of its larger allocations).
     */
    public DecisionTrace {
        Objects.requireNonNull(values, "values");
        if (values.getClass() != UNMODIFIABLE_VIEW) {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }
    }

    public static DecisionTrace empty() {
        return EMPTY;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects trace entries in insertion order. Not thread-safe. */
    public static final class Builder {
        private final Map<String, Object> values = new LinkedHashMap<>();

        public Builder put(String key, double value) {
            values.put(key, value);
            return this;
        }

        public Builder put(String key, long value) {
            values.put(key, value);
            return this;
        }

        public Builder put(String key, boolean value) {
            values.put(key, value);
            return this;
        }

        public Builder put(String key, String value) {
            values.put(key, value);
            return this;
        }

        public Builder put(String key, List<?> value) {
            values.put(key, List.copyOf(value));
            return this;
        }

        public Builder put(String key, DecisionTrace nested) {
            values.put(key, nested.values());
            return this;
        }

        public DecisionTrace build() {
            return new DecisionTrace(values);
        }
    }
}
