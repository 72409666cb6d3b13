package dev.horizon.bootstrap.config;

/**
 * Value checks of the config sections, each failing with a {@link ConfigException} on the key.
 * Fractions are fractions: a fraction key given a value above its range is taken for a percent.
 */
public final class Check {

    private Check() {
    }

    /** {@code value} if not null, else {@code fallback}. */
    public static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    /**
     * A fraction in (0, {@code max}]: {@code 50} for {@code risk.max_daily_loss} is a percent and
     * is refused as {@code 50 looks like a percent; fractions are written as 0.5}.
     *
     * @param max the largest sensible value (1 for a weight; larger for gross leverage)
     */
    public static double fraction(String key, double value, double max) {
        if (!Double.isFinite(value) || value <= 0) {
            throw new ConfigException(key, number(value) + " must be a fraction above 0 (e.g. 0.02 for 2%)");
        }
        if (value >= 1 && value > max) {
            throw new ConfigException(key, number(value) + " looks like a percent; fractions are written as "
                    + number(value / 100));
        }
        if (value > max) {
            throw new ConfigException(key, number(value) + " is above the largest allowed " + number(max));
        }
        return value;
    }

    /** A fraction in [0, max) where 0 is allowed (e.g. a no-trade band of 0). */
    public static double fractionOrZero(String key, double value, double max) {
        return value == 0 ? 0 : fraction(key, value, max);
    }

    /** A positive, finite number. */
    public static double positive(String key, double value) {
        if (!Double.isFinite(value) || value <= 0) {
            throw new ConfigException(key, number(value) + " must be a positive number");
        }
        return value;
    }

    /** A finite number {@code >= 0}. */
    public static double nonNegative(String key, double value) {
        if (!Double.isFinite(value) || value < 0) {
            throw new ConfigException(key, number(value) + " must be a number >= 0");
        }
        return value;
    }

    /** A count {@code >= min}. */
    public static int atLeast(String key, int value, int min) {
        if (value < min) {
            throw new ConfigException(key, value + " must be at least " + min);
        }
        return value;
    }

    /** A probability in [0, 1]. */
    public static double probability(String key, double value) {
        if (!(value >= 0 && value <= 1)) {
            if (value > 1 && value <= 100) {
                throw new ConfigException(key, number(value) + " looks like a percent; probabilities are written as "
                        + number(value / 100));
            }
            throw new ConfigException(key, number(value) + " must be a probability in [0, 1]");
        }
        return value;
    }

    /** Prints a number without a trailing {@code .0}. */
    public static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
