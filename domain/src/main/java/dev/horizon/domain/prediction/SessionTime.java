package dev.horizon.domain.prediction;

import dev.horizon.domain.market.MarketCalendar;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;

/** Session-time arithmetic for calendars with a daily open and close. */
final class SessionTime {

    /** More than ten years without a trading day means a broken holiday list, not a real calendar. */
    private static final int MAX_DAYS = 3660;

    private SessionTime() {
    }

    static Instant plusMinutes(MarketCalendar calendar, Instant t, long minutes) {
        ZonedDateTime local = t.atZone(calendar.zone());
        LocalDate day = local.toLocalDate();
        LocalTime time = local.toLocalTime();
        // an instant outside the session counts from the next open
        if (!isTradingDay(calendar, day) || time.isAfter(calendar.close())) {
            day = nextTradingDay(calendar, day);
            time = calendar.open();
        } else if (time.isBefore(calendar.open())) {
            time = calendar.open();
        }
        Duration remaining = Duration.ofMinutes(minutes);
        for (int guard = 0; guard < MAX_DAYS; guard++) {
            ZonedDateTime from = ZonedDateTime.of(day, time, calendar.zone());
            Duration left = Duration.between(from, ZonedDateTime.of(day, calendar.close(), calendar.zone()));
            if (remaining.compareTo(left) <= 0) {
                return from.plus(remaining).toInstant();
            }
            remaining = remaining.minus(left);
            day = nextTradingDay(calendar, day);
            time = calendar.open();
        }
        throw new IllegalStateException("market calendar has no trading day within " + MAX_DAYS
                + " days after " + t + ": check its holiday list");
    }

    private static LocalDate nextTradingDay(MarketCalendar calendar, LocalDate day) {
        LocalDate next = day.plusDays(1);
        for (int guard = 0; guard < MAX_DAYS && !isTradingDay(calendar, next); guard++) {
            next = next.plusDays(1);
        }
        return next;
    }

    private static boolean isTradingDay(MarketCalendar calendar, LocalDate day) {
        if (calendar.holidays().contains(day)) {
            return false;
        }
        return !calendar.weekdaysOnly()
                || (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY);
    }
}
