package dev.horizon.domain.market;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Set;

/**
 * When a market trades: one session per day in the exchange's time zone.
 *
 * <p>A calendar whose open equals its close trades around the clock (24/7 crypto): every instant
 * is in session and the session day is the day in {@code zone} (UTC for crypto). Otherwise the
 * session covers bar closes in {@code (open, close]} local time, on weekdays only when {@code weekdaysOnly}, and
 * never on a listed holiday.
 */
public record MarketCalendar(ZoneId zone, LocalTime open, LocalTime close, boolean weekdaysOnly,
                             Set<LocalDate> holidays) {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    public MarketCalendar {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(open, "open");
        Objects.requireNonNull(close, "close");
        holidays = Set.copyOf(holidays);
        if (close.isBefore(open)) {
            throw new IllegalArgumentException("session close " + close + " is before open " + open);
        }
    }

    /** 24/7 trading with UTC session days (1440-minute sessions). */
    public static MarketCalendar alwaysOpen() {
        return new MarketCalendar(ZoneOffset.UTC, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, false, Set.of());
    }

    /** US equities regular hours: 09:30–16:00 New York time, Monday to Friday (390-minute sessions). */
    public static MarketCalendar usEquities(Set<LocalDate> holidays) {
        return new MarketCalendar(NEW_YORK, LocalTime.of(9, 30), LocalTime.of(16, 0), true, holidays);
    }

    /** True for a calendar that never closes. */
    public boolean isContinuous() {
        return open.equals(close);
    }

    /** Length of one session in minutes: 1440 for a continuous market. */
    public int sessionMinutes() {
        return isContinuous() ? 24 * 60 : (int) Duration.between(open, close).toMinutes();
    }

    /** The session day an instant belongs to: its date in the exchange's time zone. */
    public LocalDate sessionDay(Instant t) {
        return t.atZone(zone).toLocalDate();
    }

    /**
     * Whether the market is in session at {@code t}. A bar closing exactly at the session close
     * belongs to the session, so the close instant counts as open.
     */
    public boolean isOpen(Instant t) {
        ZonedDateTime local = t.atZone(zone);
        LocalDate day = local.toLocalDate();
        if (holidays.contains(day)) {
            return false;
        }
        if (weekdaysOnly && (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY)) {
            return false;
        }
        if (isContinuous()) {
            return true;
        }
        LocalTime time = local.toLocalTime();
        return time.isAfter(open) && !time.isAfter(close);
    }
}
