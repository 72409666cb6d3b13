package dev.horizon.application.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.horizon.application.execution.FakeBroker.Behaviour;
import dev.horizon.application.port.EventSink;
import dev.horizon.application.time.SimulatedClock;
import dev.horizon.domain.journal.JournalEntry;
import dev.horizon.domain.market.MarketCalendar;
import dev.horizon.domain.market.Symbol;
import dev.horizon.domain.order.Order;
import dev.horizon.domain.order.OrderSide;
import dev.horizon.domain.order.OrderStatus;
import dev.horizon.domain.order.OrderType;
import dev.horizon.domain.order.TimeInForce;
import dev.horizon.domain.state.EngineState;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderExecutorTest {

    private static final Instant T = Instant.parse("2024-01-02T15:00:00Z");
    private static final Symbol AAPL = Symbol.of("AAPL");
    private static final Symbol MSFT = Symbol.of("MSFT");

    private final SimulatedClock clock = new SimulatedClock(T, MarketCalendar.alwaysOpen());
    private final MemoryStore store = new MemoryStore();
    private final StateJournal journal = new StateJournal(store, EventSink.discarding(),
            EngineState.initial(new BigDecimal("10000")).toBuilder().startCycle(7, T).build());

    private List<Order> execute(FakeBroker broker, ExecutionConfig config, OrderRequest... requests) {
        return new OrderExecutor(broker, clock, config).execute(journal, List.of(requests));
    }

    private static ExecutionConfig config() {
        return new ExecutionConfig("e1", OrderPricing.MARKET, 10, TimeInForce.DAY, Duration.ofSeconds(30),
                Duration.ofSeconds(1));
    }

    private static OrderRequest buy(Symbol s, String qty) {
        return new OrderRequest(s, OrderSide.BUY, new BigDecimal(qty), 100.0);
    }

    @Test
    void a_filled_order_moves_cash_and_position_by_the_fill_fees_included() {
        FakeBroker broker = new FakeBroker(new BigDecimal("100.05"), Behaviour.FILL);
        List<Order> done = execute(broker, config(), buy(AAPL, "10"));
        assertThat(done).extracting(Order::status).containsExactly(OrderStatus.FILLED);
        assertThat(journal.state().cash()).isEqualByComparingTo("8999.40"); // 10000 − 1000.50 − 0.10
        assertThat(journal.state().position(AAPL).shares()).isEqualByComparingTo("10");
        assertThat(journal.state().openOrders()).isEmpty();
    }

    @Test
    void the_intent_is_journaled_before_the_submit_reaches_the_broker() {
        FakeBroker broker = new FakeBroker(new BigDecimal("100"), Behaviour.FILL) {
            @Override
            public Order submit(Order intent) {
                assertThat(store.entries).singleElement().isInstanceOf(JournalEntry.OrderIntent.class);
                return super.submit(intent);
            }
        };
        execute(broker, config(), buy(AAPL, "1"));
        assertThat(broker.submits).hasSize(1);
    }

    @Test
    void an_ambiguous_submit_is_never_resent_and_is_resolved_by_client_order_id() {
        FakeBroker broker = new FakeBroker(new BigDecimal("100"), Behaviour.ACCEPT_THEN_TIME_OUT);
        List<Order> done = execute(broker, config(), buy(AAPL, "3"));
        assertThat(broker.submits).hasSize(1);
        assertThat(done).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
            assertThat(o.brokerOrderId()).isEqualTo("b-1");
        });
        assertThat(store.entries).filteredOn(e -> e instanceof JournalEntry.OrderUpdate)
                .extracting(e -> ((JournalEntry.OrderUpdate) e).status())
                .containsExactly(OrderStatus.UNKNOWN, OrderStatus.FILLED);
        assertThat(journal.state().position(AAPL).shares()).isEqualByComparingTo("3");
    }

    @Test
    void an_ambiguous_submit_the_broker_never_received_is_closed_after_the_timeout_not_resent() {
        FakeBroker broker = new FakeBroker(new BigDecimal("100"), Behaviour.TIME_OUT_WITHOUT_ARRIVING);
        List<Order> done = execute(broker, config(), buy(AAPL, "3"));
        assertThat(broker.submits).hasSize(1);
        assertThat(done).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(OrderStatus.CANCELED);
            assertThat(o.statusReason()).isEqualTo("never reached the broker");
        });
        assertThat(clock.now()).isAfterOrEqualTo(T.plusSeconds(30));
        assertThat(journal.state().positions()).isEmpty();
    }

    @Test
    void a_rejection_is_final_and_not_retried() {
        FakeBroker broker = new FakeBroker(new BigDecimal("100"), Behaviour.REJECT);
        List<Order> done = execute(broker, config(), buy(AAPL, "3"));
        assertThat(broker.submits).hasSize(1);
        assertThat(done).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(OrderStatus.REJECTED);
            assertThat(o.statusReason()).isEqualTo("insufficient buying power for AAPL");
        });
    }

    @Test
    void an_order_not_terminal_by_the_timeout_is_canceled_and_what_filled_stays_filled() {
        FakeBroker broker = new FakeBroker(new BigDecimal("100"), Behaviour.PARTIAL_THEN_REST);
        List<Order> done = execute(broker, config(), buy(AAPL, "4"));
        assertThat(broker.cancels).containsExactly(done.get(0).clientOrderId());
        assertThat(done).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(OrderStatus.CANCELED);
            assertThat(o.filledQuantity()).isEqualByComparingTo("2");
        });
        assertThat(journal.state().position(AAPL).shares()).isEqualByComparingTo("2");
        assertThat(clock.now()).isEqualTo(T.plusSeconds(30));
    }

    @Test
    void sells_go_first_and_client_ids_derive_from_the_cycle() {
        FakeBroker broker = new FakeBroker(new BigDecimal("100"), Behaviour.FILL);
        execute(broker, config(), buy(MSFT, "1"), new OrderRequest(AAPL, OrderSide.SELL, BigDecimal.ONE, 100.0),
                buy(Symbol.of("IBM"), "1"));
        assertThat(broker.submits).extracting(Object::toString)
                .containsExactly("hz-e1-7-AAPL-S", "hz-e1-7-IBM-B", "hz-e1-7-MSFT-B");
    }

    @Test
    void marketable_limits_are_priced_a_collar_through_the_mid() {
        FakeBroker broker = new FakeBroker(new BigDecimal("100"), Behaviour.FILL);
        ExecutionConfig limits = new ExecutionConfig("e1", OrderPricing.MARKETABLE_LIMIT, 10, TimeInForce.DAY,
                Duration.ofSeconds(30), Duration.ofSeconds(1));
        execute(broker, limits, buy(AAPL, "1"), new OrderRequest(MSFT, OrderSide.SELL, BigDecimal.ONE, 100.0));
        assertThat(broker.orders.values()).extracting(Order::type).containsOnly(OrderType.LIMIT);
        assertThat(broker.orders.get(broker.submits.get(0)).limitPrice()).isEqualByComparingTo("99.90");
        assertThat(broker.orders.get(broker.submits.get(1)).limitPrice()).isEqualByComparingTo("100.10");
    }
}
