package dev.horizon.adapters.data.alpaca;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bar length in Alpaca's spelling ({@code 1Min}, {@code 5Min}, {@code 1Hour}, {@code 1Day}) and
 * as a duration. Alpaca stamps a bar with its <em>start</em>; the engine's bar closes
 * {@link #length()} later.
 *
 * @param api    the {@code timeframe} query value
 * @param length the bar's length
 */
public record AlpacaTimeframe(String api, Duration length) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{1,2})(Min|Hour|Day)");

    /** Daily bars, for average daily volume. */
    public static final AlpacaTimeframe DAY = new AlpacaTimeframe("1Day", Duration.ofDays(1));

    public AlpacaTimeframe {
        Objects.requireNonNull(api, "api");
        Objects.requireNonNull(length, "length");
    }

    /**
     * Parses {@code <n>Min} (1-59), {@code <n>Hour} (1-23) or {@code 1Day}.
     *
     * @throws IllegalArgumentException naming the key and the accepted forms
     */
    public static AlpacaTimeframe parse(String value) {
        Matcher m = FORMAT.matcher(value == null ? "" : value.strip());
        if (m.matches()) {
            int n = Integer.parseInt(m.group(1));
            switch (m.group(2)) {
                case "Min":
                    if (n >= 1 && n <= 59) {
                        return new AlpacaTimeframe(n + "Min", Duration.ofMinutes(n));
                    }
                    break;
                case "Hour":
                    if (n >= 1 && n <= 23) {
                        return new AlpacaTimeframe(n + "Hour", Duration.ofHours(n));
                    }
                    break;
                default:
                    if (n == 1) {
                        return DAY;
                    }
                    break;
            }
        }
        throw new IllegalArgumentException("alpaca.bar_timeframe must be <n>Min (1-59), <n>Hour (1-23) or 1Day, was '"
                + value + "'");
    }

    /** True for daily bars. */
    public boolean daily() {
        return length.compareTo(Duration.ofDays(1)) >= 0;
    }
}
