package dev.horizon.domain.features;

import dev.horizon.domain.market.BarSeries;
import java.util.Objects;

/**
 * Per-symbol volatility (PIPELINE.md §0): σ_bar is the sample standard deviation (ddof 1) of the
 * one-bar log returns ln(C_j / C_{j−1}) of the last {@code lookback} returns, i.e. over the last
 * {@code lookback + 1} closes (fewer when less history is held).
 *
 * <p>Fewer than {@value #MIN_RETURNS} returns is {@link #INSUFFICIENT_HISTORY}; a σ that is not
 * finite or not positive (a flat series, a zero or negative price) is {@link #INVALID_VOLATILITY}.
 * Either way the estimate is refused and carries no σ (fix: the original substituted a default).
 *
 * <p>Immutable and allocation-free on the refusal path; thread-safe.
 */
public final class Volatility {

    /** Default number of returns, {@code engine.vol_lookback}. */
    public static final int DEFAULT_LOOKBACK = 60;
    /** Fewest returns an estimate is made from. */
    public static final int MIN_RETURNS = 10;
    /** Refusal reason: fewer than {@value #MIN_RETURNS} returns. */
    public static final String INSUFFICIENT_HISTORY = "insufficient_history";
    /** Refusal reason: σ not finite or ≤ 0. */
    public static final String INVALID_VOLATILITY = "invalid_volatility";

    private static final VolatilityEstimate REFUSED_HISTORY = VolatilityEstimate.refused(INSUFFICIENT_HISTORY);
    private static final VolatilityEstimate REFUSED_INVALID = VolatilityEstimate.refused(INVALID_VOLATILITY);

    private final int lookback;

    /**
     * @param lookback number of most recent log returns to use ({@code engine.vol_lookback}),
     *                 at least {@value #MIN_RETURNS}
     * @throws IllegalArgumentException when below {@value #MIN_RETURNS}: every symbol would be refused
     */
    public Volatility(int lookback) {
        if (lookback < MIN_RETURNS) {
            throw new IllegalArgumentException("engine.vol_lookback must be at least " + MIN_RETURNS
                    + " returns, was " + lookback);
        }
        this.lookback = lookback;
    }

    /** Volatility over the default {@value #DEFAULT_LOOKBACK} returns. */
    public static Volatility withDefaultLookback() {
        return new Volatility(DEFAULT_LOOKBACK);
    }

    public int lookback() {
        return lookback;
    }

    /** σ_bar from the newest closes of a series. */
    public VolatilityEstimate estimate(BarSeries series) {
        int n = series.size();
        int returns = Math.min(lookback, n - 1);
        if (returns < MIN_RETURNS) {
            return REFUSED_HISTORY;
        }
        // Welford: one pass, one log per return, numerically stable.
        double mean = 0.0;
        double m2 = 0.0;
        double prev = series.close(n - 1 - returns);
        for (int k = 1; k <= returns; k++) {
            double cur = series.close(n - 1 - returns + k);
            double x = Math.log(cur / prev);
            double d = x - mean;
            mean += d / k;
            m2 += d * (x - mean);
            prev = cur;
        }
        return result(m2, returns);
    }

    /**
     * σ_bar from the closes {@code [0, n)} of a plain array, oldest first.
     *
     * @throws IllegalArgumentException if {@code n} lies outside the array
     */
    public VolatilityEstimate estimate(double[] closes, int n) {
        Objects.requireNonNull(closes, "closes");
        if (n < 0 || n > closes.length) {
            throw new IllegalArgumentException(n + " closes requested, " + closes.length + " supplied");
        }
        int returns = Math.min(lookback, n - 1);
        if (returns < MIN_RETURNS) {
            return REFUSED_HISTORY;
        }
        double mean = 0.0;
        double m2 = 0.0;
        int first = n - 1 - returns;
        for (int k = 1; k <= returns; k++) {
            double x = Math.log(closes[first + k] / closes[first + k - 1]);
            double d = x - mean;
            mean += d / k;
            m2 += d * (x - mean);
        }
        return result(m2, returns);
    }

    private static VolatilityEstimate result(double m2, int returns) {
        double sigma = Math.sqrt(m2 / (returns - 1));
        // NaN fails both tests, so a NaN or infinite price lands here too.
        if (!(sigma > 0.0) || !Double.isFinite(sigma)) {
            return REFUSED_INVALID;
        }
        return VolatilityEstimate.of(sigma);
    }

    /**
     * Scales a per-bar σ to another span by the square-root-of-time rule:
     * σ · √(minutes / barMinutes). Used for σ_h (a horizon's minutes) and σ_day (session minutes).
     *
     * @throws IllegalArgumentException if either span is not positive
     */
    public static double scale(double sigmaBar, int minutes, int barMinutes) {
        if (minutes <= 0 || barMinutes <= 0) {
            throw new IllegalArgumentException("minutes (" + minutes + ") and bar minutes (" + barMinutes
                    + ") must be positive");
        }
        return sigmaBar * Math.sqrt((double) minutes / barMinutes);
    }
}
