package dev.horizon.adapters.broker.paper;

import dev.horizon.application.time.SimulatedClock;
import dev.horizon.domain.market.MarketCalendar;
import dev.horizon.domain.market.Symbol;
import dev.horizon.domain.order.ClientOrderId;
import dev.horizon.domain.order.Order;
import dev.horizon.domain.order.OrderSide;
import dev.horizon.domain.order.OrderType;
import dev.horizon.domain.order.TimeInForce;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A separate process trading on a shared paper account file, for the multi-process test:
 * {@code <file> <engineId> <count>} submits, alternately, a market buy of 1 AAPL under an id every
 * client shares ({@code hz-shared-k-AAPL-B}) and one under its own engine id.
 */
public final class PaperBrokerClientProcess {

    static final Instant START = Instant.parse("2024-01-02T15:00:00Z");

    private PaperBrokerClientProcess() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        String engineId = args[1];
        int count = Integer.parseInt(args[2]);
        SimulatedClock clock = new SimulatedClock(START, MarketCalendar.alwaysOpen());
        FakeMarketData feed = new FakeMarketData(clock);
        feed.quote("AAPL", 99.95, 100.05);
        Symbol aapl = Symbol.of("AAPL");
        PaperBrokerConfig config = PaperBrokerConfig.of(new BigDecimal("100000")).withStore(file);
        try (PaperBroker broker = new PaperBroker(config, feed, clock)) {
            for (int k = 0; k < count; k++) {
                for (String id : new String[] {"shared", engineId}) {
                    broker.submit(Order.intent(ClientOrderId.of(id, k, aapl, OrderSide.BUY), aapl, OrderSide.BUY,
                            OrderType.MARKET, BigDecimal.ONE, null, TimeInForce.GTC, START));
                }
            }
        }
    }
}
