package dev.horizon.adapters.broker.alpaca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.horizon.adapters.alpaca.AlpacaCredentials;
import dev.horizon.adapters.alpaca.AlpacaHttp;
import dev.horizon.adapters.alpaca.AlpacaHttpPolicy;
import dev.horizon.adapters.broker.alpaca.FakeAlpacaServer.Fault;
import dev.horizon.domain.order.Order;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The planted key pair never appears in any log line (every level, every logger), exception
 * (message, cause chain, stack trace print) or {@code toString}, whatever Alpaca does — including
 * a server that quotes the key headers back in its error messages.
 */
class AlpacaSecretLeakTest extends AlpacaBrokerTestSupport {

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final List<String> outputs = new ArrayList<>();
    private Logger root;
    private Level previous;

    @BeforeEach
    void captureEveryLogLine() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        previous = root.getLevel();
        root.setLevel(Level.TRACE);
        logs.setContext(context);
        logs.start();
        root.addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        root.detachAppender(logs);
        root.setLevel(previous);
    }

    @Test
    void the_secret_never_reaches_logs_exceptions_or_to_string() {
        AlpacaBroker guarded = broker(AlpacaBrokerContractTest.FAST.withBreaker(100, 8, 8, Duration.ofMinutes(5)));
        try {
            drive(guarded);
        } finally {
            guarded.close();
        }
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : logs.list) {
            lines.add(event.getLevel() + " " + event.getLoggerName() + " " + event.getFormattedMessage()
                    + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy())));
        }
        outputs.addAll(lines);

        assertThat(lines).as("the scenario was logged").anyMatch(l -> l.contains("HTTP 429"))
                .anyMatch(l -> l.contains("circuit breaker CLOSED -> OPEN")).anyMatch(l -> l.startsWith("DEBUG"));
        assertThat(outputs).as("outputs collected").hasSizeGreaterThan(30)
                .anyMatch(o -> o.contains("Exception: alpaca circuit breaker open") || o.contains("NotSent: alpaca circuit breaker open"))
                .anyMatch(o -> o.contains("key **** with secret **** is not allowed here"));
        assertThat(outputs).noneMatch(o -> o.contains(FakeAlpacaServer.SECRET_KEY))
                .noneMatch(o -> o.contains(FakeAlpacaServer.KEY_ID));
    }

    private void drive(AlpacaBroker guarded) {
        record(guarded::toString);
        record(() -> guarded.account().toString());
        Order bought = marketBuy(AAPL, "2");
        record(() -> guarded.submit(bought).toString());
        record(() -> guarded.orderByClientId(bought.clientOrderId()).toString());
        record(() -> guarded.positions().toString());
        record(() -> guarded.fillsSince(Instant.EPOCH).toString());
        record(() -> guarded.openOrders().toString());
        record(() -> guarded.marketClock().toString());
        record(() -> guarded.sessions(LocalDate.parse("2024-01-02"), LocalDate.parse("2024-01-05")).toString());
        Order resting = limitBuy(MSFT, "1", "200.00");
        record(() -> guarded.submit(resting).toString());
        record(() -> {
            guarded.cancel(resting.clientOrderId());
            return "canceled";
        });

        fake.inject(Fault.rateLimited("GET", "/v2/account", 0));
        record(() -> guarded.account().toString());
        fake.inject(Fault.echoingCredentials("POST", "/v2/orders", 403));
        record(() -> guarded.submit(marketBuy(AAPL, "1")).toString());
        fake.inject(Fault.echoingCredentials("GET", "/v2/positions", 401));
        record(() -> guarded.positions().toString());
        fake.inject(Fault.echoingCredentials("GET", "/v2/orders", 500));
        record(() -> guarded.openOrders().toString());
        fake.inject(Fault.noAnswer("GET", "/v2/clock"));
        record(() -> guarded.marketClock().toString());
        fake.inject(Fault.disconnectAfterApplying("POST", "/v2/orders"));
        record(() -> guarded.submit(marketBuy(AAPL, "1")).toString());
        fake.inject(Fault.malformed("GET", "/v2/account").once(3));
        record(() -> guarded.account().toString());
        fake.inject(Fault.status("GET", "/v2/account", 503).once(12));
        for (int i = 0; i < 4; i++) {
            record(() -> guarded.account().toString());
        }
        record(() -> guarded.submit(marketBuy(AAPL, "1")).toString());
        fake.clearFaults();

        AlpacaCredentials keys = FakeAlpacaServer.credentials();
        record(keys::toString);
        record(() -> AlpacaConfig.paper().withTradingUrl(fake.baseUrl()).toString());
        record(() -> guarded.health().toString());
        record(guarded::toString);
        record(() -> new AlpacaHttp("alpaca", java.net.URI.create(fake.baseUrl()), keys, AlpacaHttpPolicy.defaults(),
                (m, c, s) -> new IllegalStateException(m)).toString());
    }

    /** Runs {@code action}, keeping its result or everything its exception would print. */
    private void record(Supplier<String> action) {
        Throwable thrown = catchThrowable(() -> outputs.add(action.get()));
        if (thrown != null) {
            StringWriter trace = new StringWriter();
            thrown.printStackTrace(new PrintWriter(trace));
            outputs.add(trace.toString());
            for (Throwable t = thrown; t != null; t = t.getCause()) {
                outputs.add(t.toString());
            }
        }
    }
}
