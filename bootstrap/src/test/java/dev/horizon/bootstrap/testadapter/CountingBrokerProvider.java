package dev.horizon.bootstrap.testadapter;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.horizon.adapters.broker.paper.PaperBroker;
import dev.horizon.adapters.broker.paper.PaperBrokerConfig;
import dev.horizon.application.port.BrokerAccount;
import dev.horizon.application.port.BrokerPort;
import dev.horizon.application.port.BrokerPosition;
import dev.horizon.application.port.Clock;
import dev.horizon.application.port.MarketDataPort;
import dev.horizon.bootstrap.config.ConfigException;
import dev.horizon.bootstrap.config.Secret;
import dev.horizon.bootstrap.spi.AdapterEnvironment;
import dev.horizon.bootstrap.spi.AdapterKind;
import dev.horizon.bootstrap.spi.AdapterProvider;
import dev.horizon.domain.order.ClientOrderId;
import dev.horizon.domain.order.Fill;
import dev.horizon.domain.order.Order;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A broker adapter as a team would add one, from a module of its own (here: the test sources)
 * with nothing changed in existing code: a port implementation, this provider, and a line in
 * {@code META-INF/services/dev.horizon.bootstrap.spi.AdapterProvider}. Selected with
 * {@code broker.type: counting}.
 *
 * <p>It trades on a paper account and appends one line per submitted order to its
 * {@code log_file}, so a test can see it was the broker in use. Its {@code api_key} is a
 * {@link Secret} (it never writes it anywhere); {@code environment: live} makes the config one
 * that trades real money.
 */
public final class CountingBrokerProvider implements AdapterProvider<CountingBrokerProvider.Settings> {

    /**
     * @param apiKey      a credential, from the environment
     * @param environment {@code paper} (default) or {@code live}
     * @param logFile     where submits are counted
     * @param accountFile the paper account behind it
     */
    public record Settings(Secret apiKey, String environment, String logFile, String accountFile) {
        public Settings {
            if (apiKey == null) {
                throw new ConfigException("broker.api_key", "required: write ${COUNTING_API_KEY}");
            }
            environment = environment == null ? "paper" : environment;
            if (!environment.equals("paper") && !environment.equals("live")) {
                throw new ConfigException("broker.environment", "'" + environment + "' is not one of paper, live");
            }
            logFile = logFile == null ? "var/counting.log" : logFile;
            accountFile = accountFile == null ? "var/counting-account.json" : accountFile;
        }
    }

    @Override
    public AdapterKind kind() {
        return AdapterKind.BROKER;
    }

    @Override
    public String name() {
        return "counting";
    }

    @Override
    public Class<Settings> configType() {
        return Settings.class;
    }

    @Override
    public Optional<String> liveTradingKey(Settings config) {
        return config.environment().equals("live") ? Optional.of("broker.environment") : Optional.empty();
    }

    @Override
    public Module module(Settings settings, AdapterEnvironment environment) {
        Path log = environment.resolve(settings.logFile());
        Path account = environment.resolve(settings.accountFile());
        return new AbstractModule() {
            @Provides
            @Singleton
            BrokerPort broker(MarketDataPort market, Clock clock) {
                PaperBroker paper = new PaperBroker(PaperBrokerConfig.of(new BigDecimal("100000")).withStore(account),
                        market, clock);
                append(log, "opened with a key of " + settings.apiKey().reveal().length() + " characters");
                return new CountingBroker(paper, log);
            }
        };
    }

    static void append(Path log, String line) {
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            Files.writeString(log, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The paper broker, counting submits. */
    static final class CountingBroker implements BrokerPort, AutoCloseable {
        private final PaperBroker paper;
        private final Path log;

        CountingBroker(PaperBroker paper, Path log) {
            this.paper = paper;
            this.log = log;
        }

        @Override
        public BrokerAccount account() {
            return paper.account();
        }

        @Override
        public List<BrokerPosition> positions() {
            return paper.positions();
        }

        @Override
        public Order submit(Order intent) {
            append(log, "submit " + intent.clientOrderId());
            return paper.submit(intent);
        }

        @Override
        public void cancel(ClientOrderId clientOrderId) {
            paper.cancel(clientOrderId);
        }

        @Override
        public Optional<Order> orderByClientId(ClientOrderId clientOrderId) {
            return paper.orderByClientId(clientOrderId);
        }

        @Override
        public List<Order> openOrders() {
            return paper.openOrders();
        }

        @Override
        public List<Fill> fillsSince(Instant since) {
            return paper.fillsSince(since);
        }

        @Override
        public void close() {
            paper.close();
        }
    }
}
