package dev.horizon.domain.arbitration;

import static dev.horizon.domain.arbitration.CostModelTest.assertRel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.horizon.domain.market.Horizon;
import dev.horizon.domain.state.Decision;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HorizonArbiterTest {

    private static final double NaN = Double.NaN;
    private static final Horizon H5 = Horizon.parse("5m", 390);
    private static final Horizon H15 = Horizon.parse("15m", 390);
    private static final Horizon H20 = Horizon.parse("20m", 390);
    private static final Horizon H60 = Horizon.parse("60m", 390);
    private static final Horizon D1 = Horizon.parse("1d", 390);

    private static final CostModel COSTS = new CostModel(CostConfig.defaults());
    private static final double SIGMA_BAR = 0.0012;

    private static HorizonArbiter arbiter(boolean allowShort, Horizon... horizons) {
        return new HorizonArbiter(List.of(horizons), new ArbitrationConfig(2.0, 0.5, allowShort), COSTS);
    }

    private static ArbitrationContext context(double spreadBps, double currentWeight) {
        return new ArbitrationContext(spreadBps, SIGMA_BAR, 0.0, NaN, currentWeight);
    }

    @Test
    void golden_trade_on_fifteen_minutes() {
        Arbitration a = arbiter(false, H5, H15, H60).arbitrate(new double[] {0.0012, 0.0020, 0.0030}, context(4, 0));
        double[] scores = a.scores();
        assertRel(scores[0], 6.199999999999998);
        assertRel(scores[1], 8.198373822492686);
        assertRel(scores[2], 6.985938257194472);
        assertRel(a.thresholdBps(), 4.0);
        assertThat(a.kind()).isEqualTo(ArbitrationKind.TRADE);
        assertThat(a.kind().decision()).isEqualTo(Decision.TRADE);
        assertThat(a.horizon()).isEqualTo(H15);
        assertThat(a.horizonIndex()).isEqualTo(1);
        assertThat(a.direction()).isEqualTo(1);
        assertRel(a.score(), 8.198373822492686);
        assertThat(a.reason()).isEqualTo("score 8.20bps >= threshold 4.00bps");
        assertRel(a.chosenAlpha(), 0.0020);
    }

    @Test
    void golden_wide_spread_holds_with_every_score_below_threshold() {
        Arbitration a = arbiter(false, H5, H15, H60).arbitrate(new double[] {0.0012, 0.0020, 0.0030}, context(14, 0));
        double[] scores = a.scores();
        assertRel(scores[0], -3.8000000000000025);
        assertRel(scores[1], 2.424871130596428);
        assertRel(scores[2], 4.099186911246343);
        assertRel(a.thresholdBps(), 9.0);
        assertThat(a.kind()).isEqualTo(ArbitrationKind.HOLD);
        assertThat(a.kind().decision()).isEqualTo(Decision.HOLD);
        assertThat(a.horizon()).isEqualTo(H60);
        assertThat(a.reason()).isEqualTo("score 4.10bps < threshold 9.00bps");
    }

    @Test
    void cost_is_the_same_for_every_horizon_and_charges_one_bar_of_timing() {
        Arbitration a = arbiter(false, H5, H15, H60).arbitrate(new double[] {0.0012, 0.0020, 0.0030},
                new ArbitrationContext(4, SIGMA_BAR, 250_000, 50_000_000, 0));
        assertThat(a.costsBps()).containsOnly(a.cost().totalBps());
        assertRel(a.cost().totalBps(), 12.871067811865476);
        // net 15m = 20 − 12.871…, over √3
        assertRel(a.scores()[1], (20.0 - 12.871067811865476) / Math.sqrt(3));
    }

    @Test
    void ties_go_to_the_shorter_horizon() {
        // No cost: 5m scores 10/1, 20m scores 20/√4 = 10 exactly.
        ArbitrationContext free = new ArbitrationContext(0, 0, 0, NaN, 0);
        Arbitration a = arbiter(false, H5, H20).arbitrate(new double[] {0.001, 0.002}, free);
        assertThat(a.scores()).containsExactly(10.0, 10.0);
        assertThat(a.horizon()).isEqualTo(H5);
    }

    @Test
    void a_buy_signal_trades_up() {
        Arbitration a = arbiter(false, H5, H15).arbitrate(new double[] {0.0015, NaN}, context(2, 0));
        assertThat(a.kind()).isEqualTo(ArbitrationKind.TRADE);
        assertThat(a.direction()).isEqualTo(1);
    }

    @Test
    void a_sell_signal_trades_down_when_shorting_is_allowed_fix() {
        Arbitration a = arbiter(true, H5, H15).arbitrate(new double[] {-0.0015, -0.0010}, context(2, 0));
        assertThat(a.kind()).isEqualTo(ArbitrationKind.TRADE);
        assertThat(a.direction()).isEqualTo(-1);
        assertThat(a.horizon()).isEqualTo(H5);
        assertThat(a.targetsFlat()).isFalse();
        assertThat(a.reason()).startsWith("score ").contains(">= threshold");
    }

    @Test
    void sell_signal_without_shorting_sells_a_long_to_flat() {
        Arbitration a = arbiter(false, H5, H15).arbitrate(new double[] {-0.0015, NaN}, context(2, 0.03));
        assertThat(a.kind()).isEqualTo(ArbitrationKind.FLATTEN);
        assertThat(a.kind().decision()).isEqualTo(Decision.TRADE);
        assertThat(a.targetsFlat()).isTrue();
        assertThat(a.isTrade()).isTrue();
        assertThat(a.direction()).isEqualTo(-1);
        assertThat(a.reason()).isEqualTo("short_not_allowed: sell to flat (score 11.20bps >= threshold 3.00bps)");
    }

    @Test
    void sell_signal_without_shorting_holds_when_not_long() {
        HorizonArbiter arbiter = arbiter(false, H5, H15);
        Arbitration flat = arbiter.arbitrate(new double[] {-0.0015, NaN}, context(2, 0));
        assertThat(flat.kind()).isEqualTo(ArbitrationKind.HOLD);
        assertThat(flat.reason()).isEqualTo("short_not_allowed");
        Arbitration alreadyShort = arbiter.arbitrate(new double[] {-0.0015, NaN}, context(2, -0.01));
        assertThat(alreadyShort.kind()).isEqualTo(ArbitrationKind.HOLD);
        assertThat(alreadyShort.reason()).isEqualTo("short_not_allowed");
    }

    @Test
    void weak_sell_signal_holds_on_the_threshold_not_on_shorting() {
        Arbitration a = arbiter(false, H5).arbitrate(new double[] {-0.0005}, context(2, 0.03));
        assertThat(a.kind()).isEqualTo(ArbitrationKind.HOLD);
        assertThat(a.reason()).isEqualTo("score 1.20bps < threshold 3.00bps");
    }

    @Test
    void score_exactly_at_threshold_trades() {
        // No cost, spread 0, 5m: score = |α|·1e4 exactly, and θ = the entry threshold.
        ArbitrationContext free = new ArbitrationContext(0, 0, 0, NaN, 0);
        double score = 0.00038 * 1e4;
        HorizonArbiter atThreshold = new HorizonArbiter(List.of(H5), new ArbitrationConfig(score, 0.5, false), COSTS);
        assertThat(atThreshold.arbitrate(new double[] {0.00038}, free).kind()).isEqualTo(ArbitrationKind.TRADE);
        HorizonArbiter above = new HorizonArbiter(List.of(H5),
                new ArbitrationConfig(Math.nextUp(score), 0.5, false), COSTS);
        assertThat(above.arbitrate(new double[] {0.00038}, free).kind()).isEqualTo(ArbitrationKind.HOLD);
    }

    @Test
    void non_finite_scores_are_dropped() {
        Arbitration a = arbiter(false, H5, H15, H60)
                .arbitrate(new double[] {NaN, Double.POSITIVE_INFINITY, 0.0030}, context(4, 0));
        assertThat(a.scores()[0]).isNaN();
        assertThat(a.scores()[1]).isNaN();
        assertThat(a.horizon()).isEqualTo(H60);
        assertThat(a.kind()).isEqualTo(ArbitrationKind.TRADE);
    }

    @Test
    void no_finite_score_holds_no_valid_horizon() {
        Arbitration a = arbiter(false, H5, H15).arbitrate(new double[] {NaN, NaN}, context(4, 0));
        assertThat(a.kind()).isEqualTo(ArbitrationKind.HOLD);
        assertThat(a.reason()).isEqualTo("no_valid_horizon");
        assertThat(a.horizon()).isNull();
        assertThat(a.horizonIndex()).isEqualTo(-1);
        assertThat(a.direction()).isZero();
        assertThat(a.chosenAlpha()).isNaN();

        Arbitration badSigma = arbiter(false, H5).arbitrate(new double[] {0.01},
                new ArbitrationContext(4, NaN, 0, NaN, 0));
        assertThat(badSigma.reason()).isEqualTo("no_valid_horizon");
    }

    @Test
    void longer_horizon_must_earn_more_per_unit_of_risk() {
        // Same net edge: the day horizon's score is divided by √(390/5).
        ArbitrationContext free = new ArbitrationContext(0, 0, 0, NaN, 0);
        Arbitration a = arbiter(false, H5, D1).arbitrate(new double[] {0.001, 0.001}, free);
        assertRel(a.scores()[1], 10.0 / Math.sqrt(78));
        assertThat(a.horizon()).isEqualTo(H5);
    }

    @Test
    void horizons_must_be_ascending_with_distinct_lengths() {
        assertThatThrownBy(() -> arbiter(false, H15, H5)).hasMessageContaining("shortest first");
        Horizon oneHour = Horizon.parse("1h", 390);
        assertThatThrownBy(() -> arbiter(false, oneHour, H60)).hasMessageContaining("1h (60 min)");
        assertThatThrownBy(() -> arbiter(false, H5).arbitrate(new double[] {0.1, 0.2}, context(1, 0)))
                .hasMessageContaining("one alpha per horizon");
    }

    @Test
    void result_is_immutable() {
        double[] alphas = {0.0012, 0.0020, 0.0030};
        Arbitration a = arbiter(false, H5, H15, H60).arbitrate(alphas, context(4, 0));
        alphas[1] = 99;
        a.alphas()[1] = 99;
        a.scores()[1] = 99;
        assertThat(a.alphas()[1]).isEqualTo(0.0020);
        assertRel(a.scores()[1], 8.198373822492686);
        assertThat(a).isEqualTo(arbiter(false, H5, H15, H60)
                .arbitrate(new double[] {0.0012, 0.0020, 0.0030}, context(4, 0)));
    }

    @Test
    void trace_lists_per_horizon_alpha_cost_and_score() {
        Arbitration a = arbiter(false, H5, H15, H60).arbitrate(new double[] {0.0012, NaN, 0.0030}, context(4, 0));
        Map<String, Object> trace = a.trace().values();
        assertThat(trace).containsEntry("horizon", "60m").containsEntry("kind", "TRADE")
                .containsEntry("threshold_bps", 4.0);
        @SuppressWarnings("unchecked")
        Map<String, Object> horizons = (Map<String, Object>) trace.get("horizons");
        assertThat(horizons).containsOnlyKeys("5m", "60m");
        @SuppressWarnings("unchecked")
        Map<String, Object> h60 = (Map<String, Object>) horizons.get("60m");
        assertThat(h60).containsEntry("alpha", 0.0030).containsKeys("cost_bps", "score_bps");
    }
}
