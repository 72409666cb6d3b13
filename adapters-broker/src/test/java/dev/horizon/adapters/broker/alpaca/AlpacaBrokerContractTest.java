package dev.horizon.adapters.broker.alpaca;

import static org.assertj.core.api.Assertions.assertThat;

import dev.horizon.adapters.alpaca.AlpacaHttpPolicy;
import dev.horizon.application.contract.BrokerPortContract;
import dev.horizon.application.port.BrokerPort;
import dev.horizon.domain.market.Symbol;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * The broker port contract for {@link AlpacaBroker} against the fake Alpaca account, orders filling
 * as soon as they are acknowledged. Every request the adapter sent and every answer it got in each
 * test is validated against Alpaca's OpenAPI spec afterwards.
 */
class AlpacaBrokerContractTest extends BrokerPortContract {

    /** Short timeouts and backoff: the suite stays fast, faults are found quickly. */
    static final AlpacaHttpPolicy FAST = AlpacaHttpPolicy.defaults()
            .withTimeouts(Duration.ofMillis(500), Duration.ofMillis(500))
            .withRetry(3, Duration.ofMillis(2), Duration.ofMillis(10), Duration.ofSeconds(1))
            .withRateLimit(100_000, Duration.ZERO);

    FakeAlpacaServer fake;
    AlpacaBroker alpaca;

    @Override
    protected BrokerPort createBroker() {
        fake = FakeAlpacaServer.start(initialCash());
        configure(fake);
        alpaca = new AlpacaBroker(AlpacaConfig.paper().withTradingUrl(fake.baseUrl()).withHttp(FAST),
                FakeAlpacaServer.credentials());
        return alpaca;
    }

    /** How the fake fills; immediately here. */
    void configure(FakeAlpacaServer server) {
        server.fillImmediately();
    }

    @Override
    protected BigDecimal initialCash() {
        return new BigDecimal("100000.00");
    }

    @Override
    protected void setQuote(Symbol symbol, BigDecimal bid, BigDecimal ask) {
        fake.quote(symbol, bid, ask);
    }

    @Override
    protected void letTimePass() {
        fake.tick();
    }

    @Override
    protected void closeBroker() {
        try {
            assertThat(AlpacaTradingSpec.get().problems(fake.exchanges()))
                    .as("requests and answers conform to Alpaca's OpenAPI spec").isEmpty();
            assertThat(fake.exchanges()).as("traffic recorded").isNotEmpty();
        } finally {
            alpaca.close();
            fake.close();
        }
    }
}
