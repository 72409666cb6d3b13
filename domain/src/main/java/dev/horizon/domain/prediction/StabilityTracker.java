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
    private final double[] scores;
    private final double[] realisedZ;
    private int oldest;
    private int size;

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
        this.scores = new double[window];
        this.realisedZ = new double[window];
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
        put(score, z);
        return true;
    }

    /**
     * The stability factor in [0, 1] for a model whose current IC is {@code ic} (the shrunk IC,
     * {@link IcTracker#ic()}).
     */
    public double stability(double ic) {
        if (size < minObs) {
            return 1.0;
        }
        double model = 0;
        double naive = 0;
        for (int k = 0; k < size; k++) {
            int slot = (oldest + k) % window;
            double e = ic * scores[slot] - realisedZ[slot];
            model += e * e;
            naive += realisedZ[slot] * realisedZ[slot];
        }
        if (model == 0) {
            return 1.0;
        }
        // both RMSEs divide by the same n, which cancels in the ratio
        return Math.min(1.0, Math.sqrt(naive / model));
    }

    /** Number of matured predictions held. */
    public int size() {
        return size;
    }

    /** The most matured predictions ever held. */
    public int capacity() {
        return window;
    }

    /** The matured predictions held, oldest first. */
    public StabilitySnapshot snapshot() {
        double[] s = new double[size];
        double[] z = new double[size];
        for (int k = 0; k < size; k++) {
            int slot = (oldest + k) % window;
            s[k] = scores[slot];
            z[k] = realisedZ[slot];
        }
        return new StabilitySnapshot(s, z);
    }

    /** Replaces the contents with {@code snapshot}'s; when it holds more than the window, the newest are kept. */
    public void restore(StabilitySnapshot snapshot) {
        double[] s = snapshot.scores();
        double[] z = snapshot.realisedZ();
        oldest = 0;
        size = 0;
        for (int k = Math.max(0, s.length - window); k < s.length; k++) {
            put(s[k], Math.max(-Z_CLIP, Math.min(Z_CLIP, z[k])));
        }
    }

    private void put(double score, double z) {
        int slot;
        if (size < window) {
            slot = (oldest + size) % window;
            size++;
        } else {
            slot = oldest;
            oldest = (oldest + 1) % window;
        }
        scores[slot] = score;
        realisedZ[slot] = z;
    }
}
