package dev.horizon.domain.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.horizon.domain.market.Symbol;
import dev.horizon.domain.order.ClientOrderId;
import dev.horizon.domain.order.Fill;
import dev.horizon.domain.order.OrderSide;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Cash and positions move only by fills, exactly, fees included. */
class LedgerArithmeticTest {

    private static final Symbol AAPL = Symbol.of("AAPL");
    private static final Instant T0 = Instant.parse("2024-01-02T15:00:00Z");

    private static Fill fill(int seq, OrderSide side, String qty, String price, String fee) {
        return new Fill("f" + seq, ClientOrderId.of("e", seq, AAPL, side), AAPL, side, new BigDecimal(qty),
                new BigDecimal(price), new BigDecimal(fee), T0.plusSeconds(seq));
    }

    @Test
    void cash_is_exact_over_many_small_fills_where_double_would_drift() {
        EngineState state = EngineState.initial(new BigDecimal("100000.00"));
        for (int i = 0; i < 1000; i++) {
            state = state.applyFill(fill(i, OrderSide.BUY, "0.1", "0.10", "0.01"));
        }
        // each fill costs 0.1 × 0.10 + 0.01 = 0.02 → 1000 fills cost exactly 20.00
        assertThat(state.cash()).isEqualByComparingTo("99980.00");
        assertThat(state.position(AAPL).shares()).isEqualByComparingTo("100.0");

        double drifting = 100000.00;
        for (int i = 0; i < 1000; i++) {
            drifting -= 0.1 * 0.10 + 0.01;
        }
        assertThat(drifting).isNotEqualTo(99980.00);
    }

    @Test
    void a_buy_pays_notional_plus_fee_and_a_sell_receives_notional_minus_fee() {
        EngineState state = EngineState.initial(new BigDecimal("10000"))
                .applyFill(fill(1, OrderSide.BUY, "10", "100.05", "0.10"));
        assertThat(state.cash()).isEqualByComparingTo("8999.40");
        state = state.applyFill(fill(2, OrderSide.SELL, "4", "101.25", "0.04"));
        assertThat(state.cash()).isEqualByComparingTo("9404.36");
        assertThat(state.position(AAPL).shares()).isEqualByComparingTo("6");
        assertThat(state.position(AAPL).averageEntryPrice()).isEqualByComparingTo("100.05");
    }

    @Test
    void adding_to_a_position_moves_the_average_entry_price() {
        PositionState p = PositionState.flat(AAPL)
                .apply(fill(1, OrderSide.BUY, "10", "100", "0"))
                .apply(fill(2, OrderSide.BUY, "30", "104", "0"));
        assertThat(p.averageEntryPrice()).isEqualByComparingTo("103");
        assertThat(p.entryTime()).isEqualTo(T0.plusSeconds(1));
        assertThat(p.markPrice()).isEqualByComparingTo("104");
        assertThat(p.unrealizedPnl()).isEqualByComparingTo("40");
    }

    @Test
    void selling_through_zero_opens_a_short_at_the_fill_price() {
        PositionState p = PositionState.flat(AAPL)
                .apply(fill(1, OrderSide.BUY, "10", "100", "0"))
                .apply(fill(2, OrderSide.SELL, "15", "110", "0"));
        assertThat(p.shares()).isEqualByComparingTo("-5");
        assertThat(p.averageEntryPrice()).isEqualByComparingTo("110");
        assertThat(p.entryTime()).isEqualTo(T0.plusSeconds(2));
        assertThat(p.markedAt(new BigDecimal("100")).unrealizedPnl()).isEqualByComparingTo("50");
    }

    @Test
    void closing_a_position_removes_it_from_the_state() {
        EngineState state = EngineState.initial(new BigDecimal("1000"))
                .applyFill(fill(1, OrderSide.BUY, "2", "10", "0"))
                .applyFill(fill(2, OrderSide.SELL, "2", "11", "0"));
        assertThat(state.positions()).isEmpty();
        assertThat(state.cash()).isEqualByComparingTo("1002");
        assertThat(state.position(AAPL).isFlat()).isTrue();
    }

    @Test
    void fills_must_have_positive_quantity_and_price_and_non_negative_fee() {
        assertThatThrownBy(() -> fill(1, OrderSide.BUY, "0", "10", "0")).hasMessageContaining("quantity must be positive");
        assertThatThrownBy(() -> fill(1, OrderSide.BUY, "1", "-10", "0")).hasMessageContaining("price must be positive");
        assertThatThrownBy(() -> fill(1, OrderSide.BUY, "1", "10", "-0.01")).hasMessageContaining("fee must be >= 0");
    }
}
