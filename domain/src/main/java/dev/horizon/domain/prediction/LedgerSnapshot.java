package dev.horizon.domain.prediction;

import java.util.Arrays;

/**
 * The predictions of one model still waiting to mature, oldest first, and the ledger's counters.
 * All arrays have one entry per pending prediction; times are epoch milliseconds. Immutable: the
 * constructor copies the arrays it is given and the accessors return copies.
 *
 * <p>A final class rather than a record, with the record's accessors, equality and persisted
 * shape (the persistence adapter binds it through a mix-in), so that the ledger's checkpoint can
 * hand over arrays it has just built without a second copy ({@code owning}).
 *
 * <p>Components:
 * predictionTimesMillis cycle time t of each prediction
 * dueTimesMillis        close time of the bar it matures on ({@link MaturityRule})
 * symbols               universe index of the symbol (see {@link PredictionState#universe()})
 * raw                   raw prediction r̂
 * scores                standardized score s
 * closes                close C_t at prediction time, positive
 * sigmaH                σ_h at prediction time; 0 when it was unknown
 * lastRecordMillis      cycle time of the last batch recorded, {@link Long#MIN_VALUE} for none
 * matured               predictions matured since the ledger began
 * dropped               predictions dropped since the ledger began (no bar in time, or evicted)
 */
public final class LedgerSnapshot {

    private static final LedgerSnapshot EMPTY = new LedgerSnapshot(null, null, null, null, null, null, null,
            Long.MIN_VALUE, 0, 0);

    private final long[] predictionTimesMillis;
    private final long[] dueTimesMillis;
    private final int[] symbols;
    private final double[] raw;
    private final double[] scores;
    private final double[] closes;
    private final double[] sigmaH;
    private final long lastRecordMillis;
    private final long matured;
    private final long dropped;

    /**
     * A snapshot of copies of the given arrays (the caller keeps its own). A missing array (an
     * older state file) reads as empty.
     */
    public LedgerSnapshot(long[] predictionTimesMillis, long[] dueTimesMillis, int[] symbols, double[] raw,
                          double[] scores, double[] closes, double[] sigmaH, long lastRecordMillis,
                          long matured, long dropped) {
        this(copy(predictionTimesMillis), copy(dueTimesMillis), copy(symbols), copy(raw), copy(scores),
                copy(closes), copy(sigmaH), lastRecordMillis, matured, dropped, true);
    }

    /**
     * Takes ownership of the arrays, no copy: for the ledger's checkpoint, which builds them afresh
     * for this snapshot alone (a copy here was the second copy of every 1d ledger at each
     * checkpoint). Same checks as the public constructor.
     */
    static LedgerSnapshot owning(long[] predictionTimesMillis, long[] dueTimesMillis, int[] symbols, double[] raw,
                                 double[] scores, double[] closes, double[] sigmaH, long lastRecordMillis,
                                 long matured, long dropped) {
        return new LedgerSnapshot(predictionTimesMillis, dueTimesMillis, symbols, raw, scores, closes, sigmaH,
                lastRecordMillis, matured, dropped, true);
    }

    // owned: only tells this constructor apart from the public one
    private LedgerSnapshot(long[] predictionTimesMillis, long[] dueTimesMillis, int[] symbols, double[] raw,
                           double[] scores, double[] closes, double[] sigmaH, long lastRecordMillis,
                           long matured, long dropped, boolean owned) {
        predictionTimesMillis = predictionTimesMillis == null ? new long[0] : predictionTimesMillis;
        int n = predictionTimesMillis.length;
        dueTimesMillis = dueTimesMillis == null ? new long[0] : dueTimesMillis;
        symbols = symbols == null ? new int[0] : symbols;
        raw = raw == null ? new double[0] : raw;
        scores = scores == null ? new double[0] : scores;
        closes = closes == null ? new double[0] : closes;
        sigmaH = sigmaH == null ? new double[0] : sigmaH;
        String what = "prediction ledger state";
        Snapshots.requireLength(what, "dueTimesMillis", n, dueTimesMillis.length);
        Snapshots.requireLength(what, "symbols", n, symbols.length);
        Snapshots.requireLength(what, "raw", n, raw.length);
        Snapshots.requireLength(what, "scores", n, scores.length);
        Snapshots.requireLength(what, "closes", n, closes.length);
        Snapshots.requireLength(what, "sigmaH", n, sigmaH.length);
        Snapshots.requireFinite(what + " raw", raw);
        Snapshots.requireFinite(what + " scores", scores);
        Snapshots.requireFinite(what + " sigmaH", sigmaH);
        for (int i = 0; i < n; i++) {
            if (!(closes[i] > 0) || !Double.isFinite(closes[i])) {
                throw new IllegalArgumentException(what + ": close " + i + " is " + closes[i] + ", expected a positive price");
            }
            if (symbols[i] < 0) {
                throw new IllegalArgumentException(what + ": symbol index " + i + " is negative");
            }
        }
        if (matured < 0 || dropped < 0) {
            throw new IllegalArgumentException(what + ": negative counters (matured " + matured + ", dropped " + dropped + ")");
        }
        this.predictionTimesMillis = predictionTimesMillis;
        this.dueTimesMillis = dueTimesMillis;
        this.symbols = symbols;
        this.raw = raw;
        this.scores = scores;
        this.closes = closes;
        this.sigmaH = sigmaH;
        this.lastRecordMillis = lastRecordMillis;
        this.matured = matured;
        this.dropped = dropped;
    }

    private static long[] copy(long[] a) {
        return a == null ? null : a.clone();
    }

    private static int[] copy(int[] a) {
        return a == null ? null : a.clone();
    }

    private static double[] copy(double[] a) {
        return a == null ? null : a.clone();
    }

    /** Nothing pending, nothing counted. */
    public static LedgerSnapshot empty() {
        return EMPTY;
    }

    /**
     * The position of the first symbol index at or above {@code universeSize}, or −1 when every
     * index is inside the universe (reads the array without copying it).
     */
    int firstSymbolOutside(int universeSize) {
        for (int i = 0; i < symbols.length; i++) {
            if (symbols[i] >= universeSize) {
                return i;
            }
        }
        return -1;
    }

    /** Number of pending predictions. */
    public int size() {
        return predictionTimesMillis.length;
    }

    /**
     * The same ledger with symbol indices translated: {@code oldToNew[i]} is the new index of old
     * symbol i, or −1 when it left the universe (its predictions are left out, not counted as dropped).
     */
    public LedgerSnapshot remap(int[] oldToNew) {
        int kept = 0;
        for (int symbol : symbols) {
            if (symbol < oldToNew.length && oldToNew[symbol] >= 0) {
                kept++;
            }
        }
        long[] t = new long[kept];
        long[] due = new long[kept];
        int[] sym = new int[kept];
        double[] r = new double[kept];
        double[] s = new double[kept];
        double[] c = new double[kept];
        double[] sig = new double[kept];
        int k = 0;
        for (int i = 0; i < symbols.length; i++) {
            int to = symbols[i] < oldToNew.length ? oldToNew[symbols[i]] : -1;
            if (to < 0) {
                continue;
            }
            t[k] = predictionTimesMillis[i];
            due[k] = dueTimesMillis[i];
            sym[k] = to;
            r[k] = raw[i];
            s[k] = scores[i];
            c[k] = closes[i];
            sig[k] = sigmaH[i];
            k++;
        }
        return owning(t, due, sym, r, s, c, sig, lastRecordMillis, matured, dropped);
    }

    /** Cycle time t of each prediction (a copy). */
    public long[] predictionTimesMillis() {
        return predictionTimesMillis.clone();
    }

    /** Close time of the bar each prediction matures on (a copy). */
    public long[] dueTimesMillis() {
        return dueTimesMillis.clone();
    }

    /** Universe index of each prediction's symbol (a copy). */
    public int[] symbols() {
        return symbols.clone();
    }

    /** Raw predictions (a copy). */
    public double[] raw() {
        return raw.clone();
    }

    /** Standardized scores (a copy). */
    public double[] scores() {
        return scores.clone();
    }

    /** Closes at prediction time (a copy). */
    public double[] closes() {
        return closes.clone();
    }

    /** σ_h at prediction time (a copy). */
    public double[] sigmaH() {
        return sigmaH.clone();
    }

    /** Cycle time of the last batch recorded, {@link Long#MIN_VALUE} for none. */
    public long lastRecordMillis() {
        return lastRecordMillis;
    }

    /** Predictions matured since the ledger began. */
    public long matured() {
        return matured;
    }

    /** Predictions dropped since the ledger began. */
    public long dropped() {
        return dropped;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LedgerSnapshot other
                && Arrays.equals(predictionTimesMillis, other.predictionTimesMillis)
                && Arrays.equals(dueTimesMillis, other.dueTimesMillis)
                && Arrays.equals(symbols, other.symbols)
                && Arrays.equals(raw, other.raw)
                && Arrays.equals(scores, other.scores)
                && Arrays.equals(closes, other.closes)
                && Arrays.equals(sigmaH, other.sigmaH)
                && lastRecordMillis == other.lastRecordMillis
                && matured == other.matured
                && dropped == other.dropped;
    }

    @Override
    public int hashCode() {
        int h = Arrays.hashCode(predictionTimesMillis);
        h = 31 * h + Arrays.hashCode(dueTimesMillis);
        h = 31 * h + Arrays.hashCode(symbols);
        h = 31 * h + Arrays.hashCode(raw);
        h = 31 * h + Arrays.hashCode(scores);
        h = 31 * h + Arrays.hashCode(closes);
        h = 31 * h + Arrays.hashCode(sigmaH);
        h = 31 * h + Long.hashCode(lastRecordMillis);
        h = 31 * h + Long.hashCode(matured);
        return 31 * h + Long.hashCode(dropped);
    }

    @Override
    public String toString() {
        return "LedgerSnapshot[predictionTimesMillis=" + Arrays.toString(predictionTimesMillis)
                + ", dueTimesMillis=" + Arrays.toString(dueTimesMillis)
                + ", symbols=" + Arrays.toString(symbols)
                + ", raw=" + Arrays.toString(raw)
                + ", scores=" + Arrays.toString(scores)
                + ", closes=" + Arrays.toString(closes)
                + ", sigmaH=" + Arrays.toString(sigmaH)
                + ", lastRecordMillis=" + lastRecordMillis
                + ", matured=" + matured
                + ", dropped=" + dropped + "]";
    }
}
