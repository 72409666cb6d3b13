package dev.horizon.domain.prediction;

/**
 * Whether a model is still calibrated (PIPELINE §1.5, stability factor).
 *
 * <p>Over the last {@code window} matured predictions, with {@code z_r = clip(r/σ_h, ±3)} (σ_h
 * as it was at prediction time): {@code RMSE_model} = RMSE of {@code IC·s − z_r} (the IC-scaled
 * forecast), {@code RMSE_naive} = RMSE of {@code 0 − z_r}, and
 * {@code stability = min(1, RMSE_naive / RMSE_model)}. A model doing what its IC promises scores
 * 1; one whose recent errors exceed the naive forecast's is scaled down.
 *
 * <p>Edge cases: fewer than {@code minObs} matured → 1 (no evidence either way);
 * {@code RMSE_model = 0} → 1 (the forecast was exact, it cannot be beaten).
 *
 * <p>Memory is the window, allocated at construction. Not thread-safe.
 */
public final class StabilityTracker {

    /** Realised returns are clipped to ±this many σ_h, like the scores they are compared with. */
    public static final double Z_CLIP = 3.0;

    private final int window;
    private final int minObs;
    /** (score, realised z) pairs; {@code scores} and {@code realisedZ} are its arrays. */
    private final PairWindow pairs;
    private final double[] scores;
    private final double[] realisedZ;

    /**
     * @param window matured predictions kept (50)
     * @param minObs matured predictions needed before stability is measured (10)
     */
    public StabilityTracker(int window, int minObs) {
        if (window <= 0 || minObs <= 0 || minObs > window) {
            throw new IllegalArgumentException("stability window (" + window + ") and minimum ("
                    + minObs + ") must be positive with minimum <= window");
        }
        this.window = window;
        this.minObs = minObs;
        this.pairs = new PairWindow(window);
        this.scores = pairs.first;
        this.realisedZ = pairs.second;
    }

    /** A tracker with the stability parameters of {@code settings}. */
    public static StabilityTracker of(PredictionSettings settings) {
        return new StabilityTracker(settings.stabilityWindow(), settings.stabilityMinObs());
    }

    /**
     * Adds one matured prediction. A σ_h that is not finite and positive, or a non-finite return
     * or score, cannot be put in σ units: the prediction is skipped and {@code false} returned.
     *
     * @param score          the standardized score s at prediction time
     * @param realisedReturn r = C_{t+h}/C_t − 1
     * @param sigmaH         σ_h of the symbol at prediction time (decimal return over h)
     * @return whether the prediction was added
     */
    public boolean add(double score, double realisedReturn, double sigmaH) {
        if (!Double.isFinite(score) || !Double.isFinite(realisedReturn) || !(sigmaH > 0) || !Double.isFinite(sigmaH)) {
            return false;
        }
        double z = Math.max(-Z_CLIP, Math.min(Z_CLIP, realisedReturn / sigmaH));
        pairs.push(score, z);
        return true;
    }

    /**
     * The stability factor in [0, 1] for a model whose current IC is {@code ic} (the shrunk IC,
     * {@link IcTracker#ic()}).
     */
    public double stability(double ic) {
        int size = pairs.size();
        if (size < minObs) {
            return 1.0;
        }
        double model = 0;
        double naive = 0;
        // oldest first: the sums' rounding depends on their order, and a restored tracker must agree
        int slot = pairs.oldest();
        for (int k = 0; k < size; k++) {
            double e = ic * scores[slot] - realisedZ[slot];
            model += e * e;
            naive += realisedZ[slot] * realisedZ[slot];
            if (++slot == window) {
                slot = 0;
            }
        }
        if (model == 0) {
            return 1.0;
        }
        // both RMSEs divide by the same n, which cancels in the ratio
        return Math.min(1.0, Math.sqrt(naive / model));
    }

    /** Number of matured predictions held. */
    public int size() {
        return pairs.size();
    }

    /** The most matured predictions ever held. */
    public int capacity() {
        return window;
    }

    /** The matured predictions held, oldest first. */
    public StabilitySnapshot snapshot() {
        return new StabilitySnapshot(pairs.firstOldestFirst(), pairs.secondOldestFirst());
    }

    /** Replaces the contents with {@code snapshot}'s; when it holds more than the window, the newest are kept. */
    public void restore(StabilitySnapshot snapshot) {
        pairs.restore(snapshot.scores(), snapshot.realisedZ(),
                (s, z) -> pairs.push(s, Math.max(-Z_CLIP, Math.min(Z_CLIP, z))));
    }
}
