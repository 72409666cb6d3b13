package dev.horizon.application.engine;

import dev.horizon.domain.state.DecisionTrace;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A symbol's decision trace as the stages fill it in, like {@link DecisionTrace.Builder} but able
 * to hold an immutable map view as a value (the per-model part, see {@link Predictions#trace}), so
 * the engine does not build hundreds of small maps per symbol and cycle that only a reader of the
 * journal ever looks at. Not thread-safe.
 */
final class TraceBuilder {

    private final Map<String, Object> values = new LinkedHashMap<>(32);

    TraceBuilder put(String key, double value) {
        values.put(key, value);
        return this;
    }

    TraceBuilder put(String key, String value) {
        values.put(key, value);
        return this;
    }

    TraceBuilder put(String key, DecisionTrace nested) {
        values.put(key, nested.values());
        return this;
    }

    /** An immutable map of trace values (numbers, strings, booleans, lists or maps of the same). */
    TraceBuilder put(String key, Map<String, Object> nested) {
        values.put(key, nested);
        return this;
    }

    DecisionTrace build() {
        return new DecisionTrace(values);
    }
}
