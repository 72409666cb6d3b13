package dev.horizon.adapters.data.alpaca;

import static org.assertj.core.api.Assertions.assertThat;

import dev.horizon.adapters.alpaca.AlpacaHttpPolicy;
import dev.horizon.application.contract.MarketDataPortContract;
import dev.horizon.application.time.SimulatedClock;
import dev.horizon.domain.market.Bar;
import dev.horizon.domain.market.MarketCalendar;
import dev.horizon.domain.market.Symbol;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;

/**
 * The market data port contract for {@link AlpacaMarketData} over the fake data API, with a stock
 * (AAPL, stock endpoints) and a crypto pair (BTC/USD, crypto endpoints), pages of two bars, and
 * every exchange validated against Alpaca's OpenAPI spec afterwards.
 */
class AlpacaMarketDataContractTest extends MarketDataPortContract {

    static final AlpacaHttpPolicy FAST = AlpacaHttpPolicy.defaults()
            .withTimeouts(Duration.ofMillis(500), Duration.ofMillis(500))
            .withRetry(3, Duration.ofMillis(2), Duration.ofMillis(10), Duration.ofSeconds(1))
            .withRateLimit(100_000, Duration.ZERO);

    private FakeAlpacaDataServer fake;
    private AlpacaMarketData data;

    @Override
    protected Fixture createFixture() {
        SimulatedClock clock = new SimulatedClock(Instant.parse("2024-01-02T14:29:00Z"), MarketCalendar.usEquities(Set.of()));
        Map<Symbol, List<Bar>> bars = new LinkedHashMap<>();
        bars.put(Symbol.of("AAPL"), series("AAPL", 185.25, 1, 2, 3, 4, 5, 6));
        bars.put(Symbol.of("BTC/USD"), series("BTC/USD", 42_150.5, 1, 3, 4, 6, 9));
        fake = FakeAlpacaDataServer.start(clock::now, Duration.ofMinutes(1));
        bars.values().forEach(fake::bars);
        data = new AlpacaMarketData(AlpacaDataConfig.defaults().withDataUrl(fake.baseUrl()).withHttp(FAST),
                FakeAlpacaDataServer.credentials(), clock);
        return new Fixture(data, clock, bars);
    }

    /** One-minute bars closing {@code minutes} after 14:30. */
    static List<Bar> series(String symbol, double base, int... minutes) {
        List<Bar> bars = new ArrayList<>();
        for (int m : minutes) {
            double open = base + m * 0.25;
            double close = open + (m % 2 == 0 ? 0.5 : -0.25);
            bars.add(new Bar(Symbol.of(symbol), Instant.parse("2024-01-02T14:30:00Z").plus(Duration.ofMinutes(m)), open,
                    Math.max(open, close) + 0.125, Math.min(open, close) - 0.125, close, 1_000.0 + 37 * m));
        }
        return bars;
    }

    @AfterEach
    void validateTrafficAndClose() {
        try {
            assertThat(AlpacaMarketDataSpec.get().problems(fake.exchanges()))
                    .as("requests and answers conform to Alpaca's OpenAPI spec").isEmpty();
        } finally {
            data.close();
            fake.close();
        }
    }
}
