package dev.horizon.domain.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.horizon.domain.market.Symbol;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OrderTest {

    private static final Instant T0 = Instant.parse("2024-01-02T15:00:00Z");
    private static final Symbol AAPL = Symbol.of("AAPL");
    private static final ClientOrderId ID = ClientOrderId.of("e1", 3, AAPL, OrderSide.BUY);

    private static Order accepted(String qty) {
        return Order.intent(ID, AAPL, OrderSide.BUY, OrderType.MARKET, new BigDecimal(qty), null, TimeInForce.DAY, T0)
                .transitionTo(OrderStatus.SUBMITTED, T0)
                .transitionTo(OrderStatus.ACCEPTED, T0);
    }

    private static Fill fill(String id, String qty, String price) {
        return new Fill(id, ID, AAPL, OrderSide.BUY, new BigDecimal(qty), new BigDecimal(price),
                new BigDecimal("0.01"), T0.plusSeconds(1));
    }

    @Test
    void partial_fills_accumulate_to_filled_with_an_exact_average_price() {
        Order order = accepted("10")
                .applyFill(fill("f1", "4", "100.10"))
                .applyFill(fill("f2", "6", "100.20"));

        assertThat(order.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(order.filledQuantity()).isEqualByComparingTo("10");
        // (4 × 100.10 + 6 × 100.20) / 10 = 100.16 exactly
        assertThat(order.averageFillPrice()).isEqualByComparingTo("100.16");
        assertThat(order.remainingQuantity()).isEqualByComparingTo("0");
    }

    @Test
    void a_first_partial_fill_moves_the_order_to_partially_filled() {
        Order order = accepted("10").applyFill(fill("f1", "4", "100.10"));
        assertThat(order.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(order.remainingQuantity()).isEqualByComparingTo("6");
    }

    @Test
    void an_overfill_is_refused() {
        assertThatThrownBy(() -> accepted("5").applyFill(fill("f1", "6", "100")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("overfills order " + ID);
    }

    @Test
    void a_fill_for_another_order_is_refused() {
        Fill other = new Fill("f1", ClientOrderId.of("e1", 4, AAPL, OrderSide.BUY), AAPL, OrderSide.BUY,
                BigDecimal.ONE, BigDecimal.TEN, BigDecimal.ZERO, T0);
        assertThatThrownBy(() -> accepted("5").applyFill(other))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("belongs to hz-e1-4-AAPL-B");
    }

    @Test
    void a_canceled_order_cannot_fill() {
        Order canceled = accepted("5").transitionTo(OrderStatus.CANCELED, T0);
        assertThatThrownBy(() -> canceled.applyFill(fill("f1", "1", "100")))
                .isInstanceOf(IllegalOrderTransitionException.class);
    }

    @Test
    void limit_orders_need_a_limit_price_and_market_orders_refuse_one() {
        assertThatThrownBy(() -> Order.intent(ID, AAPL, OrderSide.BUY, OrderType.LIMIT, BigDecimal.ONE, null,
                TimeInForce.DAY, T0)).hasMessageContaining("limit price is required for LIMIT orders only");
        assertThatThrownBy(() -> Order.intent(ID, AAPL, OrderSide.BUY, OrderType.MARKET, BigDecimal.ONE,
                BigDecimal.TEN, TimeInForce.DAY, T0)).hasMessageContaining("LIMIT orders only");
    }

    @Test
    void quantity_must_be_positive() {
        assertThatThrownBy(() -> Order.intent(ID, AAPL, OrderSide.BUY, OrderType.MARKET, BigDecimal.ZERO, null,
                TimeInForce.DAY, T0)).hasMessageContaining("quantity must be positive");
    }
}
