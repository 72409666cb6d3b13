package dev.horizon.application.engine;

import dev.horizon.domain.state.DecisionTrace;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A symbol's decision trace as the stages fill it in, like {@link DecisionTrace.Builder} but able
 * to hold immutable map views as values (the per-model part, see {@link Predictions#trace}, and
 * the nested traces of the arbitration and sizing, see {@link #putLazy}), so the engine does not
 * build dozens of small maps per symbol and cycle that only a reader of the journal ever looks at.
 * Not thread-safe.
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

    /** A nested trace built from an immutable source only when the trace is read, see {@link LazyTrace}. */
    TraceBuilder putLazy(String key, Supplier<DecisionTrace> nested) {
        values.put(key, new LazyTrace(nested));
        return this;
    }

    /**
     * The trace, over this builder's own map (no copy, see {@link DecisionTrace}): build once, at
     * the end of the cycle, and put nothing afterwards.
     */
    DecisionTrace build() {
        return new DecisionTrace(Collections.unmodifiableMap(values));
    }
}
