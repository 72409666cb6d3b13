package dev.horizon.application.engine;

import dev.horizon.domain.state.DecisionTrace;
import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A nested part of a decision trace built the first time it is read, from an immutable source
 * (an {@code Arbitration}, a {@code SizingResult}): the stages compute their numbers every cycle
 * for every symbol, but only a journal or a report ever turns them into maps. Safe to read from
 * any thread; the supplier must be pure.
 */
final class LazyTrace extends AbstractMap<String, Object> {

    private final Supplier<DecisionTrace> source;
    private volatile Map<String, Object> values;

    LazyTrace(Supplier<DecisionTrace> source) {
        this.source = source;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        Map<String, Object> built = values;
        if (built == null) {
            built = source.get().values();
            values = built;
        }
        return built.entrySet();
    }
}
