package dev.horizon.domain.market;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A prediction horizon such as {@code 5m}, {@code 1h} or {@code 1d}.
 *
 * <p>Horizons are ordered by their length in minutes, never by their label ({@code 10m} comes
 * after {@code 5m}). A day is one trading session: {@code 1d} is {@code sessionMinutes} long
 * (390 for US equities, 1440 for 24/7 crypto). Two horizons are equal when their label and
 * length are equal.
 *
 * @param label   the canonical label, e.g. {@code 15m}
 * @param minutes the length in minutes, positive
 */
public record Horizon(String label, int minutes) implements Comparable<Horizon> {

    private static final Pattern FORMAT = Pattern.compile("([1-9][0-9]{0,4})([mhd])");

    public Horizon {
        Objects.requireNonNull(label, "label");
        if (minutes <= 0) {
            throw new IllegalArgumentException("horizon " + label + " must be positive, was " + minutes + " minutes");
        }
    }

    /**
     * Parses {@code <N>m}, {@code <N>h} or {@code <N>d}.
     *
     * @param text           the label, e.g. {@code "5m"}, {@code "1h"}, {@code "1d"}
     * @param sessionMinutes minutes in one trading session, the length of {@code 1d}
     * @throws IllegalArgumentException naming the text and the accepted forms
     */
    public static Horizon parse(String text, int sessionMinutes) {
        if (sessionMinutes <= 0) {
            throw new IllegalArgumentException("session minutes must be positive, was " + sessionMinutes);
        }
        String trimmed = text == null ? "" : text.trim();
        Matcher m = FORMAT.matcher(trimmed);
        if (!m.matches()) {
            throw new IllegalArgumentException("invalid horizon '" + text
                    + "': expected a positive count followed by m, h or d (e.g. 5m, 1h, 1d)");
        }
        long n = Long.parseLong(m.group(1));
        long minutes = switch (m.group(2)) {
            case "m" -> n;
            case "h" -> n * 60;
            default -> n * sessionMinutes;
        };
        if (minutes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("invalid horizon '" + text + "': too long");
        }
        return new Horizon(trimmed, (int) minutes);
    }

    @Override
    public int compareTo(Horizon other) {
        int byLength = Integer.compare(minutes, other.minutes);
        return byLength != 0 ? byLength : label.compareTo(other.label);
    }

    @Override
    public String toString() {
        return label;
    }
}
