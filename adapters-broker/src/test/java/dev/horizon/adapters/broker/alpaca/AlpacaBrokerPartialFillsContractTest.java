package dev.horizon.adapters.broker.alpaca;

import java.math.BigDecimal;

/**
 * The broker port contract for {@link AlpacaBroker} against a fake account where orders fill only
 * as the market steps, at most 2 shares per step ({@code partially_filled} on the way), and cancels
 * pass through {@code pending_cancel}.
 */
class AlpacaBrokerPartialFillsContractTest extends AlpacaBrokerContractTest {

    @Override
    void configure(FakeAlpacaServer server) {
        server.fillOnTick(new BigDecimal("2"));
    }
}
