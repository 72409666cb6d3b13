package dev.horizon.bootstrap.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as the config writes them: a count and a unit, {@code 250ms}, {@code 30s}, {@code 5m},
 * {@code 1h}, {@code 1d}. A bare number is refused: {@code 30} could be seconds or minutes.
 */
public final class Durations {

    private static final Pattern FORMAT = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h|d)");

    private Durations() {
    }

    /**
     * Parses {@code text} for {@code key}.
     *
     * @throws ConfigException naming the key, when the unit is missing or unknown
     */
    public static Duration parse(String key, String text) {
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key, e.getMessage());
        }
    }

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException saying what is wrong (no key)
     */
    public static Duration parse(String text) {
        String t = text == null ? "" : text.trim();
        Matcher m = FORMAT.matcher(t);
        if (!m.matches()) {
            if (t.matches("\\d+(\\.\\d+)?")) {
                throw new IllegalArgumentException(t + " needs a unit: write it as e.g. " + t + "s or " + t + "m"
                        + " (ms, s, m, h, d)");
            }
            throw new IllegalArgumentException("'" + t + "' is not a duration: write a whole count and a unit,"
                    + " e.g. 250ms, 30s, 5m, 1h, 1d");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    /** The shortest exact spelling of {@code d}: {@code 1m}, {@code 90s}, {@code 250ms}. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 86_400_000L == 0 && ms != 0) {
            return ms / 86_400_000L + "d";
        }
        if (ms % 3_600_000L == 0 && ms != 0) {
            return ms / 3_600_000L + "h";
        }
        if (ms % 60_000L == 0 && ms != 0) {
            return ms / 60_000L + "m";
        }
        if (ms % 1000 == 0) {
            return ms / 1000 + "s";
        }
        return ms + "ms";
    }
}
