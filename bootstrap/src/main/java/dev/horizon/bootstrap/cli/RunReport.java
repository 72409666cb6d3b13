package dev.horizon.bootstrap.cli;

import dev.horizon.application.engine.CycleResult;
import dev.horizon.domain.order.Fill;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The progress line of a run (cycle, bar time, PV, P&amp;L, trades), at most every
 * {@code interval}, and its closing summary (cycles, trades, fees, final PV, return, max drawdown).
 */
final class RunReport {

    private static final DateTimeFormatter BAR_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'")
            .withZone(ZoneOffset.UTC);

    private final PrintWriter out;
    private final BigDecimal initialValue;
    private final long intervalNanos;
    private final long started = System.nanoTime();
    private long lastPrint;
    private long cycles;
    private long trades;
    private BigDecimal fees = BigDecimal.ZERO;
    private BigDecimal value;
    private double peak;
    private double maxDrawdown;
    private Instant first;
    private Instant last;
    private long lastSeq;

    /**
     * @param initialValue   the portfolio value before the first cycle
     * @param intervalMillis least time between two progress lines; 0 prints every cycle
     */
    RunReport(PrintWriter out, BigDecimal initialValue, long intervalMillis) {
        this.out = out;
        this.initialValue = initialValue;
        this.value = initialValue;
        this.peak = initialValue.doubleValue();
        this.intervalNanos = intervalMillis * 1_000_000L;
        this.lastPrint = started - intervalNanos;
    }

    void onCycle(CycleResult r) {
        cycles++;
        lastSeq = r.cycleSeq();
        if (first == null) {
            first = r.time();
        }
        last = r.time();
        for (Fill f : r.fills()) {
            trades++;
            fees = fees.add(f.fee());
        }
        value = r.portfolioValue();
        double pv = value.doubleValue();
        peak = Math.max(peak, pv);
        if (peak > 0) {
            maxDrawdown = Math.max(maxDrawdown, (peak - pv) / peak);
        }
        long now = System.nanoTime();
        if (now - lastPrint >= intervalNanos) {
            lastPrint = now;
            progress();
        }
    }

    private void progress() {
        BigDecimal pnl = value.subtract(initialValue);
        out.printf(Locale.ROOT, "cycle %d  %s  PV %s  P&L %s (%s)  trades %d%n", lastSeq, BAR_TIME.format(last),
                money(value), signedMoney(pnl), percent(ratio(pnl)), trades);
        out.flush();
    }

    /** Prints the closing summary. */
    void summary(String stateLocation, String stopReason) {
        if (cycles > 0 && intervalNanos > 0) {
            progress();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        BigDecimal pnl = value.subtract(initialValue);
        out.printf(Locale.ROOT, "%s: %d cycles%s in %.1f s%n", stopReason == null ? "done" : "stopped (" + stopReason + ")",
                cycles, first == null ? "" : " from " + BAR_TIME.format(first) + " to " + BAR_TIME.format(last), seconds);
        out.printf(Locale.ROOT, "trades: %d, fees %s%n", trades, money(fees));
        out.printf(Locale.ROOT, "final PV %s, P&L %s, return %s, max drawdown %s%n", money(value), signedMoney(pnl),
                percent(ratio(pnl)), percent(maxDrawdown).replace("+", ""));
        out.printf(Locale.ROOT, "state: %s%n", stateLocation);
        out.flush();
    }

    long cycles() {
        return cycles;
    }

    long trades() {
        return trades;
    }

    private double ratio(BigDecimal pnl) {
        return initialValue.signum() == 0 ? 0 : pnl.doubleValue() / initialValue.doubleValue();
    }

    private static String money(BigDecimal v) {
        return String.format(Locale.ROOT, "%,.2f", v.setScale(2, RoundingMode.HALF_EVEN));
    }

    private static String signedMoney(BigDecimal v) {
        return (v.signum() >= 0 ? "+" : "") + money(v);
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%+.2f%%", fraction * 100);
    }
}
