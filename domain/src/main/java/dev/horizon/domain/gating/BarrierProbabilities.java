package dev.horizon.domain.gating;

/**
 * The barrier models' view of one symbol: p_peak and p_valley, each the mean probability of the
 * symbol's {@code will_peak_<h0>} / {@code will_valley_<h0>} models at the shortest horizon h0.
 *
 * @param available false when no barrier models are configured at all (the gate is off)
 * @param peak      mean p_peak; {@code NaN} when no peak model predicted this symbol
 * @param valley    mean p_valley; {@code NaN} when no valley model predicted this symbol
 */
public record BarrierProbabilities(boolean available, double peak, double valley) {

    private static final BarrierProbabilities NONE = new BarrierProbabilities(false, Double.NaN, Double.NaN);

    /** No barrier models configured: the gate is off (factor 1). */
    public static BarrierProbabilities none() {
        return NONE;
    }

    /** Known probabilities (either may be non-finite, which blocks entries). */
    public static BarrierProbabilities of(double peak, double valley) {
        return new BarrierProbabilities(true, peak, valley);
    }

    /**
     * The means of the barrier models' predictions for one symbol. Barrier models are configured, so
     * a side with no prediction for this symbol is {@code NaN} — entries are then blocked
     * ({@code invalid_barrier_prob}) rather than sized on a guessed probability.
     *
     * @param peaks   the peak models' probabilities for this symbol, in model order
     * @param valleys the valley models' probabilities for this symbol, in model order
     */
    public static BarrierProbabilities fromPredictions(double[] peaks, double[] valleys) {
        return of(mean(peaks), mean(valleys));
    }

    /** True when both probabilities are finite numbers. */
    public boolean isFinite() {
        return Double.isFinite(peak) && Double.isFinite(valley);
    }

    private static double mean(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double sum = 0.0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
