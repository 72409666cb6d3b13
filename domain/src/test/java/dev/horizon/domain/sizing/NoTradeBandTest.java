package dev.horizon.domain.sizing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class NoTradeBandTest {

    private final NoTradeBand band = new NoTradeBand(SizingConfig.defaults());

    @Test
    void move_smaller_than_the_band_holds_at_the_current_weight() {
        assertThat(band.holds(0.016, 0.01)).isTrue();
        assertThat(band.target(0.016, 0.01)).isEqualTo(0.01);
        assertThat(band.holds(-0.005, 0.0)).isTrue();
    }

    @Test
    void move_of_at_least_the_band_trades_to_the_raw_weight() {
        assertThat(band.holds(0.008, 0.0)).as("strict inequality").isFalse();
        assertThat(band.target(0.02, 0.01)).isEqualTo(0.02);
        assertThat(band.target(-0.01, 0.0)).isEqualTo(-0.01);
    }

    @Test
    void current_weight_is_the_market_value_weight_fix() {
        // 100 shares bought when they were 5% of the book; the price doubled since.
        double w = NoTradeBand.marketValueWeight(new BigDecimal("100"), 100.0, new BigDecimal("100000"));

        assertThat(w).isEqualTo(0.1);
        assertThat(NoTradeBand.marketValueWeight(new BigDecimal("-20"), 50.0, new BigDecimal("100000"))).isEqualTo(-0.01);
        assertThat(NoTradeBand.marketValueWeight(BigDecimal.ZERO, Double.NaN, new BigDecimal("100000"))).isZero();
        // With the market-value weight, a raw weight of 0.104 is inside the band; with the stale
        // fill-time weight 0.05 it would have traded.
        assertThat(band.holds(0.104, w)).isTrue();
    }

    @Test
    void weights_need_a_positive_portfolio_value() {
        assertThatThrownBy(() -> NoTradeBand.marketValueWeight(BigDecimal.ONE, 10.0, BigDecimal.ZERO))
                .hasMessageContaining("portfolio value must be positive");
    }
}
