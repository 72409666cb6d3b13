package dev.horizon.domain.state;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything needed to explain a decision after the fact — σ, spread, per-model raw/z/confidence,
 * per-horizon α, costs and scores, gate factor, sizing steps — as an ordered tree of named values.
 *
 * <p>Values are {@link Number}, {@link String}, {@link Boolean}, {@code List} or a nested
 * {@code Map} of the same, so any journal can serialise a trace without knowing the stages.
 */
public record DecisionTrace(Map<String, Object> values) {

    private static final DecisionTrace EMPTY = new DecisionTrace(Map.of());

    /**
     * Copies {@code values} in their order, except the map a {@link Builder} hands over, which no
     * one can change any more (the engine builds one trace per symbol and cycle, and the copy was
     * one of its larger allocations).
     */
    public DecisionTrace {
        Objects.requireNonNull(values, "values");
        if (!(values instanceof Built)) {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }
    }

    public static DecisionTrace empty() {
        return EMPTY;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Collects trace entries in insertion order. {@link #build} hands its map to the trace without
     * a copy; a later {@code put} continues on a copy, so a built trace never changes. Not
     * thread-safe.
     */
    public static final class Builder {
        private Map<String, Object> values = new LinkedHashMap<>();
        private boolean handedOver;

        public Builder put(String key, double value) {
            return putValue(key, value);
        }

        public Builder put(String key, long value) {
            return putValue(key, value);
        }

        public Builder put(String key, boolean value) {
            return putValue(key, value);
        }

        public Builder put(String key, String value) {
            return putValue(key, value);
        }

        public Builder put(String key, List<?> value) {
            return putValue(key, List.copyOf(value));
        }

        public Builder put(String key, DecisionTrace nested) {
            return putValue(key, nested.values());
        }

        /**
         * A nested map of trace values, kept as it is: it must be immutable (a view over values
         * that never change, or a map computed when first read).
         */
        public Builder put(String key, Map<String, Object> nested) {
            return putValue(key, nested);
        }

        public DecisionTrace build() {
            handedOver = true;
            return new DecisionTrace(new Built(values));
        }

        private Builder putValue(String key, Object value) {
            if (handedOver) {
                values = new LinkedHashMap<>(values);
                handedOver = false;
            }
            values.put(key, value);
            return this;
        }
    }

    /** A builder's map, read-only, that its builder no longer writes. */
    private static final class Built extends AbstractMap<String, Object> {
        private final Map<String, Object> values;

        Built(Map<String, Object> values) {
            this.values = Collections.unmodifiableMap(values);
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return values.entrySet();
        }

        @Override
        public Object get(Object key) {
            return values.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return values.containsKey(key);
        }

        @Override
        public int size() {
            return values.size();
        }
    }
}
