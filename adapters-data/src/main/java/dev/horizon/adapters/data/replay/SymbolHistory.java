package dev.horizon.adapters.data.replay;

import dev.horizon.domain.market.Bar;
import dev.horizon.domain.market.MarketCalendar;
import dev.horizon.domain.market.Symbol;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * One symbol's whole replayable history, indexed for as-of lookups: the bars in an array, their
 * close times as epoch nanoseconds for binary search, and the volume of each session day.
 */
final class SymbolHistory {

    /** Epoch seconds beyond which an instant no longer fits in a long of nanoseconds. */
    private static final long MAX_SECONDS = Long.MAX_VALUE / 1_000_000_000L - 1;

    final Symbol symbol;
    final Bar[] bars;
    final long[] closeNanos;
    /** Session days with bars, as epoch days, ascending. */
    final long[] days;
    /** Volume traded on each of {@link #days}. */
    final double[] dayVolumes;

    /**
     * @throws IllegalArgumentException if a bar is of another symbol, the close times do not
     *                                  strictly increase, or a time is outside 1677-2262
     */
    SymbolHistory(Symbol symbol, List<Bar> history, MarketCalendar calendar) {
        this.symbol = symbol;
        this.bars = history.toArray(new Bar[0]);
        this.closeNanos = new long[bars.length];
        long[] dayBuffer = new long[Math.max(1, bars.length)];
        double[] volumeBuffer = new double[dayBuffer.length];
        int dayCount = 0;
        for (int i = 0; i < bars.length; i++) {
            Bar bar = bars[i];
            if (!bar.symbol().equals(symbol)) {
                throw new IllegalArgumentException("bar of " + bar.symbol() + " in the history of " + symbol);
            }
            Instant close = bar.closeTime();
            if (Math.abs(close.getEpochSecond()) > MAX_SECONDS) {
                throw new IllegalArgumentException(symbol + " bar closing at " + close + " is outside the years 1677-2262");
            }
            closeNanos[i] = nanos(close);
            if (i > 0 && closeNanos[i] <= closeNanos[i - 1]) {
                throw new IllegalArgumentException(symbol + " bar closing at " + close
                        + " does not follow the bar closing at " + bars[i - 1].closeTime());
            }
            // A bar belongs to the day of the last instant it covers: the bar closing at
            // midnight holds the last minute of the day before.
            long day = calendar.sessionDay(close.minusNanos(1)).toEpochDay();
            if (dayCount == 0 || dayBuffer[dayCount - 1] != day) {
                dayBuffer[dayCount] = day;
                volumeBuffer[dayCount] = 0;
                dayCount++;
            }
            volumeBuffer[dayCount - 1] += bar.volume();
        }
        this.days = Arrays.copyOf(dayBuffer, dayCount);
        this.dayVolumes = Arrays.copyOf(volumeBuffer, dayCount);
    }

    /** Number of bars that closed at or before {@code nanos}: the as-of end index. */
    int countAtOrBefore(long nanos) {
        int lo = 0;
        int hi = closeNanos.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (closeNanos[mid] <= nanos) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Mean volume of up to {@code maxDays} session days before {@code today}, or NaN if none. */
    double averageDailyVolume(long today, int maxDays) {
        int completed = Arrays.binarySearch(days, today);
        if (completed < 0) {
            completed = -completed - 1;
        }
        int n = Math.min(maxDays, completed);
        if (n == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = completed - n; i < completed; i++) {
            sum += dayVolumes[i];
        }
        return sum / n;
    }

    /** Epoch nanoseconds of {@code t}, saturating outside the representable range. */
    static long nanos(Instant t) {
        long seconds = t.getEpochSecond();
        if (seconds > MAX_SECONDS) {
            return Long.MAX_VALUE;
        }
        if (seconds < -MAX_SECONDS) {
            return Long.MIN_VALUE;
        }
        return seconds * 1_000_000_000L + t.getNano();
    }
}
