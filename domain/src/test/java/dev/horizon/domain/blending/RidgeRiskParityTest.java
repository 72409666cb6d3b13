package dev.horizon.domain.blending;

import static dev.horizon.domain.blending.Approx.assertRel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RidgeRiskParityTest {

    private static final double[][] I2 = {{1, 0}, {0, 1}};

    private final RidgeRiskParity ridge = new RidgeRiskParity(0.15);

    private double[] weightsFor(double[] ic, double[][] sigma) {
        return ridge.weights(RidgeRiskParity.targets(ic, null, 0.5, 0.01), sigma);
    }

    @Test
    void golden_negative_raw_weight_is_clipped_to_zero() {
        double[] w = weightsFor(new double[] {0.05, 0.02, 0.03},
                new double[][] {{1, .6, .2}, {.6, 1, .3}, {.2, .3, 1}});
        assertRel(w, 0.6847982708933719, 0.0, 0.3152017291066282);
        assertThat(w[1]).isEqualTo(0.0);
    }

    @Test
    void golden_uncorrelated_model_gets_the_most_weight() {
        double[] w = weightsFor(new double[] {0.1, 0.1, 0.1},
                new double[][] {{1, .9, .1}, {.9, 1, .1}, {.1, .1, 1}});
        assertRel(w, 0.2658227848101266, 0.2658227848101265, 0.4683544303797468);
    }

    @Test
    void golden_equal_ic_identity_gives_equal_weights() {
        assertRel(weightsFor(new double[] {0.1, 0.1}, I2), 0.5, 0.5);
    }

    @Test
    void golden_identity_weights_proportional_to_ic() {
        assertRel(weightsFor(new double[] {0.2, 0.1}, I2), 0.6666666666666666, 0.3333333333333333);
    }

    @Test
    void golden_negative_ic_is_floored_at_one_percent() {
        assertRel(weightsFor(new double[] {-0.2, 0.05}, I2), 0.16666666666666666, 0.8333333333333334);
    }

    @Test
    void golden_single_model_gets_weight_one() {
        assertThat(weightsFor(new double[] {0.07}, new double[][] {{1}})).containsExactly(1.0);
    }

    @Test
    void zero_pivot_gives_equal_weights() {
        // Without the ridge term two perfectly correlated models make the system singular.
        RidgeRiskParity noRidge = new RidgeRiskParity(0.0);
        double[] w = noRidge.weights(new double[] {0.2, 0.1}, new double[][] {{1, 1}, {1, 1}});
        assertThat(w).containsExactly(0.5, 0.5);
    }

    @Test
    void all_weights_non_positive_gives_equal_weights() {
        // Off-diagonals of -0.9 make Σ + λI negative along (1,1,1): every raw weight is negative.
        double c = -0.9;
        double[] w = ridge.weights(new double[] {0.1, 0.1, 0.1}, new double[][] {{1, c, c}, {c, 1, c}, {c, c, 1}});
        assertRel(w, 1.0 / 3, 1.0 / 3, 1.0 / 3);
    }

    @Test
    void pivoting_handles_a_zero_leading_entry() {
        // λ = 0 and a zero top-left entry: only a row swap makes this solvable.
        RidgeRiskParity noRidge = new RidgeRiskParity(0.0);
        double[] w = noRidge.weights(new double[] {0.3, 0.1}, new double[][] {{0, 1}, {1, 0}});
        // x = (0.1, 0.3) → normalised (0.25, 0.75)
        assertRel(w, 0.25, 0.75);
    }

    @Test
    void targets_subtract_cost_share_and_floor_missing_ic() {
        double[] mu = RidgeRiskParity.targets(new double[] {0.1, 0.1, Double.NaN, 0.003},
                new double[] {0.04, 0.5, 0.0, 0.0}, 0.5, 0.01);
        assertRel(mu, 0.08, 0.01, 0.01, 0.01);
    }

    @Test
    void sigma_of_the_wrong_size_is_rejected() {
        assertThatThrownBy(() -> ridge.weights(new double[] {0.1, 0.1}, new double[][] {{1}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 rows for 2 models");
    }

    @Test
    void negative_lambda_is_rejected() {
        assertThatThrownBy(() -> new RidgeRiskParity(-0.1)).hasMessageContaining("ridge lambda");
    }
}
