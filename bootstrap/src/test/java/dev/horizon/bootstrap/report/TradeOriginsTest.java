package dev.horizon.bootstrap.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.horizon.domain.market.Symbol;
import dev.horizon.domain.order.ClientOrderId;
import dev.horizon.domain.order.Fill;
import dev.horizon.domain.order.OrderSide;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class TradeOriginsTest {

    @Test
    void the_cycle_is_read_from_the_engine_client_order_id() {
        assertThat(TradeOrigins.cycleOf(ClientOrderId.of("demo", 4711, Symbol.of("BTC/USD"), OrderSide.SELL))).isEqualTo(4711);
        assertThat(TradeOrigins.cycleOf(new ClientOrderId("manual-order-1"))).isEqualTo(-1);
        assertThat(TradeOrigins.cycleOf(new ClientOrderId("hz-demo-x-BTCUSD-B"))).isEqualTo(-1);
    }

    @Test
    void a_fill_takes_the_horizon_and_reason_of_the_trade_decision_of_its_cycle_and_symbol() {
        List<AttributedFill> fills = Scripted.attributed();

        assertThat(fills).extracting(AttributedFill::cycle).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(fills).extracting(AttributedFill::horizonLabel).containsExactly("5m", "15m", "5m", "30m", "none");
        assertThat(fills.get(0).reason()).isEqualTo("score 5m");
        assertThat(fills.get(4).reason()).isEmpty();
    }

    @Test
    void a_decision_of_another_symbol_in_the_same_cycle_is_not_the_origin() {
        TradeOrigins origins = new TradeOrigins();
        origins.record(7, List.of(Scripted.trade("5m", "10")));
        Symbol other = Symbol.of("ABC");
        Fill fill = new Fill("x", ClientOrderId.of("test", 7, other, OrderSide.BUY), other, OrderSide.BUY, BigDecimal.ONE,
                BigDecimal.TEN, BigDecimal.ZERO, Scripted.day(7));

        AttributedFill attributed = origins.attribute(fill);

        assertThat(attributed.cycle()).isEqualTo(7);
        assertThat(attributed.horizon()).isNull();
        assertThat(attributed.horizonLabel()).isEqualTo("none");
    }
}
