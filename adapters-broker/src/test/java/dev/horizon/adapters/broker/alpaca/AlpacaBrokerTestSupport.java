package dev.horizon.adapters.broker.alpaca;

import static org.assertj.core.api.Assertions.assertThat;

import dev.horizon.adapters.alpaca.AlpacaHttpPolicy;
import dev.horizon.domain.market.Symbol;
import dev.horizon.domain.order.ClientOrderId;
import dev.horizon.domain.order.Order;
import dev.horizon.domain.order.OrderSide;
import dev.horizon.domain.order.OrderType;
import dev.horizon.domain.order.TimeInForce;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A fresh fake Alpaca account (100,000 cash; AAPL 99.95/100.05, MSFT 399.90/400.10) and an
 * {@link AlpacaBroker} on it with fast timeouts; after each test every exchange is validated
 * against Alpaca's OpenAPI spec.
 */
abstract class AlpacaBrokerTestSupport {

    static final Symbol AAPL = Symbol.of("AAPL");
    static final Symbol MSFT = Symbol.of("MSFT");
    static final Instant T0 = Instant.parse("2024-01-02T15:00:00Z");

    FakeAlpacaServer fake;
    AlpacaBroker broker;
    private final AtomicLong cycle = new AtomicLong();

    @BeforeEach
    void openAccount() {
        fake = FakeAlpacaServer.start(new BigDecimal("100000.00"));
        fake.quote(AAPL, new BigDecimal("99.95"), new BigDecimal("100.05"));
        fake.quote(MSFT, new BigDecimal("399.90"), new BigDecimal("400.10"));
        broker = broker(policy());
    }

    @AfterEach
    void validateTrafficAndClose() {
        try {
            assertThat(AlpacaTradingSpec.get().problems(fake.exchanges()))
                    .as("requests and answers conform to Alpaca's OpenAPI spec").isEmpty();
        } finally {
            broker.close();
            fake.close();
        }
    }

    /** The policy of {@link #broker}: fast timeouts and backoff, no client-side limit. */
    AlpacaHttpPolicy policy() {
        return AlpacaBrokerContractTest.FAST;
    }

    /** Another broker on the same fake account. */
    AlpacaBroker broker(AlpacaHttpPolicy policy) {
        return new AlpacaBroker(AlpacaConfig.paper().withTradingUrl(fake.baseUrl()).withHttp(policy),
                FakeAlpacaServer.credentials());
    }

    Order marketBuy(Symbol symbol, String quantity) {
        return Order.intent(ClientOrderId.of("test", cycle.incrementAndGet(), symbol, OrderSide.BUY), symbol,
                OrderSide.BUY, OrderType.MARKET, new BigDecimal(quantity), null, TimeInForce.DAY, T0);
    }

    Order limitBuy(Symbol symbol, String quantity, String limit) {
        return Order.intent(ClientOrderId.of("test", cycle.incrementAndGet(), symbol, OrderSide.BUY), symbol,
                OrderSide.BUY, OrderType.LIMIT, new BigDecimal(quantity), new BigDecimal(limit), TimeInForce.GTC, T0);
    }

    long requestsTo(String method, String path) {
        return fake.exchanges().stream().filter(e -> e.describe().equals(method + " " + path)).count();
    }
}
