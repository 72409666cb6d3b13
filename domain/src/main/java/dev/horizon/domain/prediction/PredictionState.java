package dev.horizon.domain.prediction;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The persisted state of every model's prediction trackers (OPERATIONS "State and recovery"):
 * standardizer windows, IC and stability windows, and the predictions waiting to mature, so that
 * a restart keeps its confidence (fix).
 *
 * <p>Ledger symbol indices refer to {@code universe}, the symbols in the order the engine used
 * when the state was taken; a restart with another universe translates them by name.
 *
 * @param universe the universe's symbols (tickers), in index order
 * @param models   each model's snapshot by model id, sorted by id so it serialises the same way every time
 */
public record PredictionState(List<String> universe, Map<String, ModelSnapshot> models) {

    private static final PredictionState EMPTY = new PredictionState(List.of(), Map.of());

    /** Missing parts read as empty. */
    public PredictionState {
        universe = universe == null ? List.of() : List.copyOf(universe);
        TreeMap<String, ModelSnapshot> sorted = new TreeMap<>();
        if (models != null) {
            for (Map.Entry<String, ModelSnapshot> e : models.entrySet()) {
                if (e.getKey() == null) {
                    throw new IllegalArgumentException("prediction state: a model snapshot has no model id");
                }
                ModelSnapshot model = e.getValue() == null ? ModelSnapshot.empty() : e.getValue();
                // without copying the ledger's symbols: a checkpoint holds hundreds of thousands
                int outside = model.ledger().firstSymbolOutside(universe.size());
                if (outside >= 0) {
                    throw new IllegalArgumentException("prediction state of model " + e.getKey() + ": symbol index "
                            + model.ledger().symbols()[outside] + " outside the universe of " + universe.size() + " symbols");
                }
                sorted.put(e.getKey(), model);
            }
        }
        models = Collections.unmodifiableSortedMap(sorted);
    }

    /** No state: a first start. */
    public static PredictionState empty() {
        return EMPTY;
    }
}
