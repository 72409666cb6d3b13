package dev.horizon.domain.blending;

import static org.assertj.core.api.Assertions.assertThat;

/** Relative-tolerance comparisons for the golden vectors (GOLDEN.md: 1e-12). */
final class Approx {

    static final double REL_TOL = 1e-12;

    private Approx() {
    }

    static void assertRel(double actual, double expected) {
        assertThat(Math.abs(actual - expected))
                .as("actual %s vs expected %s", actual, expected)
                .isLessThanOrEqualTo(REL_TOL * Math.abs(expected));
    }

    static void assertRel(double[] actual, double... expected) {
        assertThat(actual).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertRel(actual[i], expected[i]);
        }
    }
}
