package dev.horizon.domain.prediction;

import dev.horizon.domain.market.Symbol;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The engine's one handle on prediction state: a {@link ModelTracker} per return model, keyed by
 * model id, plus maturation of all of them and the persisted {@link PredictionState}.
 *
 * <p>Only return ({@link ModelKind#REGRESSION}) models are tracked. Probability (barrier) models
 * are not standardized, carry no IC and no confidence: the barrier gate uses their raw
 * probabilities. The engine skips them by {@link ModelSpec#kind()}; handing one to this class is
 * a programming error and is refused.
 *
 * <p>Symbols are universe indices everywhere (the order of {@code universe}). Not thread-safe.
 */
public final class PredictionTrackers {

    private final List<Symbol> universe;
    private final Map<String, ModelTracker> models;

    /**
     * @param settings   the {@code [prediction.*]} parameters
     * @param universe   the symbols, in the index order used by every batch
     * @param barMinutes the engine's bar interval in minutes (sizes the ledgers)
     * @param rule       how t + h is counted, e.g. {@link MaturityRule#sessionTime}
     * @param specs      the return models
     */
    public PredictionTrackers(PredictionSettings settings, List<Symbol> universe, int barMinutes, MaturityRule rule,
                              Collection<ModelSpec> specs) {
        Objects.requireNonNull(settings, "settings");
        this.universe = List.copyOf(universe);
        if (this.universe.isEmpty()) {
            throw new IllegalArgumentException("prediction trackers need at least one symbol in the universe");
        }
        TreeMap<String, ModelTracker> byId = new TreeMap<>();
        // the models of one horizon mature the same pairs' realised returns: they share the ranking
        Map<Integer, IcTracker.Peers> peersByHorizon = new HashMap<>();
        for (ModelSpec spec : specs) {
            if (spec.kind() != ModelKind.REGRESSION) {
                throw new IllegalArgumentException("model " + spec.id() + " is a " + spec.kind()
                        + " model: only return models are standardized and tracked");
            }
            int n = this.universe.size();
            PredictionLedger ledger = new PredictionLedger(spec.horizon(),
                    PredictionLedger.capacityFor(spec.horizon(), settings.maturityGrace(), barMinutes, n),
                    settings.maturityGrace(), rule);
            ModelTracker tracker = new ModelTracker(spec, Standardizer.of(settings, n), IcTracker.of(spec, settings,
                            peersByHorizon.computeIfAbsent(spec.horizon().minutes(), h -> new IcTracker.Peers())),
                    StabilityTracker.of(settings), ledger);
            if (byId.put(spec.id(), tracker) != null) {
                throw new IllegalArgumentException("two models share the id " + spec.id());
            }
        }
        this.models = Collections.unmodifiableSortedMap(byId);
    }

    /**
     * The tracker of model {@code id}.
     *
     * @throws IllegalArgumentException for an id that is not a tracked return model
     */
    public ModelTracker model(String id) {
        ModelTracker tracker = models.get(id);
        if (tracker == null) {
            throw new IllegalArgumentException("no tracked return model with id " + id);
        }
        return tracker;
    }

    /** Every tracker, by model id (sorted). */
    public Map<String, ModelTracker> models() {
        return models;
    }

    /** The universe, in index order. */
    public List<Symbol> universe() {
        return universe;
    }

    /**
     * Matures every model's due predictions (OPERATIONS cycle step 5). Call once per cycle,
     * before the models predict, with the bars of this cycle visible through {@code closes}.
     */
    public Maturation mature(Instant now, CloseLookup closes) {
        int matured = 0;
        long droppedBefore = 0;
        long droppedAfter = 0;
        for (ModelTracker tracker : models.values()) {
            droppedBefore += tracker.ledger().droppedCount();
            matured += tracker.mature(now, closes);
            droppedAfter += tracker.ledger().droppedCount();
        }
        return new Maturation(matured, droppedAfter - droppedBefore);
    }

    /** Every model's state, for the state store. */
    public PredictionState snapshot() {
        List<String> names = universe.stream().map(Symbol::value).toList();
        TreeMap<String, ModelSnapshot> snapshots = new TreeMap<>();
        models.forEach((id, tracker) -> snapshots.put(id, tracker.snapshot()));
        return new PredictionState(names, snapshots);
    }

    /**
     * Replaces every model's state with {@code state}'s. A model without a snapshot starts empty; a
     * snapshot of a model no longer configured is ignored; pending predictions of symbols that
     * left the universe are forgotten.
     */
    public void restore(PredictionState state) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < universe.size(); i++) {
            index.put(universe.get(i).value(), i);
        }
        int[] oldToNew = new int[state.universe().size()];
        for (int i = 0; i < oldToNew.length; i++) {
            oldToNew[i] = index.getOrDefault(state.universe().get(i), -1);
        }
        models.forEach((id, tracker) -> {
            ModelSnapshot snapshot = state.models().getOrDefault(id, ModelSnapshot.empty());
            tracker.restore(new ModelSnapshot(snapshot.standardizer(), snapshot.ic(), snapshot.stability(),
                    snapshot.ledger().remap(oldToNew)));
        });
    }
}
