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
        int first = n - 1 - returns;
        // The series keeps each bar's log return: the same Math.log(C_i / C_{i−1}) as below, once per bar.
        double shift = series.logReturn(first + 1);
        double sum = 0.0;
        double sumSq = 0.0;
        for (int i = first + 2; i < n; i++) {
            double y = series.logReturn(i) - shift;
            sum += y;
            sumSq += y * y;
        }
        return result(sum, sumSq, returns);
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
        int first = n - 1 - returns;
        double shift = Math.log(closes[first + 1] / closes[first]);
        double sum = 0.0;
        double sumSq = 0.0;
        for (int i = first + 2; i < n; i++) {
            double y = Math.log(closes[i] / closes[i - 1]) - shift;
            sum += y;
            sumSq += y * y;
        }
        return result(sum, sumSq, returns);
    }

    /**
     * Sample variance from sums of the returns shifted by the first one. One pass with no
     * division in the loop (the logs pipeline), accurate because the shift sits within a few σ of
     * the mean, and exactly 0 when every return is equal, so a flat or constant-growth history is
     * refused rather than given a σ of rounding noise.
     */
    private static VolatilityEstimate result(double sum, double sumSq, int returns) {
        double variance = (sumSq - sum * sum / returns) / (returns - 1);
        double sigma = Math.sqrt(Math.max(variance, 0.0));
        // NaN fails both tests, so a NaN, zero or negative price lands here too.
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
