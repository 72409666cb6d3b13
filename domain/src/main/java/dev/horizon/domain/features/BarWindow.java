package dev.horizon.domain.features;

import dev.horizon.domain.market.BarSeries;
import java.time.Instant;
import java.util.Objects;

/**
 * The bars of one {@link BarSeries} as contiguous arrays, with what the feature library derives
 * from each bar kept per bar instead of recomputed every cycle: the one-bar simple return, the
 * natural logs of each channel (computed on first use), and the running maximum and minimum close
 * of the 52-week window. {@link FeatureCalculator#compute(BarWindow, double[])} and
 * {@link SequenceWindow#fill(BarWindow, float[], int)} read it; both give exactly what they give
 * for the series itself.
 *
 * <p>The window follows its series by itself: {@link #sync()} (called by those readers) appends
 * only the bars that closed since the last call, so a cycle costs O(new bars), not O(history).
 * It holds exactly the bars the series holds. If the series moved on by more than its capacity
 * since the last sync, the window is rebuilt from the series.
 *
 * <p>Storage: each channel lives in an array of twice the series capacity, bars {@code [begin,
 * end)} oldest first; when the end is reached the held bars are moved to the front, once every
 * {@code capacity} bars (amortised one copy per bar). Not thread-safe: one per symbol, owned by
 * the cycle's thread.
 */
public final class BarWindow {

    /** Deque slots: more than the 52-week window ({@link FeatureCalculator#WINDOW_52W}), a power of 2. */
    private static final int DEQUE = 256;
    private static final int MASK = DEQUE - 1;

    private final BarSeries series;
    private final int capacity;
    private final double[][] values = new double[SequenceChannel.values().length][];
    /** Natural log of each channel value, NaN until first asked for. */
    private final double[][] logs = new double[SequenceChannel.values().length][];
    /** C_i / C_{i−1} − 1; NaN for the oldest bar of a rebuild, whose predecessor is not held. */
    private final double[] simpleReturn;
    private int begin;
    private int end;
    /** Bars appended since the last rebuild: the sequence number of the next bar, for the deques. */
    private long appended;
    private Instant newest;

    /* Monotonic deques of (sequence, close) over the 52-week window: front = the max (min). */
    private final long[] maxSeq = new long[DEQUE];
    private final double[] maxValue = new double[DEQUE];
    private int maxHead;
    private int maxTail;
    private final long[] minSeq = new long[DEQUE];
    private final double[] minValue = new double[DEQUE];
    private int minHead;
    private int minTail;

    /** A window over {@code series}; empty until the first {@link #sync()}. */
    public BarWindow(BarSeries series) {
        this.series = Objects.requireNonNull(series, "series");
        this.capacity = series.capacity();
        int length = 2 * capacity;
        for (int c = 0; c < values.length; c++) {
            values[c] = new double[length];
            logs[c] = new double[length];
        }
        this.simpleReturn = new double[length];
    }

    /** The series this window follows. */
    public BarSeries series() {
        return series;
    }

    /**
     * Brings the window up to the newest bar of its series: appends the bars that closed since
     * the last call (none: a comparison of close times), or rebuilds when the series no longer
     * holds the newest bar seen.
     */
    public void sync() {
        int n = series.size();
        if (n == 0) {
            if (newest != null) {
                clear();
            }
            return;
        }
        Instant last = series.lastCloseTime();
        if (last.equals(newest)) {
            return;
        }
        int fresh = 0;
        if (newest != null) {
            while (fresh < n && series.closeTime(n - 1 - fresh).isAfter(newest)) {
                fresh++;
            }
        }
        if (newest == null || fresh == n) {
            clear();
            fresh = n;
        }
        for (int i = n - fresh; i < n; i++) {
            append(i);
        }
        newest = last;
        if (size() != n) {
            // Cannot happen for an append-only series; a rebuild keeps the window exact regardless.
            clear();
            for (int i = 0; i < n; i++) {
                append(i);
            }
        }
    }

    /** Bars held (after {@link #sync()}: the series' size). */
    public int size() {
        return end - begin;
    }

    /** Array index of the oldest bar held; the newest is at {@code begin() + size() − 1}. */
    int begin() {
        return begin;
    }

    /** The values of a channel, bars at {@code [begin(), begin() + size())}. Read only. */
    double[] values(SequenceChannel channel) {
        return values[channel.ordinal()];
    }

    double[] highs() {
        return values[SequenceChannel.HIGH.ordinal()];
    }

    double[] lows() {
        return values[SequenceChannel.LOW.ordinal()];
    }

    double[] closes() {
        return values[SequenceChannel.CLOSE.ordinal()];
    }

    double[] volumes() {
        return values[SequenceChannel.VOLUME.ordinal()];
    }

    /** One-bar simple returns; valid at indices after {@code begin()}. Read only. */
    double[] simpleReturns() {
        return simpleReturn;
    }

    /** ln of a channel's value at array index {@code i}, computed once per bar and channel. */
    double log(SequenceChannel channel, int i) {
        double[] l = logs[channel.ordinal()];
        double v = l[i];
        if (Double.isNaN(v)) {
            v = Math.log(values[channel.ordinal()][i]);
            l[i] = v;
        }
        return v;
    }

    /** The largest close of the newest {@code min(size, 252)} bars. @throws IllegalStateException when empty */
    double maxClose52w() {
        requireBars();
        return maxValue[maxHead & MASK];
    }

    /** The smallest close of the newest {@code min(size, 252)} bars. @throws IllegalStateException when empty */
    double minClose52w() {
        requireBars();
        return minValue[minHead & MASK];
    }

    private void requireBars() {
        if (end == begin) {
            throw new IllegalStateException("no bars for " + series.symbol());
        }
    }

    private void clear() {
        begin = 0;
        end = 0;
        appended = 0;
        newest = null;
        maxHead = 0;
        maxTail = 0;
        minHead = 0;
        minTail = 0;
    }

    private void append(int i) {
        if (end == simpleReturn.length) {
            compact();
        }
        int at = end;
        double[] open = values[SequenceChannel.OPEN.ordinal()];
        double[] high = values[SequenceChannel.HIGH.ordinal()];
        double[] low = values[SequenceChannel.LOW.ordinal()];
        double[] close = values[SequenceChannel.CLOSE.ordinal()];
        double[] volume = values[SequenceChannel.VOLUME.ordinal()];
        open[at] = series.open(i);
        high[at] = series.high(i);
        low[at] = series.low(i);
        double c = series.close(i);
        close[at] = c;
        volume[at] = series.volume(i);
        for (double[] l : logs) {
            l[at] = Double.NaN;
        }
        // The same expression FeatureCalculator evaluates over plain arrays, so the same bits.
        simpleReturn[at] = end > begin ? c / close[at - 1] - 1.0 : Double.NaN;
        end++;
        long seq = appended++;
        if (end - begin > capacity) {
            begin++;
        }
        push52w(seq, c);
    }

    /** Moves the held bars to the front of every array. */
    private void compact() {
        int n = end - begin;
        for (int c = 0; c < values.length; c++) {
            System.arraycopy(values[c], begin, values[c], 0, n);
            System.arraycopy(logs[c], begin, logs[c], 0, n);
        }
        System.arraycopy(simpleReturn, begin, simpleReturn, 0, n);
        begin = 0;
        end = n;
    }

    /**
     * Adds close {@code c} of bar {@code seq} to both deques and drops what left the window. A
     * value equal to the back replaces it: the extreme is the same number either way.
     */
    private void push52w(long seq, double c) {
        long oldest = seq - Math.min(size(), FeatureCalculator.WINDOW_52W) + 1;
        while (maxHead != maxTail && maxSeq[maxHead & MASK] < oldest) {
            maxHead++;
        }
        while (maxHead != maxTail && maxValue[(maxTail - 1) & MASK] <= c) {
            maxTail--;
        }
        maxSeq[maxTail & MASK] = seq;
        maxValue[maxTail & MASK] = c;
        maxTail++;
        while (minHead != minTail && minSeq[minHead & MASK] < oldest) {
            minHead++;
        }
        while (minHead != minTail && minValue[(minTail - 1) & MASK] >= c) {
            minTail--;
        }
        minSeq[minTail & MASK] = seq;
        minValue[minTail & MASK] = c;
        minTail++;
    }
}
