package dev.horizon.adapters.data.replay;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * How to read the timestamps of a bar CSV and what to do with bad rows.
 *
 * @param stamp      whether a row's timestamp is the bar's open or its close
 * @param interval   the bar length; required for {@link BarStamp#OPEN} (close = open + interval),
 *                   may be {@code null} for {@link BarStamp#CLOSE}
 * @param zone       the zone of timestamps written without an offset, and of date-only values
 * @param dailyClose when set, a date-only value ({@code 2013-01-02}) names a trading session that
 *                   closes at this local time in {@code zone} (e.g. 16:00 New York), whatever the
 *                   stamp; when {@code null}, a date-only value is local midnight and the stamp rule
 *                   applies to it like to any timestamp
 * @param lenient    {@code false}: the first bad row stops the read with a {@link CsvDataException};
 *                   {@code true}: bad rows are skipped and counted in {@link CsvBars#skippedRows()}
 */
public record CsvBarFormat(BarStamp stamp, Duration interval, ZoneId zone, LocalTime dailyClose, boolean lenient) {

    public CsvBarFormat {
        Objects.requireNonNull(stamp, "stamp");
        Objects.requireNonNull(zone, "zone");
        if (interval != null && (interval.isNegative() || interval.isZero())) {
            throw new IllegalArgumentException("bar interval must be positive, was " + interval);
        }
        if (stamp == BarStamp.OPEN && interval == null) {
            throw new IllegalArgumentException("open-stamped bars need the bar interval to find their close time");
        }
    }

    /** Rows stamped at the bar open; close = open + {@code interval}. UTC, strict. */
    public static CsvBarFormat openStamped(Duration interval) {
        return new CsvBarFormat(BarStamp.OPEN, Objects.requireNonNull(interval, "interval"), ZoneOffset.UTC, null, false);
    }

    /** Rows stamped at the bar close. UTC, strict. */
    public static CsvBarFormat closeStamped() {
        return new CsvBarFormat(BarStamp.CLOSE, null, ZoneOffset.UTC, null, false);
    }

    /** The same format with timestamps without an offset (and dates) read in {@code zone}. */
    public CsvBarFormat withZone(ZoneId zone) {
        return new CsvBarFormat(stamp, interval, zone, dailyClose, lenient);
    }

    /** The same format with date-only rows closing at {@code localClose} on their date. */
    public CsvBarFormat withDailyClose(LocalTime localClose) {
        return new CsvBarFormat(stamp, interval, zone, Objects.requireNonNull(localClose, "localClose"), lenient);
    }

    /** The same format, skipping and counting bad rows when {@code lenient}, failing on them otherwise. */
    public CsvBarFormat withLenient(boolean lenient) {
        return new CsvBarFormat(stamp, interval, zone, dailyClose, lenient);
    }
}
