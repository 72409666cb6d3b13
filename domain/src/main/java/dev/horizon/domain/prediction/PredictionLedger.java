package dev.horizon.domain.prediction;

import dev.horizon.domain.market.Horizon;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * One model's predictions waiting for their horizon to pass (OPERATIONS cycle step 5).
 *
 * <p>Each cycle the engine {@link #record records} the model's batch — per symbol the raw
 * prediction r̂, the score s, the close C_t and σ_h — and, once per cycle before predicting,
 * {@link #mature matures} what is due: when the bar at the due time t + h ({@link MaturityRule})
 * has closed, the realised return is {@code r = C_{t+h}/C_t − 1} and the prediction goes to the
 * {@link MaturedSink} (the model's IC and stability trackers).
 *
 * <p>Bounded: a prediction whose bar has not appeared by {@code due + grace} is dropped and
 * counted; when the ring is full the oldest prediction is evicted and counted as dropped too. The
 * ring is a set of primitive arrays allocated once. Not thread-safe.
 */
public final class PredictionLedger {

    /** Receives each matured prediction. */
    @FunctionalInterface
    public interface MaturedSink {
        /**
         * @param symbol         universe index of the symbol
         * @param raw            the raw prediction r̂
         * @param score          the standardized score s at prediction time
         * @param realisedReturn {@code C_{t+h}/C_t − 1}
         * @param sigmaH         σ_h at prediction time, 0 when it was unknown
         */
        void matured(int symbol, double raw, double score, double realisedReturn, double sigmaH);
    }

    private final Horizon horizon;
    private final int capacity;
    private final long graceMillis;
    private final MaturityRule rule;

    private final long[] time;
    private final long[] due;
    private final int[] symbol;
    private final double[] raw;
    private final double[] score;
    private final double[] close;
    private final double[] sigma;
    /** Matured or dropped but not yet popped, because an older prediction still waits. */
    private final boolean[] settled;
    private int oldest;
    private int size;
    private int pending;
    private long lastRecordMillis = Long.MIN_VALUE;
    private long matured;
    private long dropped;

    /**
     * @param horizon  the model's horizon h
     * @param capacity the most predictions held, see {@link #capacityFor}
     * @param grace    how long after its due time a prediction waits for its bar
     * @param rule     how t + h is counted (wall-clock or session time)
     */
    public PredictionLedger(Horizon horizon, int capacity, Duration grace, MaturityRule rule) {
        this.horizon = Objects.requireNonNull(horizon, "horizon");
        this.rule = Objects.requireNonNull(rule, "rule");
        if (capacity <= 0) {
            throw new IllegalArgumentException("prediction ledger capacity must be positive, was " + capacity);
        }
        if (grace.isNegative()) {
            throw new IllegalArgumentException("prediction.maturity_grace must be >= 0, was " + grace);
        }
        this.capacity = capacity;
        this.graceMillis = grace.toMillis();
        this.time = new long[capacity];
        this.due = new long[capacity];
        this.symbol = new int[capacity];
        this.raw = new double[capacity];
        this.score = new double[capacity];
        this.close = new double[capacity];
        this.sigma = new double[capacity];
        this.settled = new boolean[capacity];
    }

    /**
     * A capacity that holds every prediction until it matures or is dropped: the cycles in
     * {@code h + grace} plus two, times the symbols per cycle. (Cycles run once per bar and only
     * in session, so session-time horizons need no more.)
     */
    public static int capacityFor(Horizon horizon, Duration grace, int barMinutes, int maxSymbols) {
        if (barMinutes <= 0 || maxSymbols <= 0) {
            throw new IllegalArgumentException("bar minutes (" + barMinutes + ") and symbols (" + maxSymbols
                    + ") must be positive");
        }
        long graceMinutes = (grace.toSeconds() + 59) / 60;
        long cycles = (horizon.minutes() + graceMinutes + barMinutes - 1) / barMinutes + 2;
        long cap = cycles * maxSymbols;
        if (cap > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("prediction ledger for " + horizon + " would hold " + cap + " predictions");
        }
        return (int) cap;
    }

    /**
     * Records one cycle's batch.
     *
     * @param t       cycle time, strictly after the previous batch's
     * @param symbols {@code symbols[i]} = universe index of the batch's i-th symbol
     * @param raws    raw predictions, aligned with the batch
     * @param scores  standardized scores, aligned with the batch
     * @param closes  close C_t, indexed by universe symbol; a symbol without a positive close is not recorded
     * @param sigmaH  σ_h at t for this model's horizon, indexed by universe symbol (non-finite or ≤ 0 = unknown)
     * @param n       the batch size
     * @throws IllegalArgumentException when t does not follow the last batch (a batch recorded twice
     *                                  would count its predictions twice)
     */
    public void record(Instant t, int[] symbols, double[] raws, double[] scores, double[] closes, double[] sigmaH, int n) {
        long tMillis = t.toEpochMilli();
        if (tMillis <= lastRecordMillis) {
            throw new IllegalArgumentException("predictions for " + horizon + " at " + t
                    + " do not follow the last batch at " + Instant.ofEpochMilli(lastRecordMillis));
        }
        long dueMillis = rule.dueTime(t, horizon).toEpochMilli();
        if (dueMillis <= tMillis) {
            throw new IllegalStateException("maturity rule puts " + t + " + " + horizon + " at " + Instant.ofEpochMilli(dueMillis));
        }
        if (size > 0 && dueMillis < due[slot(size - 1)]) {
            throw new IllegalStateException("maturity rule is not monotone: " + t + " + " + horizon + " is due at "
                    + Instant.ofEpochMilli(dueMillis) + ", before an earlier prediction");
        }
        lastRecordMillis = tMillis;
        for (int i = 0; i < n; i++) {
            int u = symbols[i];
            double c = closes[u];
            if (!(c > 0) || !Double.isFinite(c) || !Double.isFinite(raws[i]) || !Double.isFinite(scores[i])) {
                dropped++;
                continue;
            }
            double sg = sigmaH[u];
            append(tMillis, dueMillis, u, raws[i], scores[i], c, sg > 0 && Double.isFinite(sg) ? sg : 0.0);
        }
    }

    /**
     * Matures every prediction whose due time has come and whose bar {@code closes} knows, and
     * drops those whose bar is more than the grace late. Call once per cycle, before predicting.
     *
     * @return the number of predictions matured by this call
     */
    public int mature(Instant now, CloseLookup closes, MaturedSink sink) {
        long nowMillis = now.toEpochMilli();
        int count = 0;
        for (int k = 0; k < size; k++) {
            int j = slot(k);
            if (settled[j]) {
                continue;
            }
            if (due[j] > nowMillis) {
                break; // due times are monotone: nothing later is due either
            }
            double c = closes.closeAt(symbol[j], due[j]);
            if (c > 0 && Double.isFinite(c)) {
                settled[j] = true;
                pending--;
                matured++;
                count++;
                sink.matured(symbol[j], raw[j], score[j], c / close[j] - 1.0, sigma[j]);
            } else if (nowMillis - due[j] > graceMillis) {
                settled[j] = true;
                pending--;
                dropped++;
            }
        }
        while (size > 0 && settled[oldest]) {
            settled[oldest] = false;
            oldest = oldest + 1 == capacity ? 0 : oldest + 1;
            size--;
        }
        return count;
    }

    /** Slots in use: predictions waiting, and settled ones behind an older one that waits. */
    public int size() {
        return size;
    }

    /** Predictions waiting to mature. */
    public int pending() {
        return pending;
    }

    /** The most predictions ever held. */
    public int capacity() {
        return capacity;
    }

    /** Predictions matured since the ledger began (restores included). */
    public long maturedCount() {
        return matured;
    }

    /** Predictions dropped since the ledger began: bar never came, evicted, or unusable when recorded. */
    public long droppedCount() {
        return dropped;
    }

    /** The model's horizon. */
    public Horizon horizon() {
        return horizon;
    }

    /** The pending predictions, oldest first, and the counters. */
    public LedgerSnapshot snapshot() {
        long[] t = new long[pending];
        long[] d = new long[pending];
        int[] sym = new int[pending];
        double[] r = new double[pending];
        double[] s = new double[pending];
        double[] c = new double[pending];
        double[] sg = new double[pending];
        // copy runs of unsettled entries with array copies: settled ones are few (popped from the head
        // eagerly), so a run is usually all of one side of the ring's wrap
        int i = 0;
        int k = 0;
        while (k < size) {
            int j = slot(k);
            if (settled[j]) {
                k++;
                continue;
            }
            int run = 1;
            int limit = Math.min(size - k, capacity - j);
            while (run < limit && !settled[j + run]) {
                run++;
            }
            System.arraycopy(time, j, t, i, run);
            System.arraycopy(due, j, d, i, run);
            System.arraycopy(symbol, j, sym, i, run);
            System.arraycopy(raw, j, r, i, run);
            System.arraycopy(score, j, s, i, run);
            System.arraycopy(close, j, c, i, run);
            System.arraycopy(sigma, j, sg, i, run);
            i += run;
            k += run;
        }
        return LedgerSnapshot.owning(t, d, sym, r, s, c, sg, lastRecordMillis, matured, dropped);
    }

    /**
     * Replaces the contents with {@code snapshot}'s (symbol indices already in this universe, see
     * {@link LedgerSnapshot#remap}). Predictions beyond the capacity are evicted oldest first and
     * counted as dropped.
     */
    public void restore(LedgerSnapshot snapshot) {
        oldest = 0;
        size = 0;
        pending = 0;
        Arrays.fill(settled, false);
        matured = snapshot.matured();
        dropped = snapshot.dropped();
        lastRecordMillis = snapshot.lastRecordMillis();
        long[] t = snapshot.predictionTimesMillis();
        long[] d = snapshot.dueTimesMillis();
        int[] sym = snapshot.symbols();
        double[] r = snapshot.raw();
        double[] s = snapshot.scores();
        double[] c = snapshot.closes();
        double[] sg = snapshot.sigmaH();
        for (int i = 0; i < t.length; i++) {
            if (size > 0 && d[i] < due[slot(size - 1)]) {
                throw new IllegalArgumentException("prediction ledger state: due times are not in order at entry " + i);
            }
            append(t[i], d[i], sym[i], r[i], s[i], c[i], sg[i]);
        }
    }

    private void append(long t, long dueMillis, int u, double r, double s, double c, double sg) {
        int j;
        if (size < capacity) {
            j = slot(size);
            size++;
        } else {
            // full: the oldest gives way; it was waiting (settled ones are popped eagerly) so it counts as dropped
            j = oldest;
            if (!settled[j]) {
                dropped++;
                pending--;
            }
            oldest = oldest + 1 == capacity ? 0 : oldest + 1;
        }
        pending++;
        time[j] = t;
        due[j] = dueMillis;
        symbol[j] = u;
        raw[j] = r;
        score[j] = s;
        close[j] = c;
        sigma[j] = sg;
        settled[j] = false;
    }

    private int slot(int k) {
        // oldest and k are both below capacity: one subtraction instead of a division
        int j = oldest + k;
        return j >= capacity ? j - capacity : j;
    }
}
