package dev.horizon.bootstrap.report;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The console progress of a long backtest: cycles done of the total, percent, the bar time, the
 * portfolio value, wall time elapsed and the time left at the pace so far.
 *
 * <p>On a terminal it is one line redrawn in place ({@code \r}) a few times a second; written to
 * a file or a pipe it is a plain line every {@code interval}, so logs stay readable. The last
 * cycle always prints.
 */
public final class ProgressBar {

    private static final DateTimeFormatter BAR_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'")
            .withZone(ZoneOffset.UTC);
    private static final int WIDTH = 24;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter out;
    private final boolean terminal;
    private final LongSupplier nanoTime;
    private final long intervalNanos;
    private final long started;
    private long lastPrint;
    private int lastLength;
    private boolean drawn;

    /**
     * @param terminal       redraw one line with {@code \r} (stdout is a terminal) rather than print lines
     * @param intervalMillis least time between two plain lines
     * @param nanoTime       the wall clock of the progress (elapsed, ETA), {@code System::nanoTime}
     */
    public ProgressBar(PrintWriter out, boolean terminal, long intervalMillis, LongSupplier nanoTime) {
        this.out = out;
        this.terminal = terminal;
        this.nanoTime = nanoTime;
        this.intervalNanos = terminal ? REDRAW_NANOS : intervalMillis * 1_000_000L;
        this.started = nanoTime.getAsLong();
        this.lastPrint = started;
    }

    /** Cycle {@code done} of {@code total} ended at bar {@code barTime} with {@code value}. */
    public void update(int done, int total, Instant barTime, BigDecimal value) {
        long now = nanoTime.getAsLong();
        if (done < total && now - lastPrint < intervalNanos) {
            return;
        }
        lastPrint = now;
        String line = line(done, total, barTime, value, now - started);
        if (terminal) {
            String padded = line + " ".repeat(Math.max(0, lastLength - line.length()));
            out.print('\r');
            out.print(padded);
            lastLength = line.length();
            drawn = true;
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** Ends the redrawn line, so what follows starts on a line of its own. */
    public void finish() {
        if (terminal && drawn) {
            out.println();
            out.flush();
            drawn = false;
        }
    }

    /** {@code [#######-----]  52.3%  1,976/3,778  2013-11-30 08:55Z  PV 100,012.34  elapsed 0:38  ETA 0:35}. */
    static String line(int done, int total, Instant barTime, BigDecimal value, long elapsedNanos) {
        double fraction = total == 0 ? 1 : (double) done / total;
        int filled = (int) Math.round(fraction * WIDTH);
        String eta = done == 0 ? "?" : clock((long) ((double) elapsedNanos * (total - done) / done));
        return String.format(Locale.ROOT, "[%s%s] %5.1f%%  %,d/%,d  %s  PV %,.2f  elapsed %s  ETA %s",
                "#".repeat(filled), "-".repeat(WIDTH - filled), fraction * 100, done, total, BAR_TIME.format(barTime),
                value, clock(elapsedNanos), eta);
    }

    /** {@code m:ss}, or {@code h:mm:ss} from an hour. */
    static String clock(long nanos) {
        long s = Math.max(0, Math.round(nanos / 1e9));
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
