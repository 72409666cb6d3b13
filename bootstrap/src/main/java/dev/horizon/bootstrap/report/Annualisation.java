package dev.horizon.bootstrap.report;

import dev.horizon.domain.market.MarketCalendar;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How per-cycle statistics are scaled to a year: the number of bars a year holds for the bar
 * interval and the calendar. A 24/7 market has 365 × 1,440 minutes a year (525,600 one-minute
 * bars); a session market has 252 sessions a year, each holding ⌈session minutes / bar minutes⌉
 * intraday bars (390 one-minute bars of US equities), or one bar per session for daily bars.
 *
 * @param periodsPerYear cycles in a year; Sharpe, Sortino and volatility are scaled by its square root
 * @param basis          how it was derived, in words, e.g. {@code 1m bars, 24/7}
 */
public record Annualisation(double periodsPerYear, String basis) {

    /** Sessions in a US equities year. */
    public static final int SESSIONS_PER_YEAR = 252;
    private static final int MINUTES_PER_DAY = 24 * 60;

    public Annualisation {
        if (!(periodsPerYear > 0) || Double.isInfinite(periodsPerYear)) {
            throw new IllegalArgumentException("periods per year must be positive, was " + periodsPerYear);
        }
        Objects.requireNonNull(basis, "basis");
    }

    /** The annualisation of bars of {@code barInterval} traded on {@code calendar}. */
    public static Annualisation of(Duration barInterval, MarketCalendar calendar) {
        long minutes = barInterval.toMinutes();
        if (minutes <= 0) {
            throw new IllegalArgumentException("bar interval must be at least a minute, was " + barInterval);
        }
        String bars = label(minutes) + " bars";
        if (calendar.isContinuous()) {
            return new Annualisation(365.0 * MINUTES_PER_DAY / minutes, bars + ", 24/7");
        }
        if (minutes >= MINUTES_PER_DAY) {
            double days = (double) minutes / MINUTES_PER_DAY;
            return new Annualisation(SESSIONS_PER_YEAR / days, bars + ", " + SESSIONS_PER_YEAR + " sessions a year");
        }
        long perSession = (calendar.sessionMinutes() + minutes - 1) / minutes;
        return new Annualisation((double) SESSIONS_PER_YEAR * perSession,
                bars + ", " + perSession + " a session, " + SESSIONS_PER_YEAR + " sessions a year");
    }

    /** √periods per year: the factor from a per-cycle Sharpe, Sortino or standard deviation to a yearly one. */
    public double sqrtPeriods() {
        return Math.sqrt(periodsPerYear);
    }

    /** {@code 1m}, {@code 4h}, {@code 1d}. */
    static String label(long minutes) {
        if (minutes % MINUTES_PER_DAY == 0) {
            return minutes / MINUTES_PER_DAY + "d";
        }
        return minutes % 60 == 0 ? minutes / 60 + "h" : minutes + "m";
    }

    /** The periods as text: whole numbers without decimals, with thousands separators. */
    public String periodsText() {
        return periodsPerYear == Math.rint(periodsPerYear) ? String.format(Locale.ROOT, "%,.0f", periodsPerYear)
                : String.format(Locale.ROOT, "%,.4f", periodsPerYear);
    }
}
