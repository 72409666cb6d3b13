package dev.horizon.domain.features;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on feature rows: relative tolerance per feature, NaN only where NaN is expected. */
final class Rows {

    /** GOLDEN.md tolerance for values computed in double. */
    static final double TOLERANCE = 1e-12;

    private Rows() {
    }

    static void assertRow(double[] actual, double[] expected) {
        assertRow(actual, expected, 0.0);
    }

    /**
     * Like {@link #assertRow(double[], double[])} with an absolute floor on the tolerance, for
     * comparing two double implementations: {@code C/SMA − 1} and EMA differences cancel, so a
     * one-ulp difference in an intermediate is an absolute 1e-16, not a relative one.
     */
    static void assertRow(double[] actual, double[] expected, double absoluteFloor) {
        for (Feature f : Feature.values()) {
            assertFeature(f, actual[f.ordinal()], expected[f.ordinal()], absoluteFloor);
        }
    }

    static void assertFeature(Feature f, double actual, double expected) {
        assertFeature(f, actual, expected, 0.0);
    }

    static void assertFeature(Feature f, double actual, double expected, double absoluteFloor) {
        if (Double.isNaN(expected)) {
            assertThat(actual).as(f.featureName()).isNaN();
        } else {
            assertThat(actual).as(f.featureName()).isFinite();
            assertThat(Math.abs(actual - expected))
                    .as("%s: %s vs expected %s", f.featureName(), actual, expected)
                    .isLessThanOrEqualTo(Math.max(TOLERANCE * Math.abs(expected), absoluteFloor));
        }
    }

    static double[] compute(double[] open, double[] high, double[] low, double[] close, double[] volume, int n) {
        double[] out = new double[FeatureLibrary.size()];
        new FeatureCalculator().compute(open, high, low, close, volume, n, out);
        return out;
    }
}
