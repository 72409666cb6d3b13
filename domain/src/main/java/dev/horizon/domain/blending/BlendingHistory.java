package dev.horizon.domain.blending;

import java.util.Arrays;
import java.util.List;

/**
 * The time-aligned window of one horizon's standardized model scores that Σ is estimated from.
 *
 * <p>Each cycle adds one row per symbol for which <em>every</em> model of the horizon has a
 * finite score; a symbol missing any model adds nothing, so every row compares the models on the
 * same (cycle, symbol) pair (fix: the original correlated histories of different lengths and
 * times). The last {@code windowCycles} cycles are kept in a ring of per-cycle blocks of
 * primitive rows; a cycle's block is reused when the ring wraps and only grows when a cycle has
 * more rows than any before it.
 *
 * <p>Each block also keeps its own means and centred co-moments, computed once when the cycle is
 * added (two passes over the block); {@link #correlation} merges the blocks' statistics oldest
 * first with the pairwise update of Chan, Golub and LeVeque. That is as accurate as two passes
 * over the whole window, gives the same number for the same rows however they are ordered within
 * a cycle, and costs one block per cycle instead of the whole window.
 *
 * <p>Mutable state owned by one engine thread; not thread-safe. {@link #snapshot()} and
 * {@link #restore} carry it across restarts.
 */
public final class BlendingHistory {

    private final List<String> families;
    private final int models;
    private final int windowCycles;
    /** Per ring slot: rows × models, row-major. */
    private final double[][] blocks;
    private final int[] rowsInBlock;
    /** Per ring slot: the block's mean of each model. */
    private final double[][] blockMeans;
    /** Per ring slot: the block's centred co-moments Σ(x_i − x̄_i)(x_j − x̄_j), models × models row-major. */
    private final double[][] blockMoments;
    /** The slot the next cycle is written to. */
    private int next;
    /** Cycles held, at most {@code windowCycles}. */
    private int cycles;
    private int totalRows;

    /**
     * An empty history.
     *
     * @param families     the horizon's model families, sorted by name (code-point order); the
     *                     row order of every score matrix
     * @param windowCycles cycles to keep, positive
     */
    public BlendingHistory(List<String> families, int windowCycles) {
        this.families = FamilyOrder.requireSorted(families, "blending history");
        if (windowCycles <= 0) {
            throw new IllegalArgumentException("blending.window_cycles must be positive, was " + windowCycles);
        }
        this.models = this.families.size();
        this.windowCycles = windowCycles;
        this.blocks = new double[windowCycles][];
        this.rowsInBlock = new int[windowCycles];
        this.blockMeans = new double[windowCycles][models];
        this.blockMoments = new double[windowCycles][models * models];
    }

    /**
     * Rebuilds a history from a snapshot. When the snapshot holds more cycles than
     * {@code windowCycles}, only the newest are kept.
     *
     * @throws IllegalArgumentException when the snapshot is for other model families
     */
    public static BlendingHistory restore(BlendingHistorySnapshot snapshot, List<String> families, int windowCycles) {
        BlendingHistory history = new BlendingHistory(families, windowCycles);
        if (!snapshot.families().equals(history.families)) {
            throw new IllegalArgumentException("blending history snapshot is for models " + snapshot.families()
                    + ", not " + history.families + "; start a fresh history for the new model set");
        }
        int[] rows = snapshot.rowsPerCycle();
        double[] scores = snapshot.scores();
        int offset = 0;
        int skip = Math.max(0, rows.length - windowCycles);
        for (int c = 0; c < rows.length; c++) {
            int width = rows[c] * history.models;
            if (c >= skip) {
                history.appendRows(scores, offset, rows[c]);
            }
            offset += width;
        }
        return history;
    }

    /** The model families, in row order of every score matrix. */
    public List<String> families() {
        return families;
    }

    /** Cycles currently held, at most the window. */
    public int cycles() {
        return cycles;
    }

    /** Aligned (cycle, symbol) rows currently held. */
    public int rows() {
        return totalRows;
    }

    /**
     * Adds one cycle: the rows of every symbol (column) whose scores are finite for every model.
     * A cycle with no complete symbol still counts as a cycle, so old rows age out on schedule.
     *
     * @param standardized the cycle's standardized scores, [models × symbols], NaN = absent
     */
    public void append(double[][] standardized) {
        if (standardized.length != models) {
            throw new IllegalArgumentException("blending history expects scores for " + models + " models "
                    + families + ", got " + standardized.length + " rows");
        }
        int symbols = standardized[0].length;
        for (double[] row : standardized) {
            if (row.length != symbols) {
                throw new IllegalArgumentException("every model needs one score per symbol (" + symbols
                        + "), got a row of " + row.length);
            }
        }
        int slot = beginCycle(symbols);
        double[] block = blocks[slot];
        int r = 0;
        for (int s = 0; s < symbols; s++) {
            if (complete(standardized, s)) {
                int base = r * models;
                for (int m = 0; m < models; m++) {
                    block[base + m] = standardized[m][s];
                }
                r++;
            }
        }
        endCycle(slot, r);
    }

    /**
     * The Pearson correlation of the models' scores over the held rows: diagonal 1, NaN (a model
     * with constant scores) → 0, entries clipped to [−1, 1]. Fewer than {@code minRows} rows
     * gives the identity: too little evidence to trust an estimate.
     *
     * @return a new models × models matrix
     */
    public double[][] correlation(int minRows) {
        double[][] sigma = new double[models][models];
        for (int i = 0; i < models; i++) {
            sigma[i][i] = 1.0;
        }
        if (totalRows < minRows || totalRows < 2 || models == 1) {
            return sigma;
        }
        // Merge the blocks' statistics oldest first (Chan, Golub and LeVeque): for blocks a and b,
        // n = n_a + n_b, δ = x̄_b − x̄_a, C = C_a + C_b + δ_i·δ_j·n_a·n_b/n, x̄ = x̄_a + δ·n_b/n.
        double[] mean = new double[models];
        double[][] cross = new double[models][models];
        double[] delta = new double[models];
        long n = 0;
        int first = (next - cycles + windowCycles) % windowCycles;
        for (int c = 0; c < cycles; c++) {
            int slot = (first + c) % windowCycles;
            int nb = rowsInBlock[slot];
            if (nb == 0) {
                continue;
            }
            double[] bm = blockMeans[slot];
            double[] bc = blockMoments[slot];
            if (n == 0) {
                System.arraycopy(bm, 0, mean, 0, models);
                for (int i = 0; i < models; i++) {
                    for (int j = i; j < models; j++) {
                        cross[i][j] = bc[i * models + j];
                    }
                }
                n = nb;
                continue;
            }
            long total = n + nb;
            double factor = (double) n * nb / total;
            for (int m = 0; m < models; m++) {
                delta[m] = bm[m] - mean[m];
            }
            for (int i = 0; i < models; i++) {
                for (int j = i; j < models; j++) {
                    cross[i][j] += bc[i * models + j] + delta[i] * delta[j] * factor;
                }
            }
            for (int m = 0; m < models; m++) {
                mean[m] += delta[m] * nb / total;
            }
            n = total;
        }
        for (int i = 0; i < models; i++) {
            for (int j = i + 1; j < models; j++) {
                double r = cross[i][j] / Math.sqrt(cross[i][i] * cross[j][j]);
                double v = Double.isNaN(r) ? 0.0 : Math.max(-1.0, Math.min(1.0, r));
                sigma[i][j] = v;
                sigma[j][i] = v;
            }
        }
        return sigma;
    }

    /** The held rows, oldest cycle first, for persistence. */
    public BlendingHistorySnapshot snapshot() {
        int[] rows = new int[cycles];
        double[] scores = new double[totalRows * models];
        int[] offset = {0};
        int[] c = {0};
        forEachBlock((block, n) -> {
            rows[c[0]++] = n;
            System.arraycopy(block, 0, scores, offset[0], n * models);
            offset[0] += n * models;
        });
        return new BlendingHistorySnapshot(families, rows, scores);
    }

    private boolean complete(double[][] standardized, int s) {
        for (int m = 0; m < models; m++) {
            if (!Double.isFinite(standardized[m][s])) {
                return false;
            }
        }
        return true;
    }

    private void appendRows(double[] source, int offset, int rows) {
        int slot = beginCycle(rows);
        System.arraycopy(source, offset, blocks[slot], 0, rows * models);
        endCycle(slot, rows);
    }

    /** Evicts the slot's old cycle and makes room for {@code maxRows} rows. */
    private int beginCycle(int maxRows) {
        int slot = next;
        if (cycles == windowCycles) {
            totalRows -= rowsInBlock[slot];
            cycles--;
        }
        rowsInBlock[slot] = 0;
        int need = maxRows * models;
        if (blocks[slot] == null || blocks[slot].length < need) {
            blocks[slot] = new double[need];
        }
        return slot;
    }

    private void endCycle(int slot, int rows) {
        blockStatistics(slot, rows);
        rowsInBlock[slot] = rows;
        totalRows += rows;
        cycles++;
        next = (slot + 1) % windowCycles;
    }

    /** The block's means and centred co-moments, two passes over its rows. */
    private void blockStatistics(int slot, int rows) {
        double[] block = blocks[slot];
        double[] mean = blockMeans[slot];
        double[] moments = blockMoments[slot];
        Arrays.fill(mean, 0.0);
        Arrays.fill(moments, 0.0);
        if (rows == 0) {
            return;
        }
        for (int r = 0; r < rows; r++) {
            int base = r * models;
            for (int m = 0; m < models; m++) {
                mean[m] += block[base + m];
            }
        }
        for (int m = 0; m < models; m++) {
            mean[m] /= rows;
        }
        double[] centred = new double[models];
        for (int r = 0; r < rows; r++) {
            int base = r * models;
            for (int m = 0; m < models; m++) {
                centred[m] = block[base + m] - mean[m];
            }
            for (int i = 0; i < models; i++) {
                double ci = centred[i];
                int row = i * models;
                for (int j = i; j < models; j++) {
                    moments[row + j] += ci * centred[j];
                }
            }
        }
    }

    private void forEachBlock(BlockVisitor visitor) {
        int first = (next - cycles + windowCycles) % windowCycles;
        for (int c = 0; c < cycles; c++) {
            int slot = (first + c) % windowCycles;
            visitor.visit(blocks[slot], rowsInBlock[slot]);
        }
    }

    @FunctionalInterface
    private interface BlockVisitor {
        void visit(double[] block, int rows);
    }

    @Override
    public String toString() {
        return "BlendingHistory" + families + "[cycles=" + cycles + ", rows=" + totalRows + "]";
    }

}
