package dev.horizon.adapters.data.alpaca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.horizon.adapters.data.alpaca.FakeAlpacaDataServer.Fault;
import dev.horizon.application.time.SimulatedClock;
import dev.horizon.domain.market.MarketCalendar;
import dev.horizon.domain.market.Symbol;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The planted key pair never appears in any log line, exception or {@code toString} of the market
 * data adapter, whatever the API answers — including error messages that quote the key headers.
 */
class AlpacaMarketDataSecretLeakTest {

    private static final List<Symbol> SYMBOLS = List.of(Symbol.of("AAPL"), Symbol.of("BTC/USD"));

    private final List<String> outputs = new ArrayList<>();

    @Test
    void the_secret_never_reaches_logs_exceptions_or_to_string() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level previous = root.getLevel();
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.setContext(context);
        logs.start();
        root.addAppender(logs);
        root.setLevel(Level.TRACE);
        SimulatedClock clock = new SimulatedClock(Instant.parse("2024-01-02T15:00:00Z"), MarketCalendar.usEquities(Set.of()));
        try (FakeAlpacaDataServer fake = FakeAlpacaDataServer.start(clock::now, Duration.ofMinutes(1))) {
            fake.bars(AlpacaMarketDataContractTest.series("AAPL", 185.25, 1, 2, 3));
            fake.quote("BTC/USD", "2024-01-02T14:59:00Z", 42_000.0, 41_000.0);
            AlpacaMarketData data = new AlpacaMarketData(AlpacaDataConfig.defaults().withDataUrl(fake.baseUrl())
                    .withHttp(AlpacaMarketDataContractTest.FAST.withBreaker(100, 6, 6, Duration.ofMinutes(5))),
                    FakeAlpacaDataServer.credentials(), clock);
            try {
                record(data::toString);
                record(() -> data.latestQuotes(SYMBOLS).toString());
                record(() -> data.latestBars(SYMBOLS, 5).toString());
                record(() -> data.barsBetween(SYMBOLS, Instant.EPOCH, clock.now()).toString());
                record(() -> data.averageDailyVolume(SYMBOLS).toString());
                fake.inject(Fault.echoingCredentials("/v2/stocks/quotes/latest", 403));
                record(() -> data.latestQuotes(SYMBOLS).toString());
                fake.inject(Fault.echoingCredentials("/v2/stocks/bars", 500).once(3));
                record(() -> data.barsBetween(SYMBOLS, Instant.EPOCH, clock.now()).toString());
                fake.inject(Fault.rateLimited("/v2/stocks/quotes/latest", 0));
                fake.inject(Fault.noAnswer("/v2/stocks/quotes/latest"));
                record(() -> data.latestQuotes(SYMBOLS).toString());
                fake.inject(Fault.malformed("/v1beta3/").once(3));
                record(() -> data.latestQuotes(SYMBOLS).toString());
                fake.inject(Fault.status("/v2/", 503).once(20));
                for (int i = 0; i < 4; i++) {
                    record(() -> data.latestQuotes(SYMBOLS).toString());
                }
                record(() -> data.health().toString());
                record(() -> data.quality().toString());
                record(data::toString);
                record(() -> FakeAlpacaDataServer.credentials().toString());
            } finally {
                data.close();
            }
            assertThat(AlpacaMarketDataSpec.get().problems(fake.exchanges())).isEmpty();
        } finally {
            root.detachAppender(logs);
            root.setLevel(previous);
        }
        for (ILoggingEvent event : logs.list) {
            outputs.add(event.getLevel() + " " + event.getFormattedMessage()
                    + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy())));
        }

        assertThat(outputs).anyMatch(o -> o.contains("key **** with secret **** is not allowed here"))
                .anyMatch(o -> o.contains("alpaca market data circuit breaker open"))
                .anyMatch(o -> o.startsWith("WARN alpaca quote of BTC/USD"))
                .anyMatch(o -> o.startsWith("DEBUG"));
        assertThat(outputs).noneMatch(o -> o.contains(FakeAlpacaDataServer.SECRET_KEY))
                .noneMatch(o -> o.contains(FakeAlpacaDataServer.KEY_ID));
    }

    private void record(Supplier<String> action) {
        Throwable thrown = catchThrowable(() -> outputs.add(action.get()));
        if (thrown != null) {
            StringWriter trace = new StringWriter();
            thrown.printStackTrace(new PrintWriter(trace));
            outputs.add(trace.toString());
        }
    }
}
