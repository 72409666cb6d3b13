package dev.horizon.adapters.broker.paper;

import dev.horizon.application.contract.BrokerPortContract;
import dev.horizon.application.port.BrokerPort;
import dev.horizon.application.time.SimulatedClock;
import dev.horizon.domain.market.MarketCalendar;
import dev.horizon.domain.market.Symbol;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;

/**
 * The port contract for a paper broker persisted to a file and filling in parts (a quarter of a
 * displayed size of 10 per step, so 2 shares per step): every operation goes through the file and
 * orders need several steps to fill.
 */
class PaperBrokerStoredContractTest extends BrokerPortContract {

    @TempDir
    Path dir;

    private SimulatedClock clock;
    private FakeMarketData feed;
    private PaperBroker paper;

    @Override
    protected BrokerPort createBroker() {
        clock = new SimulatedClock(Instant.parse("2024-01-02T15:00:00Z"), MarketCalendar.usEquities(Set.of()));
        feed = new FakeMarketData(clock);
        PaperBrokerConfig config = PaperBrokerConfig.of(initialCash())
                .withFees(new BigDecimal("1"), new BigDecimal("1.00"))
                .withSlippageBps(new BigDecimal("5"))
                .withPartialFills(new BigDecimal("0.25"))
                .withStore(dir.resolve("paper-account.json"));
        paper = new PaperBroker(config, feed, clock);
        return paper;
    }

    @Override
    protected BigDecimal initialCash() {
        return new BigDecimal("50000.00");
    }

    @Override
    protected void setQuote(Symbol symbol, BigDecimal bid, BigDecimal ask) {
        feed.quote(symbol.value(), bid.doubleValue(), ask.doubleValue(), 10, 10);
    }

    @Override
    protected void letTimePass() {
        clock.set(clock.now().plusSeconds(1));
        feed.restamp();
    }

    @Override
    protected void closeBroker() {
        paper.close();
    }
}
