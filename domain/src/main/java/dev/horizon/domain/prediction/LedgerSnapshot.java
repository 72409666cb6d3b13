package dev.horizon.domain.prediction;

import java.util.Arrays;

/**
 * The predictions of one model still waiting to mature, oldest first, and the ledger's counters.
 * All arrays have one entry per pending prediction; times are epoch milliseconds.
 *
 * @param predictionTimesMillis cycle time t of each prediction
 * @param dueTimesMillis        close time of the bar it matures on ({@link MaturityRule})
 * @param symbols               universe index of the symbol (see {@link PredictionState#universe()})
 * @param raw                   raw prediction r̂
 * @param scores                standardized score s
 * @param closes                close C_t at prediction time, positive
 * @param sigmaH                σ_h at prediction time; 0 when it was unknown
 * @param lastRecordMillis      cycle time of the last batch recorded, {@link Long#MIN_VALUE} for none
 * @param matured               predictions matured since the ledger began
 * @param dropped               predictions dropped since the ledger began (no bar in time, or evicted)
 */
public record LedgerSnapshot(long[] predictionTimesMillis, long[] dueTimesMillis, int[] symbols, double[] raw,
                             double[] scores, double[] closes, double[] sigmaH, long lastRecordMillis,
                             long matured, long dropped) {

    private static final LedgerSnapshot EMPTY = new LedgerSnapshot(null, null, null, null, null, null, null,
            Long.MIN_VALUE, 0, 0);

    /** A missing array (an older state file) reads as empty. */
    public LedgerSnapshot {
        predictionTimesMillis = predictionTimesMillis == null ? new long[0] : predictionTimesMillis.clone();
        int n = predictionTimesMillis.length;
        dueTimesMillis = dueTimesMillis == null ? new long[0] : dueTimesMillis.clone();
        symbols = symbols == null ? new int[0] : symbols.clone();
        raw = raw == null ? new double[0] : raw.clone();
        scores = scores == null ? new double[0] : scores.clone();
        closes = closes == null ? new double[0] : closes.clone();
        sigmaH = sigmaH == null ? new double[0] : sigmaH.clone();
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
        return new LedgerSnapshot(t, due, sym, r, s, c, sig, lastRecordMillis, matured, dropped);
    }

    @Override
    public long[] predictionTimesMillis() {
        return predictionTimesMillis.clone();
    }

    @Override
    public long[] dueTimesMillis() {
        return dueTimesMillis.clone();
    }

    @Override
    public int[] symbols() {
        return symbols.clone();
    }

    @Override
    public double[] raw() {
        return raw.clone();
    }

    @Override
    public double[] scores() {
        return scores.clone();
    }

    @Override
    public double[] closes() {
        return closes.clone();
    }

    @Override
    public double[] sigmaH() {
        return sigmaH.clone();
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
