package dev.horizon.bootstrap.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import dev.horizon.adapters.alpaca.AlpacaExchange;
import dev.horizon.adapters.alpaca.AlpacaHttpPolicy;
import dev.horizon.adapters.broker.alpaca.AlpacaConfig;
import dev.horizon.adapters.broker.alpaca.AlpacaEnvironment;
import dev.horizon.adapters.broker.alpaca.FakeAlpacaServer;
import dev.horizon.adapters.data.alpaca.AlpacaDataConfig;
import dev.horizon.adapters.data.alpaca.AlpacaFeed;
import dev.horizon.adapters.persistence.sqlite.SqliteStateStore;
import dev.horizon.application.port.Clock;
import dev.horizon.application.port.MarketDataPort;
import dev.horizon.application.time.SimulatedClock;
import dev.horizon.bootstrap.cli.Cli;
import dev.horizon.bootstrap.cli.CliContext;
import dev.horizon.bootstrap.config.ConfigException;
import dev.horizon.bootstrap.config.ConfigLoader;
import dev.horizon.bootstrap.config.HorizonConfig;
import dev.horizon.bootstrap.spi.AdapterEnvironment;
import dev.horizon.bootstrap.spi.AdapterKind;
import dev.horizon.bootstrap.spi.AdapterProvider;
import dev.horizon.bootstrap.spi.AdapterRegistry;
import dev.horizon.bootstrap.testsupport.DemoReplayConfig;
import dev.horizon.domain.market.MarketCalendar;
import dev.horizon.domain.market.Quote;
import dev.horizon.domain.market.Symbol;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code broker.type: alpaca} and {@code market_data.type: alpaca}: the shared {@code alpaca:}
 * section with every documented key, credentials from the environment, the live confirmation, and
 * a whole {@code horizon cycle} against a fake Alpaca account on loopback.
 */
class AlpacaProvidersTest {

    /** A replay of the demo bars traded through the Alpaca broker, whose URL comes from the environment. */
    private static final String CYCLE_CONFIG = DemoReplayConfig.of("alpaca", """
            broker:
              type: alpaca
            """) + """
            alpaca:
              environment: %s
              trading_url: ${ALPACA_TRADING_URL}
              connect_timeout_ms: 500
              read_timeout_ms: 2000
            """;

    @TempDir
    Path dir;

    private FakeAlpacaServer fake;

    @BeforeEach
    void startFake() {
        fake = FakeAlpacaServer.start(new BigDecimal("25000.00"));
        fake.quote(Symbol.of("BTC/USD"), new BigDecimal("1000.00"), new BigDecimal("1000.10"));
    }

    @AfterEach
    void stopFake() {
        fake.close();
    }

    private record Outcome(int exitCode, String out, String err) {
        List<String> errorLines() {
            return err.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    /** The fake's key pair and URL in the environment, as an operator would export them. */
    private Map<String, String> fakeEnvironment() {
        Map<String, String> env = new HashMap<>();
        env.put("ALPACA_API_KEY_ID", FakeAlpacaServer.KEY_ID);
        env.put("ALPACA_API_SECRET_KEY", FakeAlpacaServer.SECRET_KEY);
        env.put("ALPACA_TRADING_URL", fake.baseUrl());
        return env;
    }

    /** The adapters on the class path, the Alpaca ones reading {@code env} instead of the process environment. */
    static AdapterRegistry registry(Map<String, String> env) {
        List<AdapterProvider<?>> providers = new ArrayList<>();
        AdapterRegistry.discover(AlpacaProvidersTest.class.getClassLoader()).all().stream()
                .filter(p -> !p.name().equals("alpaca")).forEach(providers::add);
        providers.add(new AlpacaBrokerProvider(env::get));
        providers.add(new AlpacaMarketDataProvider(env::get));
        return AdapterRegistry.of(providers);
    }

    private Outcome horizon(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new CliContext(new PrintWriter(out, true), new PrintWriter(err, true), env::get, dir,
                registry(env)));
        return new Outcome(code, out.toString(), err.toString());
    }

    private HorizonConfig parse(String yaml) {
        return new ConfigLoader(registry(Map.of()), Map.<String, String>of()::get).parse(yaml, dir, "alpaca.yaml");
    }

    private static String minimal(String alpaca) {
        return """
                engine: {universe: [AAPL]}
                broker: {type: alpaca}
                market_data: {demo: aapl_daily}
                models: {run_root: runs}
                alpaca:
                """ + alpaca.indent(2);
    }

    @Test
    void service_loader_registers_alpaca_as_a_broker_and_as_market_data_sharing_the_alpaca_section() {
        AdapterRegistry registry = AdapterRegistry.discover(getClass().getClassLoader());

        assertThat(registry.find(AdapterKind.BROKER, "alpaca")).get().isInstanceOf(AlpacaBrokerProvider.class)
                .extracting(AdapterProvider::section).isEqualTo("alpaca");
        assertThat(registry.find(AdapterKind.MARKET_DATA, "alpaca")).get().isInstanceOf(AlpacaMarketDataProvider.class)
                .extracting(AdapterProvider::section).isEqualTo("alpaca");
    }

    @Test
    void an_empty_alpaca_section_gives_the_documented_defaults_paper_iex_1min_and_the_default_http_policy() {
        HorizonConfig config = parse(minimal("{}"));

        AlpacaBrokerProvider.Settings s = config.adapter(AdapterKind.BROKER).config(AlpacaBrokerProvider.Settings.class);
        AlpacaConfig broker = s.brokerConfig(false);
        assertThat(broker.environment()).isEqualTo(AlpacaEnvironment.PAPER);
        assertThat(broker.effectiveTradingUrl()).hasToString("https://paper-api.alpaca.markets");
        assertThat(broker.http()).isEqualTo(AlpacaHttpPolicy.defaults());
        AlpacaDataConfig data = s.dataConfig();
        assertThat(data.effectiveDataUrl()).hasToString("https://data.alpaca.markets");
        assertThat(data.feed()).isEqualTo(AlpacaFeed.IEX);
        assertThat(data.barTimeframe().api()).isEqualTo("1Min");
        assertThat(data.advSessions()).isEqualTo(20);
        assertThat(data.http()).isEqualTo(AlpacaHttpPolicy.defaults());
        assertThat(config.liveTradingKeys()).isEmpty();
        assertThat(s.keyId()).isNull();
        assertThat(s.secretKey()).isNull();
    }

    @Test
    void every_key_of_the_table_in_docs_alpaca_md_is_read_into_the_adapters_configs() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "ALPACA.md"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("(?m)^\\| `alpaca\\.([a-z_.]+)` \\|").matcher(doc);
        List<String> documented = new ArrayList<>();
        while (m.find()) {
            documented.add(m.group(1));
        }
        Map<String, String> values = Map.ofEntries(Map.entry("environment", "paper"),
                Map.entry("trading_url", "http://127.0.0.1:9/"), Map.entry("data_url", "http://127.0.0.1:8/"),
                Map.entry("feed", "sip"), Map.entry("bar_timeframe", "5Min"), Map.entry("adv_sessions", "30"),
                Map.entry("requests_per_minute", "120"), Map.entry("rate_limit_wait_ms", "1500"),
                Map.entry("connect_timeout_ms", "700"), Map.entry("read_timeout_ms", "900"),
                Map.entry("retry.max_attempts", "4"), Map.entry("retry.initial_backoff_ms", "50"),
                Map.entry("retry.max_backoff_ms", "400"), Map.entry("retry.max_retry_after_ms", "3000"),
                Map.entry("breaker.failure_rate_percent", "60"), Map.entry("breaker.window_size", "30"),
                Map.entry("breaker.minimum_calls", "15"), Map.entry("breaker.open_wait_ms", "45000"));
        assertThat(documented).as("the keys docs/ALPACA.md lists").contains("key_id", "secret_key");
        // the two secrets come from the environment or a file: the_key_pair_may_come_from_files_...
        documented.removeAll(List.of("key_id", "secret_key"));
        assertThat(documented).as("the keys docs/ALPACA.md lists").containsExactlyInAnyOrderElementsOf(values.keySet());
        StringBuilder yaml = new StringBuilder();
        Map<String, StringBuilder> nested = new HashMap<>();
        for (String key : documented) {
            int dot = key.indexOf('.');
            if (dot < 0) {
                yaml.append(key).append(": ").append(values.get(key)).append('\n');
            } else {
                nested.computeIfAbsent(key.substring(0, dot), k -> new StringBuilder())
                        .append("  ").append(key.substring(dot + 1)).append(": ").append(values.get(key)).append('\n');
            }
        }
        nested.forEach((section, body) -> yaml.append(section).append(":\n").append(body));

        AlpacaBrokerProvider.Settings s = parse(minimal(yaml.toString())).adapter(AdapterKind.BROKER)
                .config(AlpacaBrokerProvider.Settings.class);

        AlpacaConfig broker = s.brokerConfig(false);
        assertThat(broker.effectiveTradingUrl()).hasToString("http://127.0.0.1:9/");
        assertThat(broker.http()).isEqualTo(new AlpacaHttpPolicy(120, Duration.ofMillis(1500), Duration.ofMillis(700),
                Duration.ofMillis(900), 4, Duration.ofMillis(50), Duration.ofMillis(400), Duration.ofMillis(3000), 60, 30,
                15, Duration.ofMillis(45_000)));
        AlpacaDataConfig data = s.dataConfig();
        assertThat(data.effectiveDataUrl()).hasToString("http://127.0.0.1:8/");
        assertThat(data.feed()).isEqualTo(AlpacaFeed.SIP);
        assertThat(data.barTimeframe().length()).isEqualTo(Duration.ofMinutes(5));
        assertThat(data.advSessions()).isEqualTo(30);
        assertThat(data.http()).isEqualTo(new AlpacaHttpPolicy(120,
                Duration.ofMillis(1500), Duration.ofMillis(700), Duration.ofMillis(900), 4, Duration.ofMillis(50),
                Duration.ofMillis(400), Duration.ofMillis(3000), 60, 30, 15, Duration.ofMillis(45_000)));
    }

    @Test
    void bad_alpaca_values_are_one_line_naming_the_key() {
        assertThatThrownBy(() -> parse(minimal("environment: demo"))).isInstanceOf(ConfigException.class)
                .hasMessage("alpaca.environment must be 'paper' or 'live', was 'demo'");
        assertThatThrownBy(() -> parse(minimal("feed: nasdaq"))).hasMessage("alpaca.feed must be 'iex' or 'sip', was 'nasdaq'");
        assertThatThrownBy(() -> parse(minimal("retry: {max_attempts: 0}")))
                .hasMessage("alpaca.retry.max_attempts must be >= 1, was 0");
        assertThatThrownBy(() -> parse(minimal("breaker: {failure_rate_percent: 150}")))
                .hasMessage("alpaca.breaker.failure_rate_percent must be in [1, 100], was 150");
        assertThatThrownBy(() -> parse(minimal("trading_url: paper-api.alpaca.markets")))
                .hasMessage("alpaca.trading_url: 'paper-api.alpaca.markets' is not an absolute http(s) URL,"
                        + " e.g. https://paper-api.alpaca.markets");
        assertThatThrownBy(() -> parse(minimal("trading_url: https://api.alpaca.markets")))
                .hasMessageStartingWith("alpaca.trading_url points at the live API but alpaca.environment is 'paper'");
        assertThatThrownBy(() -> parse(minimal("retyr: {max_attempts: 2}")))
                .hasMessage("alpaca.retyr: unknown key; did you mean retry?");
        assertThatThrownBy(() -> parse(minimal("secret_key: abc123")))
                .hasMessage("alpaca.secret_key: secrets never go in the config itself: write ${ENV_NAME}"
                        + " or secret_key_file: <path>");
        assertThatThrownBy(() -> parse("""
                engine: {universe: [AAPL]}
                broker: {type: alpaca, feed: sip}
                market_data: {demo: aapl_daily}
                models: {run_root: runs}
                """)).hasMessage("broker.feed: the alpaca broker adapter reads its settings from the alpaca section;"
                + " move it there");
    }

    @Test
    void the_key_pair_may_come_from_files_and_the_effective_config_masks_it() throws Exception {
        Files.writeString(dir.resolve("key-id"), "PKFROMFILE\n");
        Files.writeString(dir.resolve("secret"), "secret-from-file-77\n");
        HorizonConfig config = parse(minimal("key_id_file: key-id\nsecret_key_file: secret"));
        AlpacaBrokerProvider.Settings s = config.adapter(AdapterKind.BROKER).config(AlpacaBrokerProvider.Settings.class);

        assertThat(s.keyId().reveal()).isEqualTo("PKFROMFILE");
        assertThat(s.secretKey().reveal()).isEqualTo("secret-from-file-77");
        String effective = dev.horizon.bootstrap.config.EffectiveConfig.yaml(config);
        assertThat(effective).contains("alpaca:").contains("key_id: '****'").contains("secret_key: '****'")
                .contains("open_wait_ms: 30000").doesNotContain("secret-from-file-77").doesNotContain("PKFROMFILE");
    }

    @Test
    void horizon_cycle_with_broker_type_alpaca_starts_from_the_alpaca_account_and_shows_its_breaker_in_status() {
        writeConfig("paper");

        Outcome cycle = horizon(fakeEnvironment(), "cycle", "--config", "alpaca.yaml");

        assertThat(cycle.exitCode()).as(cycle.err()).isZero();
        assertThat(cycle.out()).startsWith("cycle 1 at 2013-11-29T00:00:00Z: PV 25000.00, cash 25000.00, ");
        List<String> calls = fake.exchanges().stream().map(AlpacaExchange::describe).toList();
        assertThat(calls).as("recovery starts a new state from the account, then reconciles")
                .startsWith("GET /v2/account", "GET /v2/positions", "GET /v2/positions", "GET /v2/account");
        assertThat(fake.exchanges()).allSatisfy(e -> assertThat(e.status()).isEqualTo(200));
        try (SqliteStateStore store = SqliteStateStore.open(dir.resolve("var/state.db"))) {
            assertThat(store.load().orElseThrow().state().cash()).isEqualByComparingTo("25000.00");
        }
        assertThat(dir.resolve("var/state.db.health.json")).exists();

        Outcome status = horizon(fakeEnvironment(), "status", "--config", "alpaca.yaml");

        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(status.out()).containsPattern("(?m)^broker       alpaca: circuit breaker CLOSED, 0 refused, 0 retries,"
                + " 0 HTTP 429 \\(as of cycle 1\\)$");
    }

    @Test
    void a_missing_key_variable_stops_the_cycle_with_one_line_naming_it_before_any_state_is_opened() {
        writeConfig("paper");
        Map<String, String> env = fakeEnvironment();
        env.remove("ALPACA_API_SECRET_KEY");

        Outcome r = horizon(env, "cycle", "--config", "alpaca.yaml");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errorLines()).containsExactly("horizon: alpaca.yaml: missing Alpaca credential: set the environment"
                + " variable ALPACA_API_SECRET_KEY (see docs/ALPACA.md)");
        assertThat(fake.requestCount()).isZero();
        assertThat(dir.resolve("var/state.db")).doesNotExist();

        env.put("ALPACA_API_SECRET_KEY", FakeAlpacaServer.SECRET_KEY);
        env.put("ALPACA_API_KEY_ID", "  ");
        Outcome blank = horizon(env, "cycle", "--config", "alpaca.yaml");
        assertThat(blank.exitCode()).isEqualTo(2);
        assertThat(blank.errorLines()).containsExactly("horizon: alpaca.yaml: missing Alpaca credential: set the"
                + " environment variable ALPACA_API_KEY_ID (see docs/ALPACA.md)");
    }

    @Test
    void a_live_environment_without_the_confirmation_is_exit_2_and_sends_nothing() {
        writeConfig("live");

        Outcome refused = horizon(fakeEnvironment(), "cycle", "--config", "alpaca.yaml");

        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.errorLines()).containsExactly("horizon: alpaca.yaml: alpaca.environment: this config trades"
                + " real money; pass --i-understand-live-trading or set HORIZON_LIVE=1 to go live");
        assertThat(fake.requestCount()).isZero();
        assertThat(dir.resolve("var/state.db")).doesNotExist();
    }

    @Test
    void a_live_environment_with_horizon_live_1_passes_the_confirmation_to_the_broker() {
        writeConfig("live");
        Map<String, String> env = fakeEnvironment();
        env.put("HORIZON_LIVE", "1");

        Outcome r = horizon(env, "cycle", "--config", "alpaca.yaml");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("cycle 1 at 2013-11-29T00:00:00Z: PV 25000.00, cash 25000.00, ");
        assertThat(fake.requestCount()).isPositive();
    }

    @Test
    void market_data_type_alpaca_reads_quotes_from_data_url_with_the_configured_feed_and_key_pair() throws Exception {
        List<RecordedRequest> requests = new ArrayList<>();
        try (MockWebServer data = new MockWebServer()) {
            data.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    synchronized (requests) {
                        requests.add(request);
                    }
                    return new MockResponse().setHeader("Content-Type", "application/json").setBody("""
                            {"quotes": {"AAPL": {"t": "2024-01-02T15:00:00.5Z", "ap": 185.66, "as": 3,
                             "bp": 185.62, "bs": 2, "ax": "V", "bx": "V", "c": ["R"], "z": "C"}}}
                            """);
                }
            });
            data.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
            HorizonConfig config = parse("""
                    engine: {universe: [AAPL]}
                    broker: {type: paper}
                    market_data: {type: alpaca}
                    models: {run_root: runs}
                    alpaca: {feed: sip, data_url: "%s"}
                    """.formatted(data.url("/")));
            SimulatedClock clock = new SimulatedClock(Instant.parse("2024-01-02T15:00:01Z"), MarketCalendar.usEquities(Set.of()));
            AdapterEnvironment env = new AdapterEnvironment(dir, "t", List.of(Symbol.of("AAPL")), Duration.ofMinutes(1),
                    clock.calendar(), 100);
            AlpacaMarketDataProvider provider = new AlpacaMarketDataProvider(Map.of("ALPACA_API_KEY_ID", "PKDATA1",
                    "ALPACA_API_SECRET_KEY", "data-secret-1")::get);
            MarketDataPort market = Guice.createInjector(new AbstractModule() {
                @Override
                protected void configure() {
                    bind(Clock.class).toInstance(clock);
                }
            }, provider.module(config.adapter(AdapterKind.MARKET_DATA).config(AlpacaBrokerProvider.Settings.class), env))
                    .getInstance(MarketDataPort.class);

            Quote quote = market.latestQuotes(List.of(Symbol.of("AAPL"))).get(Symbol.of("AAPL"));

            assertThat(quote.bid()).isEqualTo(185.62);
            assertThat(quote.ask()).isEqualTo(185.66);
            assertThat(requests).singleElement().satisfies(r -> {
                assertThat(r.getRequestUrl().encodedPath()).isEqualTo("/v2/stocks/quotes/latest");
                assertThat(r.getRequestUrl().queryParameter("feed")).isEqualTo("sip");
                assertThat(r.getRequestUrl().queryParameter("symbols")).isEqualTo("AAPL");
                assertThat(r.getHeader("APCA-API-KEY-ID")).isEqualTo("PKDATA1");
                assertThat(r.getHeader("APCA-API-SECRET-KEY")).isEqualTo("data-secret-1");
            });
            assertThat(config.liveTradingKeys()).isEmpty();
            ((AutoCloseable) market).close();
        }
    }

    @Test
    void alpaca_bars_must_be_the_engines_bars() {
        HorizonConfig config = parse("""
                engine: {universe: [AAPL], bar_interval: 5m}
                market_data: {type: alpaca}
                models: {run_root: runs}
                """);
        AdapterEnvironment env = new AdapterEnvironment(dir, "t", List.of(Symbol.of("AAPL")), Duration.ofMinutes(5),
                MarketCalendar.usEquities(Set.of()), 100);
        AlpacaMarketDataProvider provider = new AlpacaMarketDataProvider(Map.of("ALPACA_API_KEY_ID", "k",
                "ALPACA_API_SECRET_KEY", "s")::get);

        assertThatThrownBy(() -> provider.module(config.adapter(AdapterKind.MARKET_DATA)
                .config(AlpacaBrokerProvider.Settings.class), env))
                .isInstanceOf(ConfigException.class)
                .hasMessage("alpaca.bar_timeframe: 1Min bars are not the engine's 5m bars (engine.bar_interval):"
                        + " set alpaca.bar_timeframe: 5Min");
        assertThat(AlpacaMarketDataProvider.spelling(Duration.ofHours(2))).isEqualTo("2Hour");
        assertThat(AlpacaMarketDataProvider.spelling(Duration.ofDays(1))).isEqualTo("1Day");
    }

    private void writeConfig(String environment) {
        try {
            Files.writeString(dir.resolve("alpaca.yaml"), CYCLE_CONFIG.formatted(environment));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
