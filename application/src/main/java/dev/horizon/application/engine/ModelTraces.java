package dev.horizon.application.engine;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The per-model part of one symbol's decision trace — per model that saw the symbol its raw
 * prediction, score and confidence ({@code raw}, {@code z}, {@code c}), or
 * {@code features_incomplete} — as an immutable map over the cycle's prediction arrays. The
 * entries are built the first time the map is read (by a journal that serialises the decision,
 * a report, a test); a cycle whose decisions are never read never builds them.
 *
 * <p>The arrays belong to one cycle's {@link Predictions} and are never written after the cycle,
 * so the view is immutable. Safe to read from any thread.
 */
final class ModelTraces extends AbstractMap<String, Object> {

    /** Marks a symbol a model could not predict because an input was missing. */
    static final double INCOMPLETE = Double.NEGATIVE_INFINITY;

    private final List<String> ids;
    private final double[][] raw;
    private final double[][] scores;
    private final double[][] confidence;
    private final int symbol;
    private volatile Map<String, Object> entries;

    ModelTraces(List<String> ids, double[][] raw, double[][] scores, double[][] confidence, int symbol) {
        this.ids = ids;
        this.raw = raw;
        this.scores = scores;
        this.confidence = confidence;
        this.symbol = symbol;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        Map<String, Object> built = entries;
        if (built == null) {
            built = build();
            entries = built;
        }
        return built.entrySet();
    }

    private Map<String, Object> build() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int m = 0; m < ids.size(); m++) {
            double r = raw[m][symbol];
            if (r == INCOMPLETE) {
                out.put(ids.get(m), "features_incomplete");
            } else if (!Double.isNaN(r)) {
                Map<String, Object> model = new LinkedHashMap<>(4);
                model.put("raw", r);
                if (!Double.isNaN(scores[m][symbol])) {
                    model.put("z", scores[m][symbol]);
                    model.put("c", confidence[m][symbol]);
                }
                out.put(ids.get(m), Collections.unmodifiableMap(model));
            }
        }
        return Collections.unmodifiableMap(out);
    }
}
