package dev.horizon.domain.blending;

/**
 * One cycle's inputs to a {@link HorizonBlender}, as matrices over the horizon's models (rows, in
 * family order) and the cycle's symbols (columns, in any order the caller keeps consistently).
 *
 * <p>This is a carrier for the hot path: the arrays are validated for shape but not copied, and
 * the blender only reads them. A missing value is {@code NaN}.
 *
 * @param standardized standardized scores s [models × symbols], NaN = model did not predict the
 *                     symbol; feeds the correlation window
 * @param calibrated   calibrated scores s̃ = s·c [models × symbols], NaN = absent
 * @param confidence   confidences c [models × symbols], read where {@code calibrated} is present
 * @param ic           IC per model, the base of the target μ
 * @param costShare    cost share per model, or {@code null} when no adapter supplies one (all 0)
 * @param sigmaH       σ_h per symbol: the decimal volatility over this horizon
 */
public record BlendInput(double[][] standardized, double[][] calibrated, double[][] confidence, double[] ic,
                         double[] costShare, double[] sigmaH) {

    public BlendInput {
        int models = ic.length;
        int symbols = sigmaH.length;
        requireShape("standardized scores", standardized, models, symbols);
        requireShape("calibrated scores", calibrated, models, symbols);
        requireShape("confidences", confidence, models, symbols);
        if (costShare != null && costShare.length != models) {
            throw new IllegalArgumentException("blend input: " + costShare.length + " cost shares for " + models
                    + " models");
        }
    }

    /** Models (rows). */
    public int modelCount() {
        return ic.length;
    }

    /** Symbols (columns). */
    public int symbolCount() {
        return sigmaH.length;
    }

    private static void requireShape(String what, double[][] matrix, int models, int symbols) {
        if (matrix.length != models) {
            throw new IllegalArgumentException("blend input: " + what + " have " + matrix.length + " rows for "
                    + models + " models");
        }
        for (double[] row : matrix) {
            if (row.length != symbols) {
                throw new IllegalArgumentException("blend input: " + what + " need one value per symbol ("
                        + symbols + "), got " + row.length);
            }
        }
    }
}
