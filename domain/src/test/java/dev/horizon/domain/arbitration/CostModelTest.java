package dev.horizon.domain.arbitration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CostModelTest {

    private final CostModel model = new CostModel(CostConfig.defaults());

    static void assertRel(double actual, double expected) {
        assertThat(Math.abs(actual - expected))
                .as("actual %s vs expected %s", actual, expected)
                .isLessThanOrEqualTo(1e-12 * Math.abs(expected));
    }

    @Test
    void golden_timing_term_uses_one_bar_sigma() {
        CostBreakdown cost = model.cost(0.0, 0.0012, 0.0, Double.NaN);
        assertRel(cost.timingBps(), 1.7999999999999998);
        assertRel(cost.totalBps(), 1.7999999999999998);
    }

    @Test
    void golden_fifteen_minute_cost_with_impact() {
        CostBreakdown cost = model.cost(4.0, 0.0012, 250_000, 50_000_000);
        assertRel(cost.spreadBps(), 4.0);
        assertRel(cost.timingBps(), 1.7999999999999998);
        assertRel(cost.impactBps(), 7.0710678118654755);
        assertRel(cost.totalBps(), 12.871067811865476);
        assertRel(model.costBps(4.0, 0.0012, 250_000, 50_000_000), 12.871067811865476);
    }

    @Test
    void golden_impact_is_zero_when_adv_unknown_or_nothing_planned() {
        assertThat(CostModel.impactBps(250_000, Double.NaN)).isEqualTo(0.0);
        assertThat(CostModel.impactBps(0, 50_000_000)).isEqualTo(0.0);
        assertThat(CostModel.impactBps(250_000, 0)).isEqualTo(0.0);
    }

    @Test
    void impact_is_ten_bps_at_one_percent_participation() {
        assertRel(CostModel.impactBps(10_000, 1_000_000), 10.0);
        // Square root: four times the size costs twice as much.
        assertRel(CostModel.impactBps(40_000, 1_000_000), 20.0);
    }

    @Test
    void planned_shares_are_max_weight_of_portfolio_at_mid() {
        assertRel(CostModel.plannedShares(0.05, 1_000_000, 200.0), 250.0);
    }

    @Test
    void weights_scale_each_term() {
        CostModel custom = new CostModel(new CostConfig(2.0, 0.5, 0.0));
        CostBreakdown cost = custom.cost(3.0, 0.001, 10_000, 1_000_000);
        assertRel(cost.spreadBps(), 6.0);
        assertRel(cost.timingBps(), 5.0);
        assertThat(cost.impactBps()).isEqualTo(0.0);
        assertRel(cost.totalBps(), 11.0);
    }

    @Test
    void negative_weight_is_rejected_naming_the_key() {
        assertThatThrownBy(() -> new CostConfig(1.0, -0.15, 1.0)).hasMessageContaining("cost_model.k2");
    }
}
