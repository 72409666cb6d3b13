package dev.horizon.domain.prediction;

import java.util.Arrays;

/**
 * Standardizes one model's raw predictions over time and across symbols (PIPELINE §1.4).
 *
 * <p>State: a FIFO of the last {@code windowCycles} cycles of raw predictions, all symbols pooled.
 * For a cycle's batch the batch first joins the window; then μ and σ are the mean and
 * <em>population</em> standard deviation of everything in the window, this batch included, and
 * {@code s = clip((r̂ − μ)/σ, −zClip, +zClip)}. Fewer than {@code minObs} pooled values, or
 * {@code σ < 1e-12}, gives {@code s = 0}: warm-up carries no signal (fix: the original returned
 * the raw value, a unit jump).
 *
 * <p>Only return (regression) models are standardized; probability (barrier) models are used raw
 * by the barrier gate. This class does not look at the model kind: the caller decides, from
 * {@link ModelSpec#kind()} ({@link PredictionTrackers} refuses probability models).
 *
 * <p>Symbol order cannot matter, not even in the last bit: each cycle is stored sorted, and its
 * mean and centred sum of squares are computed once, over the sorted values, when it joins the
 * window. μ and σ merge those per-cycle statistics oldest first (the pairwise update of Chan,
 * Golub and LeVeque, as accurate as two passes over the window), so a cycle costs one batch, not
 * a pass over the whole window, and the same values give the same numbers however they arrived.
 *
 * <p>Memory is bounded and allocated once: {@code windowCycles × maxSymbolsPerCycle} values.
 * Not thread-safe: a standardizer belongs to the thread that runs the cycle.
 */
public final class Standardizer {

    /** σ below this is treated as no dispersion at all. */
    public static final double MIN_SIGMA = 1e-12;

    private final int windowCycles;
    private final int maxSymbolsPerCycle;
    private final int minObs;
    private final double zClip;
    /** Cycle slot k holds its values, sorted, in {@code values[k·max, k·max + sizes[k])}. */
    private final double[] values;
    private final int[] sizes;
    /** Per cycle slot: the mean of its values and their centred sum of squares. */
    private final double[] slotMeans;
    private final double[] slotSquares;
    private final DoubleSort sorter;
    private int oldest;
    private int cycles;
    private int pooled;

    /**
     * @param windowCycles       cycles kept ({@code [prediction.z_window_cycles]})
     * @param maxSymbolsPerCycle the largest batch a cycle can bring (the universe size)
     * @param minObs             pooled values needed for a non-zero score ({@code [prediction.z_min_obs]})
     * @param zClip              clip bound ({@code [prediction.z_clip]})
     */
    public Standardizer(int windowCycles, int maxSymbolsPerCycle, int minObs, double zClip) {
        if (windowCycles <= 0 || maxSymbolsPerCycle <= 0 || minObs <= 0) {
            throw new IllegalArgumentException("standardizer: window cycles (" + windowCycles
                    + "), symbols per cycle (" + maxSymbolsPerCycle + ") and minimum observations ("
                    + minObs + ") must all be positive");
        }
        if ((long) windowCycles * maxSymbolsPerCycle > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("standardizer: window of " + windowCycles + " cycles × "
                    + maxSymbolsPerCycle + " symbols is too large");
        }
        if (minObs > windowCycles * maxSymbolsPerCycle) {
            throw new IllegalArgumentException("prediction.z_min_obs (" + minObs + ") can never be reached with "
                    + windowCycles + " cycles of at most " + maxSymbolsPerCycle + " symbols: lower it or widen"
                    + " prediction.z_window_cycles");
        }
        if (!(zClip > 0) || !Double.isFinite(zClip)) {
            throw new IllegalArgumentException("prediction.z_clip must be a positive number, was " + zClip);
        }
        this.windowCycles = windowCycles;
        this.maxSymbolsPerCycle = maxSymbolsPerCycle;
        this.minObs = minObs;
        this.zClip = zClip;
        this.values = new double[windowCycles * maxSymbolsPerCycle];
        this.sizes = new int[windowCycles];
        this.slotMeans = new double[windowCycles];
        this.slotSquares = new double[windowCycles];
        this.sorter = new DoubleSort(maxSymbolsPerCycle);
    }

    /** A standardizer with the standardization parameters of {@code settings}. */
    public static Standardizer of(PredictionSettings settings, int maxSymbolsPerCycle) {
        return new Standardizer(settings.zWindowCycles(), maxSymbolsPerCycle, settings.zMinObs(), settings.zClip());
    }

    /**
     * Adds this cycle's batch to the window and writes the standardized scores.
     *
     * <p>An empty batch ({@code n = 0}) is not a cycle of this model and leaves the window as it is.
     *
     * @param raw the raw predictions {@code raw[0..n)}, finite, in any symbol order
     * @param n   the batch size, at most {@code maxSymbolsPerCycle}
     * @param out receives {@code s[0..n)}, aligned with {@code raw}; may be {@code raw} itself
     * @throws IllegalArgumentException for a batch too large or a non-finite value (the inference
     *                                  stage drops those before)
     */
    public void standardize(double[] raw, int n, double[] out) {
        if (n < 0 || n > maxSymbolsPerCycle || raw.length < n || out.length < n) {
            throw new IllegalArgumentException("standardizer: batch of " + n + " values does not fit (capacity "
                    + maxSymbolsPerCycle + " per cycle, arrays of " + raw.length + " and " + out.length + ")");
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(raw[i])) {
                throw new IllegalArgumentException("standardizer: raw prediction " + i + " is " + raw[i]
                        + "; non-finite outputs must be dropped before standardization");
            }
        }
        if (n == 0) {
            return;
        }
        push(raw, 0, n);
        if (pooled < minObs) {
            Arrays.fill(out, 0, n, 0.0);
            return;
        }
        // Merge the cycles oldest first: n = n_a + n_b, δ = μ_b − μ_a, M2 = M2_a + M2_b + δ²·n_a·n_b/n.
        double mean = 0;
        double squares = 0;
        long count = 0;
        for (int k = 0; k < cycles; k++) {
            int slot = slot(k);
            int size = sizes[slot];
            if (size == 0) {
                continue;
            }
            if (count == 0) {
                mean = slotMeans[slot];
                squares = slotSquares[slot];
                count = size;
                continue;
            }
            long total = count + size;
            double delta = slotMeans[slot] - mean;
            squares += slotSquares[slot] + delta * delta * ((double) count * size / total);
            mean += delta * size / total;
            count = total;
        }
        double sigma = Math.sqrt(squares / pooled);
        if (!(sigma >= MIN_SIGMA)) {
            Arrays.fill(out, 0, n, 0.0);
            return;
        }
        for (int i = 0; i < n; i++) {
            double z = (raw[i] - mean) / sigma;
            out[i] = Math.max(-zClip, Math.min(zClip, z));
        }
    }

    /** Number of cycles in the window. */
    public int cycles() {
        return cycles;
    }

    /** Number of raw values pooled in the window. */
    public int pooledValues() {
        return pooled;
    }

    /** The most values this standardizer can ever hold: window cycles × symbols per cycle. */
    public int capacity() {
        return values.length;
    }

    /** The window, oldest cycle first. */
    public StandardizerSnapshot snapshot() {
        int[] cycleSizes = new int[cycles];
        double[] flat = new double[pooled];
        int at = 0;
        for (int k = 0; k < cycles; k++) {
            int slot = slot(k);
            cycleSizes[k] = sizes[slot];
            System.arraycopy(values, slot * maxSymbolsPerCycle, flat, at, sizes[slot]);
            at += sizes[slot];
        }
        return new StandardizerSnapshot(cycleSizes, flat);
    }

    /**
     * Replaces the window with {@code snapshot}'s. When the snapshot holds more than this
     * standardizer can (a smaller window or universe since it was taken), the newest cycles that
     * fit are kept: a cycle larger than {@code maxSymbolsPerCycle}, and everything older, is left out.
     */
    public void restore(StandardizerSnapshot snapshot) {
        int count = snapshot.cycleCount();
        int first = count;
        while (first > 0 && count - first < windowCycles && snapshot.cycleSize(first - 1) <= maxSymbolsPerCycle) {
            first--;
        }
        int offset = 0;
        for (int k = 0; k < first; k++) {
            offset += snapshot.cycleSize(k);
        }
        oldest = 0;
        cycles = 0;
        pooled = 0;
        double[] flat = snapshot.values();
        for (int k = first; k < count; k++) {
            int size = snapshot.cycleSize(k);
            if (size > 0) {
                push(flat, offset, size);
            }
            offset += size;
        }
    }

    private void push(double[] src, int srcFrom, int n) {
        int slot;
        if (cycles < windowCycles) {
            slot = slot(cycles);
            cycles++;
        } else {
            slot = oldest;
            pooled -= sizes[slot];
            oldest = (oldest + 1) % windowCycles;
        }
        int from = slot * maxSymbolsPerCycle;
        System.arraycopy(src, srcFrom, values, from, n);
        // Sorting makes the stored cycle, and so every sum over the window, independent of symbol order.
        sorter.sortRange(values, from, from + n);
        double sum = 0;
        for (int i = from, end = from + n; i < end; i++) {
            sum += values[i];
        }
        double mean = sum / n;
        double squares = 0;
        for (int i = from, end = from + n; i < end; i++) {
            double d = values[i] - mean;
            squares += d * d;
        }
        slotMeans[slot] = mean;
        slotSquares[slot] = squares;
        sizes[slot] = n;
        pooled += n;
    }

    private int slot(int k) {
        return (oldest + k) % windowCycles;
    }
}
