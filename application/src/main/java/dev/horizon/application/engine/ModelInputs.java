package dev.horizon.application.engine;

import dev.horizon.domain.features.FeatureLibrary;
import dev.horizon.domain.features.SequenceWindow;
import dev.horizon.domain.prediction.InputMode;
import dev.horizon.domain.prediction.ModelSpec;
import java.util.List;

/**
 * One cycle's input batch for every model of one input shape — the same feature columns in the
 * same order, or the same sequence window (length, channels, normalisation) — built at most once
 * per cycle and handed as is to each of those models. The reference run has 18 models on one
 * feature list and 6 on one 32 × 5 window: two batches per cycle instead of 24.
 *
 * <p>The batch holds the eligible symbols whose inputs are complete, in universe order; the
 * others are listed as incomplete. Buffers are allocated once. Not thread-safe.
 */
final class ModelInputs {

    /** What makes two models' inputs identical. */
    record Shape(InputMode mode, List<String> features, int length, List<String> channels, String normalization) {

        static Shape of(ModelSpec spec) {
            return spec.inputMode() == InputMode.FEATURES
                    ? new Shape(InputMode.FEATURES, spec.featureNames(), 0, List.of(), "none")
                    : new Shape(InputMode.RAW_SEQUENCE, List.of(), spec.sequenceLength(), spec.sequenceChannels(),
                    spec.sequenceNormalization());
        }
    }

    private final int[] columns;
    private final SequenceWindow window;
    private final int width;
    private final float[] batch;
    private final int[] batchSymbols;
    private final int[] incomplete;
    private int rows;
    private int incompleteCount;
    private long builtFor = Long.MIN_VALUE;

    ModelInputs(Shape shape, int symbols) {
        if (shape.mode() == InputMode.FEATURES) {
            this.columns = FeatureLibrary.indicesOf(shape.features());
            this.window = null;
            this.width = columns.length;
        } else {
            this.columns = null;
            this.window = SequenceWindow.of(shape.length(), shape.channels(), shape.normalization());
            this.width = window.width();
        }
        this.batch = new float[Math.max(1, symbols * width)];
        this.batchSymbols = new int[symbols];
        this.incomplete = new int[symbols];
    }

    /**
     * Builds the batch of cycle {@code cycle} over the eligible symbols, unless already built.
     *
     * @param features      this cycle's feature rows per symbol (valid where {@code featuresReady})
     * @param featuresReady whether the symbol's features were computed this cycle
     */
    void build(long cycle, BarHistory bars, boolean[] eligible, double[][] features, boolean[] featuresReady) {
        if (builtFor == cycle) {
            return;
        }
        builtFor = cycle;
        rows = 0;
        incompleteCount = 0;
        for (int u = 0; u < eligible.length; u++) {
            if (!eligible[u]) {
                continue;
            }
            boolean complete = columns != null
                    ? featuresReady[u] && FeatureLibrary.gather(features[u], columns, batch, rows * width)
                    : window.fill(bars.window(u), batch, rows * width);
            if (complete) {
                batchSymbols[rows++] = u;
            } else {
                incomplete[incompleteCount++] = u;
            }
        }
    }

    /** Row-major {@code rows() × width} float32 inputs (the array may be longer). */
    float[] batch() {
        return batch;
    }

    /** Symbols in the batch. */
    int rows() {
        return rows;
    }

    /** Universe index of the symbol in batch row {@code i}. */
    int symbol(int i) {
        return batchSymbols[i];
    }

    /** Eligible symbols left out for an incomplete input. */
    int incompleteCount() {
        return incompleteCount;
    }

    int incomplete(int i) {
        return incomplete[i];
    }
}
