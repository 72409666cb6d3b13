package dev.horizon.domain.market;

import java.time.Instant;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * The most recent bars of one symbol, in a fixed-capacity ring buffer: adding a bar to a full
 * series drops the oldest one, so memory never grows with the length of a run.
 *
 * <p>Values are kept in primitive arrays so the feature library can read them without boxing.
 * Index 0 is the oldest bar held, {@code size() - 1} the newest. Bars must arrive in strictly
 * increasing close time; anything else is refused, because a feed that goes back in time would
 * silently corrupt every feature.
 *
 * <p>Not thread-safe: a series belongs to the one thread that runs the cycle.
 */
public final class BarSeries {

    private final Symbol symbol;
    private final int capacity;
    private final Instant[] closeTimes;
    private final double[] open;
    private final double[] high;
    private final double[] low;
    private final double[] close;
    private final double[] volume;
    /** ln(C / C_prev) per bar, taken once when the bar arrives (volatility reads 60 per cycle). */
    private final double[] logReturn;
    private int start;
    private int size;

    public BarSeries(Symbol symbol, int capacity) {
        this.symbol = Objects.requireNonNull(symbol, "symbol");
        if (capacity <= 0) {
            throw new IllegalArgumentException("bar series capacity must be positive, was " + capacity);
        }
        this.capacity = capacity;
        this.closeTimes = new Instant[capacity];
        this.open = new double[capacity];
        this.high = new double[capacity];
        this.low = new double[capacity];
        this.close = new double[capacity];
        this.volume = new double[capacity];
        this.logReturn = new double[capacity];
    }

    /**
     * Appends the newest bar, evicting the oldest when full.
     *
     * @throws IllegalArgumentException if the bar belongs to another symbol or does not close
     *                                  strictly after the newest bar held
     */
    public void add(Bar bar) {
        if (!bar.symbol().equals(symbol)) {
            throw new IllegalArgumentException("bar for " + bar.symbol() + " added to the series of " + symbol);
        }
        if (size > 0 && !bar.closeTime().isAfter(lastCloseTime())) {
            throw new IllegalArgumentException("bar for " + symbol + " at " + bar.closeTime()
                    + " does not follow the last bar at " + lastCloseTime());
        }
        double previousClose = size == 0 ? Double.NaN : close[slot(size - 1)];
        int slot;
        if (size < capacity) {
            slot = (start + size) % capacity;
            size++;
        } else {
            slot = start;
            start = (start + 1) % capacity;
        }
        closeTimes[slot] = bar.closeTime();
        open[slot] = bar.open();
        high[slot] = bar.high();
        low[slot] = bar.low();
        close[slot] = bar.close();
        volume[slot] = bar.volume();
        logReturn[slot] = Math.log(bar.close() / previousClose);
    }

    public Symbol symbol() {
        return symbol;
    }

    public int capacity() {
        return capacity;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** The i-th bar held, 0 = oldest. */
    public Bar get(int i) {
        int slot = slot(i);
        return new Bar(symbol, closeTimes[slot], open[slot], high[slot], low[slot], close[slot], volume[slot]);
    }

    /** The newest bar. @throws NoSuchElementException when empty */
    public Bar last() {
        requireNotEmpty();
        return get(size - 1);
    }

    /** Close time of the newest bar. @throws NoSuchElementException when empty */
    public Instant lastCloseTime() {
        requireNotEmpty();
        return closeTimes[slot(size - 1)];
    }

    public Instant closeTime(int i) {
        return closeTimes[slot(i)];
    }

    public double open(int i) {
        return open[slot(i)];
    }

    public double high(int i) {
        return high[slot(i)];
    }

    public double low(int i) {
        return low[slot(i)];
    }

    public double close(int i) {
        return close[slot(i)];
    }

    public double volume(int i) {
        return volume[slot(i)];
    }

    /**
     * The one-bar log return of bar i, {@code Math.log(close(i) / close(i − 1))}, computed once when
     * the bar was added (for i = 0: against the bar before it, if the series ever held one — it may
     * have been evicted since — else NaN).
     */
    public double logReturn(int i) {
        return logReturn[slot(i)];
    }

    /** Copies the closes, oldest first, into {@code dst[0..size)}; returns {@code size()}. */
    public int copyCloses(double[] dst) {
        return copy(close, dst);
    }

    /** Copies the highs, oldest first, into {@code dst[0..size)}; returns {@code size()}. */
    public int copyHighs(double[] dst) {
        return copy(high, dst);
    }

    /** Copies the lows, oldest first, into {@code dst[0..size)}; returns {@code size()}. */
    public int copyLows(double[] dst) {
        return copy(low, dst);
    }

    /** Copies the opens, oldest first, into {@code dst[0..size)}; returns {@code size()}. */
    public int copyOpens(double[] dst) {
        return copy(open, dst);
    }

    /** Copies the volumes, oldest first, into {@code dst[0..size)}; returns {@code size()}. */
    public int copyVolumes(double[] dst) {
        return copy(volume, dst);
    }

    private int copy(double[] src, double[] dst) {
        if (dst.length < size) {
            throw new IllegalArgumentException("destination holds " + dst.length + " values, series has " + size);
        }
        int firstRun = Math.min(size, capacity - start);
        System.arraycopy(src, start, dst, 0, firstRun);
        System.arraycopy(src, 0, dst, firstRun, size - firstRun);
        return size;
    }

    private int slot(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("bar index " + i + " outside [0, " + size + ")");
        }
        return (start + i) % capacity;
    }

    private void requireNotEmpty() {
        if (size == 0) {
            throw new NoSuchElementException("no bars for " + symbol);
        }
    }
}
