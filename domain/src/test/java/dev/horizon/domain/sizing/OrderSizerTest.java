package dev.horizon.domain.sizing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class OrderSizerTest {

    private static final BigDecimal PV = new BigDecimal("100000");
    private static final BigDecimal ONE_SHARE = BigDecimal.ONE;
    private final OrderSizer sizer = new OrderSizer(SizingConfig.defaults());

    @Test
    void shares_are_floor_of_weight_change_times_pv_over_mid() {
        OrderSize order = sizer.size(0.016666666666666666, BigDecimal.ZERO, 187.30, PV, ONE_SHARE);

        // 0.016666666666666666 × 100000 / 187.30 = 8.898...
        assertThat(order.signedQuantity()).isEqualByComparingTo("8");
        assertThat(order.notional()).isEqualByComparingTo("1498.40");
        assertThat(order.isTradable()).isTrue();
        assertThat(order.reason()).isEmpty();
    }

    @Test
    void the_change_is_taken_from_the_market_value_of_the_shares_held() {
        // Holding 10 at 100 = 1% of the book; the target is 5%: buy floor(4000 / 100) = 40.
        assertThat(sizer.size(0.05, new BigDecimal("10"), 100.0, PV, ONE_SHARE).signedQuantity())
                .isEqualByComparingTo("40");
        // Holding 50 = 5%; the target is 2%: sell 30.
        assertThat(sizer.size(0.02, new BigDecimal("50"), 100.0, PV, ONE_SHARE).signedQuantity())
                .isEqualByComparingTo("-30");
        // Short 20 = −2%; the target is −5%: sell 30 more.
        assertThat(sizer.size(-0.05, new BigDecimal("-20"), 100.0, PV, ONE_SHARE).signedQuantity())
                .isEqualByComparingTo("-30");
    }

    @Test
    void exact_decimal_arithmetic_floors_a_whole_number_of_shares_without_losing_one() {
        // 0.05 × 100000 / 50 = 100 exactly; a double round trip could give 99.99999.
        assertThat(sizer.size(0.05, BigDecimal.ZERO, 50.0, PV, ONE_SHARE).signedQuantity()).isEqualByComparingTo("100");
    }

    @Test
    void fractional_lot_rounds_down_to_the_lot_in_big_decimal() {
        OrderSize order = sizer.size(0.05, BigDecimal.ZERO, 43_210.55, PV, new BigDecimal("0.0001"));

        // 5000 / 43210.55 = 0.115712...
        assertThat(order.signedQuantity()).isEqualTo(new BigDecimal("0.1157"));
    }

    @Test
    void fractional_lot_of_five_rounds_down_to_a_multiple_of_five() {
        assertThat(sizer.size(0.05, BigDecimal.ZERO, 100.0, PV, new BigDecimal("5")).signedQuantity())
                .isEqualByComparingTo("50");
        assertThat(sizer.size(0.0549, BigDecimal.ZERO, 100.0, PV, new BigDecimal("5")).signedQuantity())
                .isEqualByComparingTo("50");
    }

    @Test
    void below_one_lot_holds_below_min_order() {
        OrderSize order = sizer.size(0.001, BigDecimal.ZERO, 187.30, PV, ONE_SHARE);

        assertThat(order.isTradable()).isFalse();
        assertThat(order.signedQuantity()).isZero();
        assertThat(order.reason()).isEqualTo("below_min_order");
    }

    @Test
    void below_min_order_notional_holds_below_min_order() {
        // One lot of 0.0001 BTC at 5000 is $0.50.
        OrderSize order = sizer.size(0.000005, BigDecimal.ZERO, 5_000.0, PV, new BigDecimal("0.0001"));
        assertThat(order.reason()).isEqualTo("below_min_order");
        assertThat(order.notional()).isEqualByComparingTo("0.50");

        // Two lots are exactly $1.00: allowed.
        OrderSize two = sizer.size(0.00001, BigDecimal.ZERO, 5_000.0, PV, new BigDecimal("0.0001"));
        assertThat(two.signedQuantity()).isEqualByComparingTo("0.0002");
        assertThat(two.notional()).isEqualByComparingTo("1.00");
    }

    @Test
    void target_zero_closes_the_whole_position_without_dust() {
        OrderSize order = sizer.size(0.0, new BigDecimal("12.34567"), 100.0, PV, new BigDecimal("0.01"));

        assertThat(order.signedQuantity()).isEqualByComparingTo("-12.34567");
        assertThat(sizer.size(0.0, new BigDecimal("-7"), 100.0, PV, ONE_SHARE).signedQuantity())
                .isEqualByComparingTo("7");
    }

    @Test
    void no_change_is_below_min_order() {
        assertThat(sizer.size(0.0, BigDecimal.ZERO, 100.0, PV, ONE_SHARE).reason()).isEqualTo("below_min_order");
        assertThat(sizer.size(0.01, new BigDecimal("10"), 100.0, PV, ONE_SHARE).reason()).isEqualTo("below_min_order");
    }

    @Test
    void a_reduction_never_sells_more_than_is_held() {
        assertThat(sizer.size(1e-9, new BigDecimal("3"), 100.0, PV, ONE_SHARE).signedQuantity())
                .isEqualByComparingTo("-2");
    }

    @Test
    void invalid_inputs_are_refused() {
        assertThatThrownBy(() -> sizer.size(0.01, BigDecimal.ZERO, Double.NaN, PV, ONE_SHARE)).hasMessageContaining("mid");
        assertThatThrownBy(() -> sizer.size(0.01, BigDecimal.ZERO, 10, BigDecimal.ZERO, ONE_SHARE))
                .hasMessageContaining("portfolio value");
        assertThatThrownBy(() -> sizer.size(0.01, BigDecimal.ZERO, 10, PV, BigDecimal.ZERO)).hasMessageContaining("lot");
    }
}
