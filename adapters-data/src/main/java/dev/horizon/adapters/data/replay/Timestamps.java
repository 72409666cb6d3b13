package dev.horizon.adapters.data.replay;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * Parses the timestamp column of bar and trade files: ISO-8601 with or without an offset
 * ({@code 2013-11-25T00:00:00Z}, {@code 2013-11-25 00:00:00}), date-only ({@code 2013-01-02}),
 * and epoch seconds or milliseconds, told apart by magnitude.
 */
final class Timestamps {

    /**
     * Epoch values at or above this are milliseconds: 10^11 s is the year 5138, while 10^11 ms
     * is March 1973, so no realistic market timestamp is ambiguous.
     */
    private static final long MILLIS_THRESHOLD = 100_000_000_000L;
    /** 10^14 ms is the year 5138 again: anything larger is not seconds or milliseconds. */
    private static final long TOO_LARGE = 100_000_000_000_000L;
    private static final BigDecimal NANOS_PER_SECOND = BigDecimal.valueOf(1_000_000_000L);

    private Timestamps() {
    }

    /** True for a bare ISO date such as {@code 2013-01-02}. */
    static boolean isDateOnly(String text) {
        return text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-'
                && Character.isDigit(text.charAt(0)) && Character.isDigit(text.charAt(9));
    }

    /** Parses a date-only value. @throws IllegalArgumentException describing the problem */
    static LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw notATimestamp(text);
        }
    }

    /**
     * Parses a timestamp. A value without an offset, and a date-only value (its local midnight),
     * is read in {@code zone}.
     *
     * @throws IllegalArgumentException describing the problem, without file or line
     */
    static Instant parse(String text, ZoneId zone) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("timestamp is empty");
        }
        if (isEpochNumber(text)) {
            return parseEpoch(text);
        }
        if (isDateOnly(text)) {
            return parseDate(text).atStartOfDay(zone).toInstant();
        }
        String iso = text.length() > 10 && text.charAt(10) == ' '
                ? text.substring(0, 10) + 'T' + text.substring(11) : text;
        try {
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parse(iso);
            if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
                return Instant.from(parsed);
            }
            return LocalDateTime.from(parsed).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw notATimestamp(text);
        }
    }

    private static boolean isEpochNumber(String text) {
        int start = text.charAt(0) == '-' ? 1 : 0;
        if (start == text.length()) {
            return false;
        }
        boolean dot = false;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.' && !dot && i > start && i < text.length() - 1) {
                dot = true;
            } else if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static Instant parseEpoch(String text) {
        if (text.indexOf('.') < 0 && text.length() <= 18) {
            long value = Long.parseLong(text);
            long magnitude = Math.abs(value);
            if (magnitude >= TOO_LARGE) {
                throw tooLarge(text);
            }
            return magnitude >= MILLIS_THRESHOLD ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
        }
        BigDecimal value = new BigDecimal(text);
        BigDecimal magnitude = value.abs();
        if (magnitude.compareTo(BigDecimal.valueOf(TOO_LARGE)) >= 0) {
            throw tooLarge(text);
        }
        BigDecimal seconds = magnitude.compareTo(BigDecimal.valueOf(MILLIS_THRESHOLD)) >= 0
                ? value.movePointLeft(3) : value;
        BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
        long nanos = seconds.subtract(whole).multiply(NANOS_PER_SECOND).setScale(0, RoundingMode.FLOOR).longValueExact();
        return Instant.ofEpochSecond(whole.longValueExact(), nanos);
    }

    private static IllegalArgumentException tooLarge(String text) {
        return new IllegalArgumentException("timestamp " + text + " is too large for epoch seconds or milliseconds");
    }

    private static IllegalArgumentException notATimestamp(String text) {
        return new IllegalArgumentException("timestamp '" + text
                + "' is neither ISO-8601 (2013-01-02, 2013-01-02T10:30:00Z) nor epoch seconds/milliseconds");
    }
}
