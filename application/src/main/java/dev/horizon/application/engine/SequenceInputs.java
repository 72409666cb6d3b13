package dev.horizon.application.engine;

import dev.horizon.domain.features.SequenceWindow;
import java.util.Arrays;
import java.util.List;

/**
 * The normalised input windows of one window shape (length, channels, normalisation) for every
 * symbol, built at most once per cycle however many sequence models share the shape — the
 * reference run has one Conv1d model per horizon, all reading the same 32 × 5 window.
 *
 * <p>Buffers are allocated once. Not thread-safe.
 */
final class SequenceInputs {

    /** What makes two models' windows identical. */
    record Shape(int length, List<String> channels, String normalization) {
    }

    private final SequenceWindow window;
    private final int width;
    private final float[] rows;
    private final boolean[] complete;
    private long builtFor = Long.MIN_VALUE;

    SequenceInputs(Shape shape, int symbols) {
        this.window = SequenceWindow.of(shape.length(), shape.channels(), shape.normalization());
        this.width = window.width();
        this.rows = new float[symbols * width];
        this.complete = new boolean[symbols];
    }

    /** Builds every eligible symbol's window for cycle {@code cycle}, unless already built. */
    void build(long cycle, BarHistory bars, boolean[] eligible) {
        if (builtFor == cycle) {
            return;
        }
        builtFor = cycle;
        Arrays.fill(complete, false);
        for (int u = 0; u < complete.length; u++) {
            if (eligible[u]) {
                complete[u] = window.fill(bars.series(u), rows, u * width);
            }
        }
    }

    /** Copies symbol {@code u}'s window to {@code dst[offset..)}; false when it could not be built. */
    boolean copy(int u, float[] dst, int offset) {
        if (!complete[u]) {
            return false;
        }
        System.arraycopy(rows, u * width, dst, offset, width);
        return true;
    }
}
