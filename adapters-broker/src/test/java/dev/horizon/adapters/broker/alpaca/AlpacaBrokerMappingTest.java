package dev.horizon.adapters.broker.alpaca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.horizon.application.port.BrokerUnavailableException;
import dev.horizon.application.port.OrderRejectedException;
import dev.horizon.domain.market.MarketCalendar;
import dev.horizon.domain.market.Symbol;
import dev.horizon.domain.order.ClientOrderId;
import dev.horizon.domain.order.Fill;
import dev.horizon.domain.order.Order;
import dev.horizon.domain.order.OrderStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What {@link AlpacaBroker} makes of Alpaca's entities: statuses, decimals, fills, clock and calendar. */
class AlpacaBrokerMappingTest extends AlpacaBrokerTestSupport {

    @Test
    void every_status_of_the_published_order_status_enum_has_a_mapping() {
        JsonNode statuses = AlpacaTradingSpec.tree().at("/components/schemas/OrderStatus/enum");
        List<String> published = new ArrayList<>();
        statuses.forEach(s -> published.add(s.asText()));

        assertThat(published).hasSize(16);
        assertThat(AlpacaOrders.KNOWN_STATUSES).containsAll(published);
    }

    @ParameterizedTest(name = "{0} with {1} of 10 filled -> {2}")
    @CsvSource({
        "new, 0, ACCEPTED", "accepted, 0, ACCEPTED", "pending_new, 0, ACCEPTED", "accepted_for_bidding, 0, ACCEPTED",
        "partially_filled, 4, PARTIALLY_FILLED", "filled, 10, FILLED",
        "pending_cancel, 0, ACCEPTED", "pending_cancel, 4, PARTIALLY_FILLED", "pending_replace, 0, ACCEPTED",
        "done_for_day, 0, ACCEPTED", "done_for_day, 4, PARTIALLY_FILLED",
        "stopped, 0, ACCEPTED", "suspended, 0, ACCEPTED", "held, 0, ACCEPTED",
        "calculated, 10, FILLED", "calculated, 4, PARTIALLY_FILLED",
        "canceled, 0, CANCELED", "canceled, 4, CANCELED", "expired, 4, EXPIRED", "rejected, 0, REJECTED",
        "replaced, 0, CANCELED", "some_future_status, 0, ACCEPTED"
    })
    void alpaca_statuses_map_onto_the_engine_state_machine(String alpaca, String filled, OrderStatus engine) {
        assertThat(AlpacaOrders.status(alpaca, new BigDecimal(filled), BigDecimal.TEN)).isEqualTo(engine);
    }

    @Test
    void forced_statuses_come_back_mapped_with_a_reason_where_one_helps() {
        Order resting = limitBuy(AAPL, "2", "50.00");
        broker.submit(resting);

        fake.forceStatus(resting.clientOrderId(), "done_for_day");
        assertThat(broker.orderByClientId(resting.clientOrderId()).orElseThrow().status()).isEqualTo(OrderStatus.ACCEPTED);
        fake.forceStatus(resting.clientOrderId(), "expired");
        Order expired = broker.orderByClientId(resting.clientOrderId()).orElseThrow();
        fake.forceStatus(resting.clientOrderId(), "rejected");
        Order rejected = broker.orderByClientId(resting.clientOrderId()).orElseThrow();

        assertThat(expired.status()).isEqualTo(OrderStatus.EXPIRED);
        assertThat(expired.statusReason()).isEqualTo("expired at alpaca");
        assertThat(rejected.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(rejected.statusReason()).isEqualTo("rejected by alpaca");
    }

    @Test
    void an_acknowledged_order_carries_alpacas_view_exactly() {
        Order intent = limitBuy(MSFT, "3", "200.00");

        Order ack = broker.submit(intent);

        assertThat(ack.clientOrderId()).isEqualTo(intent.clientOrderId());
        assertThat(ack.status()).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(ack.limitPrice()).isEqualTo(new BigDecimal("200.00"));
        assertThat(ack.quantity()).isEqualTo(new BigDecimal("3"));
        assertThat(ack.brokerOrderId()).matches("[0-9a-f-]{36}");
        assertThat(ack.createdAt()).isAfter(T0);
        assertThat(broker.orderById(ack.brokerOrderId())).contains(ack);
    }

    @Test
    void decimals_arriving_as_strings_are_parsed_exactly() {
        fake.quote(AAPL, new BigDecimal("123.456789011"), new BigDecimal("123.456789013"));
        Order intent = marketBuy(AAPL, "0.000000007");

        broker.submit(intent);
        Order filled = broker.orderByClientId(intent.clientOrderId()).orElseThrow();
        Fill fill = broker.fillsSince(Instant.EPOCH).get(0);

        assertThat(fill.price()).isEqualTo(new BigDecimal("123.456789013"));
        assertThat(fill.quantity()).isEqualTo(new BigDecimal("0.000000007"));
        assertThat(fill.fee()).isEqualTo(BigDecimal.ZERO);
        assertThat(filled.averageFillPrice()).isEqualTo(new BigDecimal("123.456789013"));
        assertThat(broker.account().cash()).isEqualTo(new BigDecimal("100000.00").subtract(fill.notional()));
        assertThat(broker.positions().get(0).quantity()).isEqualTo(new BigDecimal("0.000000007"));
    }

    @Test
    void refusals_carry_alpacas_message_and_the_symbol() {
        assertThatThrownBy(() -> broker.submit(marketBuy(AAPL, "5000"))).isInstanceOf(OrderRejectedException.class)
                .hasMessageContaining("AAPL").hasMessageContaining("HTTP 403: insufficient buying power");
        assertThatThrownBy(() -> broker.submit(marketBuy(Symbol.of("NOPE"), "1"))).isInstanceOf(OrderRejectedException.class)
                .hasMessageContaining("HTTP 422: asset \"NOPE\" not found");
    }

    @Test
    void a_submit_that_is_not_new_is_refused_before_anything_is_sent() {
        Order acknowledged = marketBuy(AAPL, "1").transitionTo(OrderStatus.SUBMITTED, T0);

        assertThatThrownBy(() -> broker.submit(acknowledged)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be NEW");
        assertThat(fake.requestCount()).isZero();
    }

    @Test
    void orders_the_engine_cannot_represent_stay_out_of_open_orders_and_cannot_be_tracked() {
        Order resting = limitBuy(AAPL, "1", "50.00");
        broker.submit(resting);
        String stop = fake.placeExternal("MSFT", "stop", "2", null, "new");
        String notional = fake.placeExternal("AAPL", "market", null, "250.00", "accepted");

        assertThat(broker.openOrders()).extracting(Order::clientOrderId).containsExactly(resting.clientOrderId());
        assertThatThrownBy(() -> broker.orderByClientId(new ClientOrderId(notional)))
                .isInstanceOf(BrokerUnavailableException.class).hasMessageContaining("notional order");
        assertThatThrownBy(() -> broker.orderByClientId(new ClientOrderId(stop)))
                .isInstanceOf(BrokerUnavailableException.class).hasMessageContaining("'stop' is neither market nor limit");
    }

    @Test
    void a_terminal_order_is_not_canceled_again_and_a_pending_cancel_needs_no_second_request() {
        fake.fillOnTick(null);
        Order resting = limitBuy(AAPL, "1", "50.00");
        broker.submit(resting);

        broker.cancel(resting.clientOrderId());
        broker.cancel(resting.clientOrderId());

        assertThat(requestsTo("DELETE", "/v2/orders/" + broker.orderByClientId(resting.clientOrderId())
                .orElseThrow().brokerOrderId())).isEqualTo(1);
    }

    @Test
    void fills_are_paged_oldest_first_and_mapped_to_client_ids_by_a_cached_order_lookup() {
        List<ClientOrderId> ids = new ArrayList<>();
        for (int i = 0; i < AlpacaBroker.ACTIVITY_PAGE_SIZE + 5; i++) {
            Order order = marketBuy(AAPL, "1");
            ids.add(order.clientOrderId());
            broker.submit(order);
        }
        AlpacaBroker fresh = broker(AlpacaBrokerContractTest.FAST);
        try {
            List<Fill> fills = fresh.fillsSince(Instant.EPOCH);
            List<Fill> again = fresh.fillsSince(Instant.EPOCH);

            assertThat(fills).extracting(Fill::clientOrderId).containsExactlyElementsOf(ids);
            assertThat(fills).extracting(Fill::time).isSorted();
            Set<String> unique = new HashSet<>();
            fills.forEach(f -> unique.add(f.fillId()));
            assertThat(unique).hasSize(ids.size());
            assertThat(again).isEqualTo(fills);
            assertThat(fake.exchanges()).filteredOn(e -> e.describe().startsWith("GET /v2/orders/"))
                    .as("one lookup per order, then the cache").hasSize(ids.size());
            assertThat(requestsTo("GET", "/v2/account/activities/FILL")).isEqualTo(4);
        } finally {
            fresh.close();
        }
    }

    @Test
    void fills_since_a_bound_leave_out_older_fills() {
        broker.submit(marketBuy(AAPL, "1"));
        fake.tick();
        Instant bound = fake.now();
        Order later = marketBuy(MSFT, "2");
        broker.submit(later);

        assertThat(broker.fillsSince(bound)).extracting(Fill::clientOrderId).containsExactly(later.clientOrderId());
        assertThat(broker.fillsSince(bound).get(0).symbol()).isEqualTo(MSFT);
    }

    @Test
    void crypto_positions_written_without_the_slash_map_to_the_engine_pair() {
        assertThat(AlpacaOrders.symbol("BTCUSD", "crypto")).isEqualTo(Symbol.of("BTC/USD"));
        assertThat(AlpacaOrders.symbol("ETHUSDT", "crypto")).isEqualTo(Symbol.of("ETH/USDT"));
        assertThat(AlpacaOrders.symbol("ETH/BTC", "crypto")).isEqualTo(Symbol.of("ETH/BTC"));
        assertThat(AlpacaOrders.symbol("BRK.B", "us_equity")).isEqualTo(Symbol.of("BRK.B"));
    }

    @Test
    void market_clock_and_calendar_give_the_session() {
        fake.holiday(LocalDate.parse("2024-01-15"));

        AlpacaMarketClock clock = broker.marketClock();
        List<AlpacaSession> sessions = broker.sessions(LocalDate.parse("2024-01-12"), LocalDate.parse("2024-01-16"));
        MarketCalendar calendar = broker.marketCalendar(LocalDate.parse("2024-01-12"), LocalDate.parse("2024-01-16"));

        assertThat(clock.timestamp()).isEqualTo(T0);
        assertThat(clock.open()).isTrue();
        assertThat(clock.nextClose()).isEqualTo(Instant.parse("2024-01-02T21:00:00Z"));
        assertThat(sessions).extracting(AlpacaSession::date)
                .containsExactly(LocalDate.parse("2024-01-12"), LocalDate.parse("2024-01-16"));
        assertThat(sessions.get(0).open()).isEqualTo(LocalTime.of(9, 30));
        assertThat(calendar.holidays()).containsExactly(LocalDate.parse("2024-01-15"));
        assertThat(calendar.isOpen(Instant.parse("2024-01-15T15:00:00Z"))).isFalse();
        assertThat(calendar.isOpen(Instant.parse("2024-01-16T15:00:00Z"))).isTrue();
    }

    @Test
    void early_closes_show_in_the_sessions() {
        List<AlpacaSession> sessions = broker.sessions(LocalDate.parse("2024-12-24"), LocalDate.parse("2024-12-24"));

        assertThat(sessions).containsExactly(new AlpacaSession(LocalDate.parse("2024-12-24"), LocalTime.of(9, 30),
                LocalTime.of(13, 0)));
    }
}
