package dev.horizon.adapters.broker.alpaca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.horizon.adapters.alpaca.AlpacaCredentials;
import dev.horizon.adapters.broker.alpaca.FakeAlpacaServer.Fault;
import dev.horizon.application.port.BrokerUnavailableException;
import dev.horizon.application.port.OrderNotFoundException;
import dev.horizon.domain.order.Order;
import dev.horizon.domain.order.OrderStatus;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How {@link AlpacaBroker} behaves when Alpaca misbehaves: every fault of the issue, one by one. */
class AlpacaBrokerFaultTest extends AlpacaBrokerTestSupport {

    // ------------------------------------------------------------------ reads are retried

    @Test
    void rate_limited_read_is_retried_after_the_retry_after_and_succeeds() {
        fake.inject(Fault.rateLimited("GET", "/v2/account", 0));

        assertThat(broker.account().cash()).isEqualByComparingTo("100000.00");

        assertThat(requestsTo("GET", "/v2/account")).isEqualTo(2);
        assertThat(broker.health().rateLimitedResponses()).isEqualTo(1);
        assertThat(broker.health().retries()).isEqualTo(1);
    }

    @Test
    void retry_after_beyond_the_cap_is_reported_at_once_without_retrying() {
        fake.inject(Fault.rateLimited("GET", "/v2/account", 120));

        assertThatThrownBy(() -> broker.account()).isInstanceOf(BrokerUnavailableException.class)
                .hasMessageContaining("HTTP 429").hasMessageContaining("retry after 120 s");
        assertThat(requestsTo("GET", "/v2/account")).isEqualTo(1);
    }

    @Test
    void server_errors_on_reads_are_retried_until_an_answer_comes() {
        fake.inject(Fault.status("GET", "/v2/positions", 503).once(2));

        assertThat(broker.positions()).isEmpty();

        assertThat(requestsTo("GET", "/v2/positions")).isEqualTo(3);
    }

    @Test
    void server_errors_beyond_the_attempts_surface_as_unavailable_naming_the_request() {
        fake.inject(Fault.status("GET", "/v2/account", 500).once(3));

        assertThatThrownBy(() -> broker.account()).isInstanceOf(BrokerUnavailableException.class)
                .hasMessageContaining("GET /v2/account").hasMessageContaining("HTTP 500");
        assertThat(requestsTo("GET", "/v2/account")).isEqualTo(3);
    }

    @Test
    void read_timeout_on_a_read_is_retried() {
        fake.inject(Fault.noAnswer("GET", "/v2/account"));

        assertThat(broker.account().equity()).isEqualByComparingTo("100000.00");

        assertThat(requestsTo("GET", "/v2/account")).isEqualTo(2);
    }

    @Test
    void connection_reset_on_a_read_is_retried() {
        fake.inject(Fault.disconnect("GET", "/v2/orders"));

        assertThat(broker.openOrders()).isEmpty();

        assertThat(requestsTo("GET", "/v2/orders")).isEqualTo(2);
    }

    @Test
    void slow_answer_within_the_read_timeout_is_taken_as_it_is() {
        fake.inject(Fault.slow("GET", "/v2/account", Duration.ofMillis(100)));

        assertThat(broker.account().buyingPower()).isEqualByComparingTo("100000.00");

        assertThat(requestsTo("GET", "/v2/account")).isEqualTo(1);
        assertThat(broker.health().retries()).isZero();
    }

    @Test
    void answer_slower_than_the_read_timeout_is_a_timeout_and_retried() {
        fake.inject(Fault.slow("GET", "/v2/account", Duration.ofMillis(800)));

        assertThat(broker.account().cash()).isEqualByComparingTo("100000.00");

        assertThat(requestsTo("GET", "/v2/account")).isEqualTo(2);
        assertThat(broker.health().lastFailure()).contains("GET /v2/account").contains("SocketTimeoutException");
    }

    @Test
    void malformed_json_is_retried_and_then_reported_without_quoting_the_body() {
        fake.inject(Fault.malformed("GET", "/v2/account").once(3));

        assertThatThrownBy(() -> broker.account()).isInstanceOf(BrokerUnavailableException.class)
                .hasMessage("unusable answer to GET /v2/account: malformed JSON at line 1, column 26");
        assertThat(requestsTo("GET", "/v2/account")).isEqualTo(3);
    }

    @Test
    void a_cancel_whose_answer_was_lost_is_retried_and_ends_quietly() {
        Order resting = limitBuy(AAPL, "2", "50.00");
        broker.submit(resting);
        fake.inject(Fault.disconnectAfterApplying("DELETE", "/v2/orders/"));

        broker.cancel(resting.clientOrderId());

        assertThat(broker.orderByClientId(resting.clientOrderId()).orElseThrow().status())
                .isEqualTo(OrderStatus.CANCELED);
        assertThat(fake.exchanges()).filteredOn(e -> e.request().getMethod().equals("DELETE")).hasSize(2);
    }

    @Test
    void cancel_answered_not_found_is_order_not_found() {
        Order resting = limitBuy(AAPL, "2", "50.00");
        broker.submit(resting);
        fake.inject(Fault.status("DELETE", "/v2/orders/", 404));

        assertThatThrownBy(() -> broker.cancel(resting.clientOrderId())).isInstanceOf(OrderNotFoundException.class)
                .hasMessageContaining(resting.clientOrderId().value());
    }

    // ------------------------------------------------------------------ a submit is never retried

    @Test
    void connection_reset_after_the_order_was_accepted_is_resolved_by_client_id_and_never_resent() {
        Order intent = marketBuy(AAPL, "10");
        fake.inject(Fault.disconnectAfterApplying("POST", "/v2/orders"));

        assertThatThrownBy(() -> broker.submit(intent)).isInstanceOf(BrokerUnavailableException.class)
                .hasMessageContaining("order " + intent.clientOrderId())
                .hasMessageContaining("outcome unknown, resolve it by client order id");
        Order resolved = broker.orderByClientId(intent.clientOrderId()).orElseThrow();

        assertThat(fake.postsOf(intent.clientOrderId())).isEqualTo(1);
        assertThat(resolved.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(resolved.filledQuantity()).isEqualByComparingTo("10");
        assertThat(broker.fillsSince(Instant.EPOCH)).extracting(f -> f.clientOrderId())
                .containsExactly(intent.clientOrderId());
    }

    @Test
    void submit_timeout_after_acceptance_is_ambiguous_and_the_order_is_found_by_client_id() {
        Order intent = marketBuy(AAPL, "3");
        fake.inject(Fault.noAnswerAfterApplying("POST", "/v2/orders"));

        assertThatThrownBy(() -> broker.submit(intent)).isInstanceOf(BrokerUnavailableException.class)
                .hasMessageContaining("SocketTimeoutException");

        assertThat(fake.postsOf(intent.clientOrderId())).isEqualTo(1);
        assertThat(broker.orderByClientId(intent.clientOrderId())).isPresent();
    }

    @Test
    void server_error_after_acceptance_is_ambiguous_and_not_retried() {
        Order intent = marketBuy(AAPL, "3");
        fake.inject(Fault.statusAfterApplying("POST", "/v2/orders", 500));

        assertThatThrownBy(() -> broker.submit(intent)).isInstanceOf(BrokerUnavailableException.class)
                .hasMessageContaining("HTTP 500");

        assertThat(fake.postsOf(intent.clientOrderId())).isEqualTo(1);
        assertThat(broker.orderByClientId(intent.clientOrderId()).orElseThrow().status()).isEqualTo(OrderStatus.FILLED);
    }

    @Test
    void server_error_before_acceptance_is_not_retried_and_the_lookup_finds_nothing() {
        Order intent = marketBuy(AAPL, "3");
        fake.inject(Fault.status("POST", "/v2/orders", 503));

        assertThatThrownBy(() -> broker.submit(intent)).isInstanceOf(BrokerUnavailableException.class);

        assertThat(fake.postsOf(intent.clientOrderId())).isEqualTo(1);
        assertThat(broker.orderByClientId(intent.clientOrderId())).isEmpty();
    }

    @Test
    void rate_limited_submit_is_not_retried() {
        Order intent = marketBuy(AAPL, "3");
        fake.inject(Fault.rateLimited("POST", "/v2/orders", 0));

        assertThatThrownBy(() -> broker.submit(intent)).isInstanceOf(BrokerUnavailableException.class)
                .hasMessageContaining("HTTP 429");

        assertThat(fake.postsOf(intent.clientOrderId())).isEqualTo(1);
        assertThat(broker.orderByClientId(intent.clientOrderId())).isEmpty();
    }

    @Test
    void malformed_acknowledgement_leaves_the_submit_ambiguous() {
        Order intent = marketBuy(AAPL, "4");
        fake.inject(Fault.malformedAfterApplying("POST", "/v2/orders"));

        assertThatThrownBy(() -> broker.submit(intent)).isInstanceOf(BrokerUnavailableException.class)
                .hasMessageContaining("malformed JSON");

        assertThat(fake.postsOf(intent.clientOrderId())).isEqualTo(1);
        assertThat(broker.orderByClientId(intent.clientOrderId()).orElseThrow().quantity()).isEqualByComparingTo("4");
    }

    // ------------------------------------------------------------------ circuit breaker and rate limit

    @Test
    void open_circuit_breaker_refuses_calls_without_sending_them_and_says_why() {
        AlpacaBroker guarded = broker(AlpacaBrokerContractTest.FAST
                .withRetry(1, Duration.ZERO, Duration.ZERO, Duration.ZERO)
                .withBreaker(50, 4, 4, Duration.ofMinutes(5)));
        try {
            fake.inject(Fault.status("GET", "/v2/account", 503).once(4));
            for (int i = 0; i < 4; i++) {
                assertThatThrownBy(guarded::account).isInstanceOf(BrokerUnavailableException.class);
            }
            long sent = fake.requestCount();
            Order intent = marketBuy(AAPL, "1");

            assertThat(guarded.health().breakerOpen()).isTrue();
            assertThatThrownBy(() -> guarded.submit(intent)).isInstanceOf(BrokerUnavailableException.class)
                    .hasMessageStartingWith("alpaca circuit breaker open: 100% of the last 4 calls failed")
                    .hasMessageContaining("HTTP 503")
                    .hasMessageContaining("POST /v2/orders not sent");
            assertThatThrownBy(guarded::positions).isInstanceOf(BrokerUnavailableException.class)
                    .hasMessageStartingWith("alpaca circuit breaker open");
            assertThat(fake.requestCount()).as("nothing reaches Alpaca while the breaker is open").isEqualTo(sent);
            assertThat(fake.postsOf(intent.clientOrderId())).isZero();
            assertThat(guarded.health().notPermittedCalls()).isEqualTo(2);
            assertThat(guarded.toString()).contains("breaker OPEN");
        } finally {
            guarded.close();
        }
    }

    @Test
    void definite_answers_such_as_not_found_never_count_against_the_breaker() {
        AlpacaBroker guarded = broker(AlpacaBrokerContractTest.FAST.withBreaker(50, 4, 4, Duration.ofMinutes(5)));
        try {
            for (int i = 0; i < 6; i++) {
                assertThat(guarded.orderByClientId(marketBuy(AAPL, "1").clientOrderId())).isEmpty();
            }

            assertThat(guarded.health().breakerState()).isEqualTo("CLOSED");
            assertThat(guarded.health().failedCalls()).isZero();
        } finally {
            guarded.close();
        }
    }

    @Test
    void client_side_rate_limit_refuses_beyond_the_budget_without_sending() {
        AlpacaBroker limited = broker(AlpacaBrokerContractTest.FAST.withRateLimit(6, Duration.ZERO));
        try {
            limited.account();

            assertThatThrownBy(limited::positions).isInstanceOf(BrokerUnavailableException.class)
                    .hasMessage("alpaca client-side rate limit of 6 requests/min reached: GET /v2/positions not sent"
                            + " (no permit within 0 ms)");
            assertThat(fake.requestCount()).isEqualTo(1);
            assertThat(limited.health().rateLimitRefusals()).isEqualTo(1);
        } finally {
            limited.close();
        }
    }

    @Test
    void wrong_keys_are_reported_naming_the_variables_not_the_values() {
        AlpacaBroker stranger = new AlpacaBroker(AlpacaConfig.paper().withTradingUrl(fake.baseUrl())
                .withHttp(AlpacaBrokerContractTest.FAST), new AlpacaCredentials("PKWRONGKEY", "wrong-secret-123"));
        try {
            assertThatThrownBy(stranger::account).isInstanceOf(BrokerUnavailableException.class)
                    .hasMessageContaining("HTTP 401").hasMessageContaining("ALPACA_API_KEY_ID")
                    .hasMessageContaining("ALPACA_API_SECRET_KEY").hasMessageNotContaining("wrong-secret-123")
                    .hasMessageNotContaining("PKWRONGKEY");
        } finally {
            stranger.close();
        }
    }
}
