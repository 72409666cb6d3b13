package dev.horizon.domain.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.horizon.domain.market.Symbol;
import dev.horizon.domain.order.ClientOrderId;
import dev.horizon.domain.order.Order;
import dev.horizon.domain.order.OrderSide;
import dev.horizon.domain.order.OrderStatus;
import dev.horizon.domain.order.OrderType;
import dev.horizon.domain.order.TimeInForce;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EngineStateTest {

    private static final Instant T0 = Instant.parse("2024-01-02T15:00:00Z");
    private static final Symbol AAPL = Symbol.of("AAPL");

    private static Order order(long cycle) {
        return Order.intent(ClientOrderId.of("e", cycle, AAPL, OrderSide.BUY), AAPL, OrderSide.BUY, OrderType.MARKET,
                BigDecimal.ONE, null, TimeInForce.DAY, T0);
    }

    @Test
    void open_orders_are_kept_until_terminal() {
        Order o = order(1);
        EngineState state = EngineState.initial(BigDecimal.TEN).withOrder(o);
        assertThat(state.openOrders()).containsKey(o.clientOrderId());
        state = state.withOrder(o.transitionTo(OrderStatus.UNKNOWN, T0));
        assertThat(state.openOrders().get(o.clientOrderId()).status()).isEqualTo(OrderStatus.UNKNOWN);
        state = state.withOrder(o.transitionTo(OrderStatus.CANCELED, T0));
        assertThat(state.openOrders()).isEmpty();
    }

    @Test
    void state_is_immutable_and_derivations_leave_the_original_untouched() {
        EngineState initial = EngineState.initial(new BigDecimal("500"));
        EngineState paused = initial.toBuilder().paused(true).startCycle(3, T0).completeCycle().build();
        assertThat(initial.paused()).isFalse();
        assertThat(initial.cycleSeq()).isZero();
        assertThat(paused.paused()).isTrue();
        assertThat(paused.lastCycleTime()).isEqualTo(T0);
        assertThatThrownBy(() -> paused.positions().put(AAPL, PositionState.flat(AAPL)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void a_started_cycle_is_unfinished_until_completed() {
        EngineState started = EngineState.initial(BigDecimal.TEN).toBuilder().startCycle(1, T0).build();
        assertThat(started.hasUnfinishedCycle()).isTrue();
        EngineState done = started.toBuilder().completeCycle().build();
        assertThat(done.hasUnfinishedCycle()).isFalse();
        assertThat(done.completedCycleSeq()).isEqualTo(1);
    }

    @Test
    void flat_positions_and_terminal_orders_cannot_be_stored() {
        EngineState s = EngineState.initial(BigDecimal.ONE);
        assertThatThrownBy(() -> s.toBuilder().positions(Map.of(AAPL, PositionState.flat(AAPL))).build())
                .hasMessageContaining("flat position in AAPL");
        Order filled = order(2).transitionTo(OrderStatus.SUBMITTED, T0).transitionTo(OrderStatus.CANCELED, T0);
        assertThatThrownBy(() -> s.toBuilder().openOrders(Map.of(filled.clientOrderId(), filled)).build())
                .hasMessageContaining("is CANCELED and cannot be open");
    }

    @Test
    void kill_switch_keeps_its_first_reason_until_reset() {
        KillSwitchState k = KillSwitchState.inactive()
                .trip(KillSwitchKind.DAILY_LOSS, "daily_loss: -2.01% (limit -2.00%)", T0)
                .trip(KillSwitchKind.DRAWDOWN, "drawdown: later", T0.plusSeconds(60));
        assertThat(k.reason()).isEqualTo("daily_loss: -2.01% (limit -2.00%)");
        assertThat(k.kind().clearsAtNextSession()).isTrue();
        assertThat(KillSwitchKind.DRAWDOWN.clearsAtNextSession()).isFalse();
        assertThat(KillSwitchKind.MANUAL.clearsAtNextSession()).isFalse();
    }

    @Test
    void trade_decisions_carry_shares_only_when_trading() {
        assertThatThrownBy(() -> new TradeDecision(AAPL, Decision.HOLD, null, 0, 0, Double.NaN, BigDecimal.ONE,
                "x", DecisionTrace.empty())).hasMessageContaining("a HOLD decision trades no shares");
        assertThatThrownBy(() -> new TradeDecision(AAPL, Decision.TRADE, null, 0.01, 0, 0.001, BigDecimal.ZERO,
                "x", DecisionTrace.empty())).hasMessageContaining("needs a non-zero quantity");
        TradeDecision hold = TradeDecision.hold(AAPL, 0.02, "no_trade_band", DecisionTrace.builder()
                .put("sigma_bar", 0.0012).put("spread_bps", 3.5).build());
        assertThat(hold.targetWeight()).isEqualTo(0.02);
        assertThat(hold.trace().values()).containsEntry("sigma_bar", 0.0012).containsKeys("spread_bps");
    }
}
