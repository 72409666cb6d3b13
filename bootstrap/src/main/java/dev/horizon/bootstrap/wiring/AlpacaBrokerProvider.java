package dev.horizon.bootstrap.wiring;

import static dev.horizon.bootstrap.config.Check.or;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.horizon.adapters.alpaca.AlpacaCredentials;
import dev.horizon.adapters.alpaca.AlpacaHttpPolicy;
import dev.horizon.adapters.broker.alpaca.AlpacaBroker;
import dev.horizon.adapters.broker.alpaca.AlpacaConfig;
import dev.horizon.adapters.broker.alpaca.AlpacaEnvironment;
import dev.horizon.adapters.data.alpaca.AlpacaDataConfig;
import dev.horizon.adapters.data.alpaca.AlpacaFeed;
import dev.horizon.adapters.data.alpaca.AlpacaTimeframe;
import dev.horizon.application.port.BrokerPort;
import dev.horizon.bootstrap.config.ConfigException;
import dev.horizon.bootstrap.config.Secret;
import dev.horizon.bootstrap.spi.AdapterEnvironment;
import dev.horizon.bootstrap.spi.AdapterKind;
import dev.horizon.bootstrap.spi.AdapterProvider;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code broker.type: alpaca}: Alpaca's trading API, paper or live account ({@link AlpacaBroker}),
 * configured by the shared top-level {@code alpaca:} section (docs/ALPACA.md), with the API key
 * pair from {@code ALPACA_API_KEY_ID} / {@code ALPACA_API_SECRET_KEY} (or {@code alpaca.key_id} /
 * {@code alpaca.secret_key}, given as {@code ${VAR}} or {@code <key>_file}).
 *
 * <p>{@code alpaca.environment: live} is this config's {@link #liveTradingKey live trading key}:
 * bootstrap refuses it without {@code --i-understand-live-trading} or {@code HORIZON_LIVE=1}
 * before any module is built, so the module passes the confirmation on to the adapter.
 */
public final class AlpacaBrokerProvider implements AdapterProvider<AlpacaBrokerProvider.Settings> {

    /** The shared section both Alpaca adapters read. */
    public static final String SECTION = "alpaca";

    private final Function<String, String> environment;

    /** The provider {@link java.util.ServiceLoader} makes: credentials from the process environment. */
    public AlpacaBrokerProvider() {
        this(System::getenv);
    }

    /** A provider reading the credential variables from {@code environment} (tests, embedding). */
    public AlpacaBrokerProvider(Function<String, String> environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    /**
     * The {@code alpaca:} section, shared by the broker and the market data adapter. Every key of
     * docs/ALPACA.md; durations in milliseconds as their names say.
     *
     * @param environment       {@code paper} (default) or {@code live}
     * @param tradingUrl        overrides the environment's trading URL (proxies, tests)
     * @param dataUrl           overrides {@code https://data.alpaca.markets}
     * @param feed              stock feed, {@code iex} (default) or {@code sip}
     * @param barTimeframe      bar length of the engine's bars ({@code 1Min}); must equal {@code engine.bar_interval}
     * @param advSessions       daily bars averaged for average daily volume (20)
     * @param requestsPerMinute client-side request budget per API (200)
     * @param rateLimitWaitMs   how long a call waits for a permit (2000)
     * @param connectTimeoutMs  TCP connect timeout (5000)
     * @param readTimeoutMs     socket read/write timeout (10000)
     * @param retry             retries of reads and cancels
     * @param breaker           the circuit breaker around every call
     * @param keyId             the API key id; unset: the environment variable {@code ALPACA_API_KEY_ID}
     * @param secretKey         the API secret key; unset: {@code ALPACA_API_SECRET_KEY}
     */
    public record Settings(String environment, String tradingUrl, String dataUrl, String feed, String barTimeframe,
                           Integer advSessions, Integer requestsPerMinute, Integer rateLimitWaitMs,
                           Integer connectTimeoutMs, Integer readTimeoutMs, Retry retry, Breaker breaker,
                           Secret keyId, Secret secretKey) {

        public Settings {
            environment = or(environment, "paper").strip().toLowerCase(java.util.Locale.ROOT);
            feed = or(feed, "iex").strip().toLowerCase(java.util.Locale.ROOT);
            barTimeframe = or(barTimeframe, "1Min").strip();
            advSessions = or(advSessions, 20);
            requestsPerMinute = or(requestsPerMinute, 200);
            rateLimitWaitMs = or(rateLimitWaitMs, 2000);
            connectTimeoutMs = or(connectTimeoutMs, 5000);
            readTimeoutMs = or(readTimeoutMs, 10_000);
            retry = or(retry, new Retry(null, null, null, null));
            breaker = or(breaker, new Breaker(null, null, null, null));
            url("alpaca.trading_url", tradingUrl);
            url("alpaca.data_url", dataUrl);
            // every adapter check runs now, so `config validate` reports what `run` would refuse
            // (the adapters' messages start with the key: "alpaca.feed must be 'iex' or 'sip', was 'x'")
            try {
                new AlpacaConfig(AlpacaEnvironment.parse(environment), uri(tradingUrl), true,
                        policy(requestsPerMinute, rateLimitWaitMs, connectTimeoutMs, readTimeoutMs, retry, breaker))
                        .requireLiveConfirmedIfLive();
                new AlpacaDataConfig(uri(dataUrl), AlpacaFeed.parse(feed), AlpacaTimeframe.parse(barTimeframe),
                        advSessions, policy(requestsPerMinute, rateLimitWaitMs, connectTimeoutMs, readTimeoutMs,
                        retry, breaker));
            } catch (IllegalArgumentException | IllegalStateException | NullPointerException e) {
                throw new ConfigException(null, e.getMessage());
            }
        }

        /** {@code alpaca.retry.*}: reads and cancels only, an order submit is never retried. */
        public record Retry(Integer maxAttempts, Integer initialBackoffMs, Integer maxBackoffMs, Integer maxRetryAfterMs) {
            public Retry {
                maxAttempts = or(maxAttempts, 3);
                initialBackoffMs = or(initialBackoffMs, 200);
                maxBackoffMs = or(maxBackoffMs, 2000);
                maxRetryAfterMs = or(maxRetryAfterMs, 10_000);
            }
        }

        /** {@code alpaca.breaker.*}: when the circuit breaker opens and for how long. */
        public record Breaker(Integer failureRatePercent, Integer windowSize, Integer minimumCalls, Integer openWaitMs) {
            public Breaker {
                failureRatePercent = or(failureRatePercent, 50);
                windowSize = or(windowSize, 20);
                minimumCalls = or(minimumCalls, 10);
                openWaitMs = or(openWaitMs, 30_000);
            }
        }

        /** Whether this section trades the live account. */
        public boolean live() {
            return AlpacaEnvironment.parse(environment) == AlpacaEnvironment.LIVE;
        }

        /** The broker adapter's configuration; {@code liveConfirmed} is the operator's confirmation. */
        public AlpacaConfig brokerConfig(boolean liveConfirmed) {
            return new AlpacaConfig(AlpacaEnvironment.parse(environment), uri(tradingUrl), liveConfirmed,
                    policy(requestsPerMinute, rateLimitWaitMs, connectTimeoutMs, readTimeoutMs, retry, breaker));
        }

        /** The market data adapter's configuration. */
        public AlpacaDataConfig dataConfig() {
            return new AlpacaDataConfig(uri(dataUrl), AlpacaFeed.parse(feed), AlpacaTimeframe.parse(barTimeframe),
                    advSessions, policy(requestsPerMinute, rateLimitWaitMs, connectTimeoutMs, readTimeoutMs, retry,
                    breaker));
        }

        // one policy type for both adapters: it belongs to the shared Alpaca client (adapters-alpaca)
        private static AlpacaHttpPolicy policy(int perMinute, int waitMs, int connectMs, int readMs, Retry r,
                                               Breaker b) {
            return new AlpacaHttpPolicy(perMinute, ms(waitMs), ms(connectMs), ms(readMs), r.maxAttempts(),
                    ms(r.initialBackoffMs()), ms(r.maxBackoffMs()), ms(r.maxRetryAfterMs()), b.failureRatePercent(),
                    b.windowSize(), b.minimumCalls(), ms(b.openWaitMs()));
        }

        private static Duration ms(int millis) {
            return Duration.ofMillis(millis);
        }

        private static URI uri(String value) {
            return value == null ? null : URI.create(value.strip());
        }

        private static void url(String key, String value) {
            if (value == null) {
                return;
            }
            try {
                URI uri = new URI(value.strip());
                if (uri.getScheme() == null || uri.getHost() == null) {
                    throw new URISyntaxException(value, "not absolute");
                }
            } catch (URISyntaxException e) {
                throw new ConfigException(key, "'" + value + "' is not an absolute http(s) URL,"
                        + " e.g. https://paper-api.alpaca.markets");
            }
        }
    }

    @Override
    public AdapterKind kind() {
        return AdapterKind.BROKER;
    }

    @Override
    public String name() {
        return "alpaca";
    }

    @Override
    public Class<Settings> configType() {
        return Settings.class;
    }

    @Override
    public String section() {
        return SECTION;
    }

    @Override
    public Optional<String> liveTradingKey(Settings config) {
        return config.live() ? Optional.of("alpaca.environment") : Optional.empty();
    }

    /**
     * Binds the {@link AlpacaBroker}. The credentials are read now, so a missing variable stops the
     * start before anything is opened.
     *
     * @throws ConfigException one line naming the missing variable
     */
    @Override
    public Module module(Settings settings, AdapterEnvironment env) {
        // built only after bootstrap's live check passed: a live environment here is a confirmed one
        AlpacaConfig config = settings.brokerConfig(settings.live());
        AlpacaCredentials credentials = credentials(settings, environment);
        return new AbstractModule() {
            @Provides
            @Singleton
            BrokerPort broker() {
                return new AlpacaBroker(config, credentials);
            }
        };
    }

    /**
     * The key pair of {@code settings}: {@code alpaca.key_id} / {@code alpaca.secret_key} when given,
     * else the environment variables. Shared with {@link AlpacaMarketDataProvider}.
     *
     * @throws ConfigException naming the missing variable, never a value
     */
    static AlpacaCredentials credentials(Settings settings, Function<String, String> environment) {
        String keyId = settings.keyId() != null ? settings.keyId().reveal()
                : environment.apply(AlpacaCredentials.KEY_ID_VARIABLE);
        String secretKey = settings.secretKey() != null ? settings.secretKey().reveal()
                : environment.apply(AlpacaCredentials.SECRET_KEY_VARIABLE);
        try {
            return new AlpacaCredentials(keyId, secretKey);
        } catch (IllegalArgumentException e) {
            // "missing Alpaca credential: set the environment variable ALPACA_API_SECRET_KEY (see docs/ALPACA.md)"
            throw new ConfigException(null, e.getMessage());
        }
    }
}
