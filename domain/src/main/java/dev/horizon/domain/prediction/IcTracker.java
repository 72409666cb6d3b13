package dev.horizon.domain.prediction;

import java.util.Arrays;

/**
 * A model's information coefficient from its own matured predictions (PIPELINE §1.5; fix: the
 * original never fed realised returns back, so its IC stayed 0).
 *
 * <p>Keeps the last {@code window} matured (prediction, realised return) pairs, pooled across
 * symbols. {@code IC_online} is their Spearman rank correlation (average ranks for ties; constant
 * input, or fewer than two pairs → 0). It is shrunk toward the prior by {@code n0}
 * pseudo-observations: {@code IC = (n·IC_online + n0·IC_prior)/(n + n0)}, and {@code IC⁺ = max(IC, 0)}.
 *
 * <p>Spearman needs both sides ranked. Each side is kept in value order between cycles
 * ({@link SlotRanks}), so a cycle sorts only the pairs that matured since the last one and merges
 * them in; it is computed at most once between two changes of the window (cached), so once per
 * cycle per model. Memory is the window, allocated at construction.
 *
 * <p>Models of one horizon mature the same symbols at the same times, so their realised sides
 * are usually identical: trackers created with the same {@link Peers} take the realised ranks from
 * the last peer that ranked an identical realised window (checked value for value) instead of
 * ranking them again. The result is the same number; only the work is shared.
 * Not thread-safe (peers included: they belong to one thread).
 */
public final class IcTracker {

    private final int window;
    private final double priorWeight;
    private final double prior;
    /** (prediction, realised return) pairs; {@code predictions} and {@code realised} are its arrays. */
    private final PairWindow pairs;
    private final double[] predictions;
    private final double[] realised;

    // the ranks of each side, kept sorted between cycles; allocated once
    private final SlotRanks predictionRanks;
    private final SlotRanks realisedRanks;
    private boolean cached;
    private double onlineIc;
    private final Peers peers;

    /**
     * Trackers whose realised sides are usually identical (the models of one horizon): remembers
     * the last of them that ranked its realised window. Not thread-safe.
     */
    static final class Peers {
        private IcTracker lastRanked;
    }

    /**
     * @param window      pairs kept ({@code [prediction.ic_window]})
     * @param priorWeight n0 ({@code [prediction.ic_prior_weight]}), ≥ 0
     * @param prior       IC_prior, see {@link #priorOf(ModelSpec, double)}
     */
    public IcTracker(int window, double priorWeight, double prior) {
        this(window, priorWeight, prior, null);
    }

    /** As {@link #IcTracker(int, double, double)}, sharing realised ranks with {@code peers} (null: none). */
    IcTracker(int window, double priorWeight, double prior, Peers peers) {
        if (window <= 0) {
            throw new IllegalArgumentException("prediction.ic_window must be positive, was " + window);
        }
        if (!(priorWeight >= 0) || !Double.isFinite(priorWeight)) {
            throw new IllegalArgumentException("prediction.ic_prior_weight must be >= 0, was " + priorWeight);
        }
        if (!(prior >= -1 && prior <= 1)) {
            throw new IllegalArgumentException("prior IC must be in [-1, 1], was " + prior);
        }
        this.window = window;
        this.priorWeight = priorWeight;
        this.prior = prior;
        this.pairs = new PairWindow(window);
        this.predictions = pairs.first;
        this.realised = pairs.second;
        this.predictionRanks = new SlotRanks(window);
        this.realisedRanks = new SlotRanks(window);
        this.peers = peers;
    }

    /** A tracker for {@code spec} with the IC parameters of {@code settings}. */
    public static IcTracker of(ModelSpec spec, PredictionSettings settings) {
        return of(spec, settings, null);
    }

    /** As {@link #of(ModelSpec, PredictionSettings)}, sharing realised ranks with {@code peers}. */
    static IcTracker of(ModelSpec spec, PredictionSettings settings, Peers peers) {
        return new IcTracker(settings.icWindow(), settings.icPriorWeight(), priorOf(spec, settings.icPrior()), peers);
    }

    /**
     * IC_prior: the training IC from the model's metadata when it is finite (and a correlation),
     * otherwise {@code defaultPrior} ({@code [prediction.ic_prior]}).
     */
    public static double priorOf(ModelSpec spec, double defaultPrior) {
        double trainingIc = spec.trainingIc();
        return Double.isFinite(trainingIc) && trainingIc >= -1 && trainingIc <= 1 ? trainingIc : defaultPrior;
    }

    /**
     * Adds one matured pair, evicting the oldest when the window is full.
     *
     * @throws IllegalArgumentException if either value is not finite
     */
    public void add(double prediction, double realisedReturn) {
        if (!Double.isFinite(prediction) || !Double.isFinite(realisedReturn)) {
            throw new IllegalArgumentException("IC pair must be finite, was (" + prediction + ", " + realisedReturn + ")");
        }
        int slot = pairs.push(prediction, realisedReturn);
        predictionRanks.written(slot);
        realisedRanks.written(slot);
        cached = false;
    }

    /** The shrunk IC, {@code (n·IC_online + n0·IC_prior)/(n + n0)}; the prior when there is nothing to shrink. */
    public double ic() {
        double n = pairs.size();
        if (n + priorWeight == 0) {
            return prior;
        }
        return (n * onlineIc() + priorWeight * prior) / (n + priorWeight);
    }

    /** {@code IC⁺ = max(IC, 0)}, the factor of the confidence. */
    public double icPlus() {
        return Math.max(ic(), 0.0);
    }

    /** Spearman rank correlation of the pairs held; 0 for fewer than two pairs or a constant side. */
    public double onlineIc() {
        if (!cached) {
            onlineIc = spearman();
            cached = true;
        }
        return onlineIc;
    }

    /** IC_prior used by this tracker. */
    public double prior() {
        return prior;
    }

    /** Number of pairs held. */
    public int size() {
        return pairs.size();
    }

    /** The most pairs ever held. */
    public int capacity() {
        return window;
    }

    /** The pairs held, oldest first. */
    public IcSnapshot snapshot() {
        return new IcSnapshot(pairs.firstOldestFirst(), pairs.secondOldestFirst());
    }

    /** Replaces the pairs with {@code snapshot}'s; when it holds more than the window, the newest are kept. */
    public void restore(IcSnapshot snapshot) {
        cached = false;
        predictionRanks.clear();
        realisedRanks.clear();
        pairs.restore(snapshot.predictions(), snapshot.realised(), this::add);
    }

    /** The realised side's doubled ranks: a peer's when it ranked the same window, else our own. */
    private int[] realisedRanks() {
        if (peers == null) {
            return realisedRanks.doubledRanks(realised);
        }
        IcTracker peer = peers.lastRanked;
        if (peer != null && peer != this && peer.realisedRanks.upToDate() && sameRealised(peer)) {
            realisedRanks.copyFrom(peer.realisedRanks);
            return realisedRanks.currentDoubledRanks();
        }
        int[] ranks = realisedRanks.doubledRanks(realised);
        peers.lastRanked = this;
        return ranks;
    }

    /** Whether {@code peer} holds the same realised returns in the same slots. */
    private boolean sameRealised(IcTracker peer) {
        int oldest = pairs.oldest();
        int size = pairs.size();
        if (peer.window != window || peer.pairs.size() != size || peer.pairs.oldest() != oldest) {
            return false;
        }
        int end = oldest + size;
        if (end <= window) {
            return Arrays.equals(realised, oldest, end, peer.realised, oldest, end);
        }
        return Arrays.equals(realised, oldest, window, peer.realised, oldest, window)
                && Arrays.equals(realised, 0, end - window, peer.realised, 0, end - window);
    }

    private double spearman() {
        int n = pairs.size();
        if (n < 2) {
            return 0.0;
        }
        // twice the ranks, centred on twice their mean: every sum below is exact in a long
        int[] rx = predictionRanks.doubledRanks(predictions);
        long sxx4 = predictionRanks.centredSquares();
        int[] ry = realisedRanks();
        long syy4 = realisedRanks.centredSquares();
        if (sxx4 == 0 || syy4 == 0) {
            return 0.0;
        }
        int centre = n + 1;
        long sxy4 = 0;
        int slot = pairs.oldest();
        for (int k = 0; k < n; k++) {
            sxy4 += (long) (rx[slot] - centre) * (ry[slot] - centre);
            if (++slot == window) {
                slot = 0;
            }
        }
        // the same exact sums as of the ranks themselves (quarters, far below 2^53)
        double sxy = sxy4 / 4.0;
        double sxx = sxx4 / 4.0;
        double syy = syy4 / 4.0;
        double rho = sxy / Math.sqrt(sxx * syy);
        return Math.max(-1.0, Math.min(1.0, rho));
    }
}
