package dev.horizon.domain.blending;

/**
 * Flattens blend weights toward uniform: {@code w_m ← w_m^T / Σ w^T}.
 *
 * <p>For {@code 0 < T < 1} a power below one lifts small weights relative to large ones, which is
 * what the short, noisy horizons need; the design deliberately uses {@code w^T}, not
 * {@code w^(1/T)} (which would sharpen). {@code T >= 1} leaves the weights as they are;
 * {@code T <= 0} gives equal weights, the limit of infinite flattening.
 *
 * <p>Stateless and thread-safe.
 */
public final class TemperatureCompressor {

    /**
     * Compresses {@code weights} (non-negative, summing to 1) at temperature {@code t}.
     *
     * @return a new array summing to 1; zero weights stay zero unless {@code t <= 0}
     * @throws IllegalArgumentException when {@code t} is NaN
     */
    public double[] compress(double[] weights, double t) {
        int n = weights.length;
        if (Double.isNaN(t)) {
            throw new IllegalArgumentException("blending temperature must be a number, was NaN");
        }
        if (n == 0) {
            return new double[0];
        }
        if (t <= 0) {
            return RidgeRiskParity.equalWeights(n);
        }
        if (t >= 1) {
            return weights.clone();
        }
        double[] out = new double[n];
        double sum = 0.0;
        for (int i = 0; i < n; i++) {
            out[i] = Math.pow(weights[i], t);
            sum += out[i];
        }
        if (!(sum > 0) || Double.isInfinite(sum)) {
            return RidgeRiskParity.equalWeights(n);
        }
        for (int i = 0; i < n; i++) {
            out[i] /= sum;
        }
        return out;
    }
}
