package dev.horizon.domain.prediction;

import java.time.Instant;
import java.util.Objects;

/**
 * The state one return model carries between cycles: its {@link Standardizer}, {@link IcTracker},
 * {@link StabilityTracker} and {@link PredictionLedger}, wired so that matured predictions feed the
 * IC (raw prediction vs realised return) and the stability factor (score vs realised return in σ_h).
 *
 * <p>Per cycle, for this model: {@link #standardize}, then {@link #record} the batch, then
 * {@link #quality()} for the confidence; maturation runs for all models before, through
 * {@link PredictionTrackers#mature}. Not thread-safe.
 */
public final class ModelTracker {

    private final ModelSpec spec;
    private final Standardizer standardizer;
    private final IcTracker ic;
    private final StabilityTracker stability;
    private final PredictionLedger ledger;
    private final PredictionLedger.MaturedSink sink = this::onMatured;

    /**
     * @param spec    a return (regression) model
     * @param ledger  the model's ledger, at the model's horizon
     */
    public ModelTracker(ModelSpec spec, Standardizer standardizer, IcTracker ic, StabilityTracker stability,
                        PredictionLedger ledger) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.standardizer = Objects.requireNonNull(standardizer, "standardizer");
        this.ic = Objects.requireNonNull(ic, "ic");
        this.stability = Objects.requireNonNull(stability, "stability");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        if (!ledger.horizon().equals(spec.horizon())) {
            throw new IllegalArgumentException("model " + spec.id() + " predicts " + spec.horizon()
                    + " but its ledger matures at " + ledger.horizon());
        }
    }

    /** Standardizes this cycle's raw predictions, see {@link Standardizer#standardize}. */
    public void standardize(double[] raw, int n, double[] out) {
        standardizer.standardize(raw, n, out);
    }

    /** Records this cycle's batch for maturation, see {@link PredictionLedger#record}. */
    public void record(Instant t, int[] symbols, double[] raw, double[] scores, double[] closes, double[] sigmaH, int n) {
        ledger.record(t, symbols, raw, scores, closes, sigmaH, n);
    }

    /** Matures what is due and feeds the trackers; returns the number matured. */
    public int mature(Instant now, CloseLookup closes) {
        return ledger.mature(now, closes, sink);
    }

    /** The IC and stability as of now (the Spearman sort runs at most once per change). */
    public ModelQuality quality() {
        double current = ic.ic();
        return new ModelQuality(current, stability.stability(current));
    }

    public ModelSpec spec() {
        return spec;
    }

    public Standardizer standardizer() {
        return standardizer;
    }

    public IcTracker icTracker() {
        return ic;
    }

    public StabilityTracker stabilityTracker() {
        return stability;
    }

    public PredictionLedger ledger() {
        return ledger;
    }

    /** Everything this model remembers. */
    public ModelSnapshot snapshot() {
        return new ModelSnapshot(standardizer.snapshot(), ic.snapshot(), stability.snapshot(), ledger.snapshot());
    }

    /** Replaces everything this model remembers; ledger symbols must already be in this universe. */
    public void restore(ModelSnapshot snapshot) {
        standardizer.restore(snapshot.standardizer());
        ic.restore(snapshot.ic());
        stability.restore(snapshot.stability());
        ledger.restore(snapshot.ledger());
    }

    private void onMatured(int symbol, double raw, double score, double realisedReturn, double sigmaH) {
        ic.add(raw, realisedReturn);
        stability.add(score, realisedReturn, sigmaH);
    }
}
