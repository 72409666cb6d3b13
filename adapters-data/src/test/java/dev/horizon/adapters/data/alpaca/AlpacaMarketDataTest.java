package dev.horizon.adapters.data.alpaca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.horizon.adapters.alpaca.AlpacaCredentials;
import dev.horizon.adapters.data.alpaca.FakeAlpacaDataServer.Fault;
import dev.horizon.application.port.MarketDataException;
import dev.horizon.application.time.SimulatedClock;
import dev.horizon.domain.market.Bar;
import dev.horizon.domain.market.MarketCalendar;
import dev.horizon.domain.market.Quote;
import dev.horizon.domain.market.Symbol;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Requests, parsing, flagging, paging, caching and faults of {@link AlpacaMarketData}. */
class AlpacaMarketDataTest {

    private static final Symbol AAPL = Symbol.of("AAPL");
    private static final Symbol MSFT = Symbol.of("MSFT");
    private static final Symbol BTC = Symbol.of("BTC/USD");
    private static final Symbol ETH = Symbol.of("ETH/USD");
    private static final Instant THREE_PM = Instant.parse("2024-01-02T15:00:00Z");

    private SimulatedClock clock;
    private FakeAlpacaDataServer fake;
    private AlpacaMarketData data;
    private final ListAppender<ILoggingEvent> warnings = new ListAppender<>();
    private Logger adapterLogger;

    @BeforeEach
    void start() {
        clock = new SimulatedClock(Instant.parse("2023-12-01T00:00:00Z"), MarketCalendar.usEquities(Set.of()));
        fake = FakeAlpacaDataServer.start(clock::now, Duration.ofMinutes(1));
        data = adapter(AlpacaDataConfig.defaults());
        adapterLogger = (Logger) LoggerFactory.getLogger(AlpacaMarketData.class);
        warnings.start();
        adapterLogger.addAppender(warnings);
    }

    @AfterEach
    void validateAndClose() {
        adapterLogger.detachAppender(warnings);
        try {
            assertThat(AlpacaMarketDataSpec.get().problems(fake.exchanges()))
                    .as("requests and answers conform to Alpaca's OpenAPI spec").isEmpty();
        } finally {
            data.close();
            fake.close();
        }
    }

    private AlpacaMarketData adapter(AlpacaDataConfig config) {
        return new AlpacaMarketData(config.withDataUrl(fake.baseUrl()).withHttp(AlpacaMarketDataContractTest.FAST),
                FakeAlpacaDataServer.credentials(), clock);
    }

    // ------------------------------------------------------------------ requests

    @Test
    void quotes_take_one_request_per_asset_class_whatever_the_number_of_symbols() {
        clock.set(THREE_PM);
        fake.quote("AAPL", "2024-01-02T14:59:00Z", 185.0, 185.1);
        fake.quote("MSFT", "2024-01-02T14:59:00Z", 370.0, 370.2);
        fake.quote("BTC/USD", "2024-01-02T14:59:00Z", 42_000.0, 42_001.0);
        fake.quote("ETH/USD", "2024-01-02T14:59:00Z", 2_300.0, 2_300.5);

        Map<Symbol, Quote> quotes = data.latestQuotes(List.of(AAPL, BTC, MSFT, ETH, AAPL));

        assertThat(quotes).containsOnlyKeys(AAPL, MSFT, BTC, ETH);
        assertThat(fake.exchanges()).hasSize(2);
        HttpUrl stocks = fake.exchanges().get(0).request().getRequestUrl();
        HttpUrl crypto = fake.exchanges().get(1).request().getRequestUrl();
        assertThat(stocks.encodedPath()).isEqualTo("/v2/stocks/quotes/latest");
        assertThat(stocks.queryParameter("symbols")).isEqualTo("AAPL,MSFT");
        assertThat(stocks.queryParameter("feed")).isEqualTo("iex");
        assertThat(crypto.encodedPath()).isEqualTo("/v1beta3/crypto/us/latest/quotes");
        assertThat(crypto.queryParameter("symbols")).isEqualTo("BTC/USD,ETH/USD");
        assertThat(crypto.queryParameter("feed")).isNull();
    }

    @Test
    void the_sip_feed_is_asked_for_when_configured() {
        AlpacaMarketData sip = adapter(AlpacaDataConfig.defaults().withFeed(AlpacaFeed.parse("SIP")));
        try {
            fake.bars(AlpacaMarketDataContractTest.series("AAPL", 185.25, 1, 2));
            clock.set(Instant.parse("2024-01-02T15:00:00Z"));

            sip.latestQuotes(List.of(AAPL));
            sip.latestBars(List.of(AAPL), 5);

            assertThat(fake.exchanges()).extracting(e -> e.request().getRequestUrl().queryParameter("feed"))
                    .containsOnly("sip");
        } finally {
            sip.close();
        }
    }

    @Test
    void bars_pages_are_followed_through_next_page_token() {
        clock.set(THREE_PM);
        fake.pageSize(2);
        fake.bars(AlpacaMarketDataContractTest.series("AAPL", 185.25, 1, 2, 3, 4, 5));
        fake.bars(AlpacaMarketDataContractTest.series("MSFT", 370.5, 2, 4));

        Map<Symbol, List<Bar>> bars = data.barsBetween(List.of(AAPL, MSFT), Instant.EPOCH, clock.now());

        assertThat(bars.get(AAPL)).hasSize(5);
        assertThat(bars.get(MSFT)).hasSize(2);
        List<String> tokens = new ArrayList<>();
        fake.exchanges().forEach(e -> tokens.add(e.request().getRequestUrl().queryParameter("page_token")));
        assertThat(tokens).hasSize(4).first().isNull();
        assertThat(tokens.subList(1, 4)).doesNotContainNull().doesNotHaveDuplicates();
    }

    @Test
    void a_bar_is_stamped_at_its_close_one_timeframe_after_alpacas_start_time() {
        clock.set(THREE_PM);
        fake.answer("/v2/stocks/bars", "{\"bars\":{\"AAPL\":[{\"t\":\"2024-01-02T14:30:00Z\",\"o\":185.1,\"h\":185.4,"
                + "\"l\":185.0,\"c\":185.3,\"v\":1200,\"n\":40,\"vw\":185.2}]},\"next_page_token\":null}");

        List<Bar> bars = data.barsBetween(List.of(AAPL), Instant.EPOCH, clock.now()).get(AAPL);

        assertThat(bars).containsExactly(new Bar(AAPL, Instant.parse("2024-01-02T14:31:00Z"), 185.1, 185.4, 185.0,
                185.3, 1200));
    }

    @Test
    void latest_bars_ask_only_for_what_is_new_once_they_hold_enough() {
        fake.bars(AlpacaMarketDataContractTest.series("AAPL", 185.25, 1, 2, 3, 4, 5, 6, 7, 8));
        clock.set(Instant.parse("2024-01-02T14:35:00Z"));
        assertThat(data.latestBars(List.of(AAPL), 3).get(AAPL)).extracting(Bar::closeTime)
                .containsExactly(Instant.parse("2024-01-02T14:33:00Z"), Instant.parse("2024-01-02T14:34:00Z"),
                        Instant.parse("2024-01-02T14:35:00Z"));
        clock.set(Instant.parse("2024-01-02T14:38:00Z"));

        List<Bar> later = data.latestBars(List.of(AAPL), 3).get(AAPL);

        assertThat(later).extracting(Bar::closeTime).containsExactly(Instant.parse("2024-01-02T14:36:00Z"),
                Instant.parse("2024-01-02T14:37:00Z"), Instant.parse("2024-01-02T14:38:00Z"));
        HttpUrl second = fake.exchanges().get(fake.exchanges().size() - 1).request().getRequestUrl();
        assertThat(Instant.parse(second.queryParameter("start")))
                .as("from the previous answer's end, a few bars of overlap included")
                .isEqualTo(Instant.parse("2024-01-02T14:31:00Z"));
        assertThat(Instant.parse(second.queryParameter("end"))).isEqualTo(Instant.parse("2024-01-02T14:37:00Z"));
    }

    // ------------------------------------------------------------------ values

    @Test
    void quote_timestamps_keep_their_nanoseconds_and_any_offset() {
        String fixture = resource("/alpaca/latest-quotes-stocks.json");
        assertThat(AlpacaMarketDataSpec.get().fixtureProblems("/v2/stocks/quotes/latest", "AAPL,TSLA", fixture)).isEmpty();
        fake.answer("/v2/stocks/quotes/latest", fixture);
        clock.set(Instant.parse("2024-01-02T15:00:00Z"));

        Map<Symbol, Quote> quotes = data.latestQuotes(List.of(AAPL, Symbol.of("TSLA")));

        assertThat(quotes.get(AAPL)).isEqualTo(new Quote(AAPL, 156.45, 156.47, 1, 3,
                Instant.parse("2022-03-11T18:40:13.514830169Z")));
        assertThat(quotes.get(AAPL).time().getNano()).isEqualTo(514_830_169);
        assertThat(quotes.get(Symbol.of("TSLA")).time()).isEqualTo(Instant.parse("2022-03-11T23:40:12.416216587Z"));
    }

    @Test
    void crypto_quotes_are_read_from_the_v1beta3_answer() {
        clock.set(THREE_PM);
        String fixture = resource("/alpaca/latest-quotes-crypto.json");
        assertThat(AlpacaMarketDataSpec.get().fixtureProblems("/v1beta3/crypto/us/latest/quotes", "BTC/USD", fixture))
                .isEmpty();
        fake.answer("/v1beta3/crypto/us/latest/quotes", fixture);

        Quote quote = data.latestQuotes(List.of(BTC)).get(BTC);

        assertThat(quote).isEqualTo(new Quote(BTC, 42150.5, 42151.75, 0.25, 1.5,
                Instant.parse("2024-01-02T14:59:59.123456789Z")));
    }

    @Test
    void unusable_quotes_are_passed_on_but_counted_and_logged() {
        clock.set(THREE_PM);
        fake.quote("AAPL", "2024-01-02T14:59:00Z", 185.2, 185.1);
        fake.quote("MSFT", "2024-01-02T14:59:00Z", 0.0, 370.2);
        fake.quote("BTC/USD", "2024-01-02T14:59:00Z", 42_000.0, -1.0);
        fake.quote("ETH/USD", "2024-01-02T14:59:00Z", 2_300.0, 2_300.5);

        Map<Symbol, Quote> quotes = data.latestQuotes(List.of(AAPL, MSFT, BTC, ETH));

        assertThat(quotes).containsOnlyKeys(AAPL, MSFT, BTC, ETH);
        assertThat(quotes.get(AAPL).isValid()).isFalse();
        assertThat(quotes.get(MSFT).bid()).isZero();
        assertThat(quotes.get(ETH).isValid()).isTrue();
        assertThat(data.quality().flaggedQuotes()).isEqualTo(3);
        assertThat(warnings.list).filteredOn(e -> e.getLevel() == Level.WARN)
                .extracting(ILoggingEvent::getFormattedMessage)
                .anyMatch(m -> m.contains("AAPL") && m.contains("bid 185.2, ask 185.1"))
                .anyMatch(m -> m.contains("MSFT")).anyMatch(m -> m.contains("BTC/USD")).hasSize(3);
    }

    @Test
    void quotes_stamped_after_the_clock_are_withheld_and_counted() {
        clock.set(THREE_PM);
        fake.quote("AAPL", "2024-01-02T15:00:00.000000001Z", 185.0, 185.1);
        fake.quote("MSFT", "2024-01-02T15:00:00Z", 370.0, 370.2);

        Map<Symbol, Quote> quotes = data.latestQuotes(List.of(AAPL, MSFT));

        assertThat(quotes).containsOnlyKeys(MSFT);
        assertThat(data.quality().futureQuotes()).isEqualTo(1);
    }

    @Test
    void impossible_bars_are_dropped_counted_and_logged() {
        clock.set(THREE_PM);
        fake.answer("/v2/stocks/bars", "{\"bars\":{\"AAPL\":["
                + "{\"t\":\"2024-01-02T14:30:00Z\",\"o\":185.1,\"h\":185.4,\"l\":185.0,\"c\":185.3,\"v\":1200},"
                + "{\"t\":\"2024-01-02T14:31:00Z\",\"o\":0,\"h\":185.4,\"l\":0,\"c\":185.3,\"v\":900},"
                + "{\"t\":\"2024-01-02T14:32:00Z\",\"o\":185.2,\"h\":185.0,\"l\":185.1,\"c\":185.1,\"v\":900},"
                + "{\"t\":\"2024-01-02T14:33:00Z\",\"o\":-3,\"h\":185.4,\"l\":185.0,\"c\":185.3,\"v\":100}"
                + "]},\"next_page_token\":null}");

        List<Bar> bars = data.barsBetween(List.of(AAPL), Instant.EPOCH, clock.now()).get(AAPL);

        assertThat(bars).extracting(Bar::closeTime).containsExactly(Instant.parse("2024-01-02T14:31:00Z"));
        assertThat(data.quality().droppedBars()).isEqualTo(3);
        assertThat(warnings.list).filteredOn(e -> e.getLevel() == Level.WARN).hasSize(3)
                .allMatch(e -> e.getFormattedMessage().startsWith("alpaca bar of AAPL starting 2024-01-02T14:3"));
    }

    @Test
    void average_daily_volume_is_the_mean_of_the_last_complete_sessions_computed_once_per_session_day() {
        List<Bar> daily = new ArrayList<>();
        for (int day = 1; day <= 25; day++) {
            Instant close = Instant.parse("2023-12-01T05:00:00Z").plus(Duration.ofDays(day));
            daily.add(new Bar(AAPL, close, 180, 181, 179, 180.5, day * 1_000.0));
        }
        fake.dailyBars(daily);
        fake.pageSize(100);
        clock.set(Instant.parse("2023-12-24T15:00:00Z"));

        Map<Symbol, Double> adv = data.averageDailyVolume(List.of(AAPL, MSFT));
        data.averageDailyVolume(List.of(AAPL, MSFT));
        long requests = fake.requestCount();
        clock.set(Instant.parse("2023-12-25T15:00:00Z"));
        Map<Symbol, Double> nextDay = data.averageDailyVolume(List.of(AAPL));

        // closes Dec 2..24 at 05:00Z are complete by Dec 24 15:00Z: days 1..23, the last 20 are 4..23
        assertThat(adv).containsOnlyKeys(AAPL);
        assertThat(adv.get(AAPL)).isEqualTo(13_500.0);
        assertThat(requests).as("the second call of the day is answered from the cache").isEqualTo(1);
        assertThat(fake.requestCount()).isEqualTo(2);
        assertThat(nextDay.get(AAPL)).isEqualTo(14_500.0);
        HttpUrl url = fake.exchanges().get(0).request().getRequestUrl();
        assertThat(url.queryParameter("timeframe")).isEqualTo("1Day");
    }

    @Test
    void configuration_values_are_checked_with_one_line_errors() {
        assertThat(AlpacaTimeframe.parse("5Min").length()).isEqualTo(Duration.ofMinutes(5));
        assertThat(AlpacaTimeframe.parse("1Day").daily()).isTrue();
        assertThatThrownBy(() -> AlpacaTimeframe.parse("90Min"))
                .hasMessage("alpaca.bar_timeframe must be <n>Min (1-59), <n>Hour (1-23) or 1Day, was '90Min'");
        assertThatThrownBy(() -> AlpacaFeed.parse("otc")).hasMessage("alpaca.feed must be 'iex' or 'sip', was 'otc'");
        assertThatThrownBy(() -> AlpacaDataConfig.defaults().withAdvSessions(0))
                .hasMessage("alpaca.adv_sessions must be in [1, 250], was 0");
        assertThat(AlpacaDataConfig.defaults().effectiveDataUrl().toString()).isEqualTo("https://data.alpaca.markets");
        assertThatThrownBy(() -> AlpacaCredentials.fromEnvironment(Map.of()))
                .hasMessageContaining("ALPACA_API_KEY_ID");
    }

    // ------------------------------------------------------------------ faults

    @Test
    void rate_limits_and_server_errors_are_retried() {
        clock.set(THREE_PM);
        fake.quote("AAPL", "2024-01-02T14:59:00Z", 185.0, 185.1);
        fake.inject(Fault.rateLimited("/v2/stocks/quotes/latest", 0));
        fake.inject(Fault.status("/v2/stocks/quotes/latest", 503));

        assertThat(data.latestQuotes(List.of(AAPL))).containsOnlyKeys(AAPL);

        assertThat(fake.requestCount()).isEqualTo(3);
        assertThat(data.health().retries()).isEqualTo(2);
        assertThat(data.health().rateLimitedResponses()).isEqualTo(1);
    }

    @Test
    void a_timeout_is_retried() {
        clock.set(THREE_PM);
        fake.quote("AAPL", "2024-01-02T14:59:00Z", 185.0, 185.1);
        fake.inject(Fault.noAnswer("/v2/stocks/quotes/latest"));

        assertThat(data.latestQuotes(List.of(AAPL))).containsOnlyKeys(AAPL);
        assertThat(fake.requestCount()).isEqualTo(2);
    }

    @Test
    void malformed_answers_end_as_market_data_exceptions_naming_the_request() {
        fake.inject(Fault.malformed("/v2/stocks/quotes/latest").once(3));

        assertThatThrownBy(() -> data.latestQuotes(List.of(AAPL))).isInstanceOf(MarketDataException.class)
                .hasMessageStartingWith("unusable answer to GET /v2/stocks/quotes/latest: malformed JSON");
        assertThat(fake.requestCount()).isEqualTo(3);
    }

    @Test
    void an_open_circuit_breaker_fails_fast_and_says_why() {
        AlpacaMarketData guarded = new AlpacaMarketData(AlpacaDataConfig.defaults().withDataUrl(fake.baseUrl())
                .withHttp(AlpacaMarketDataContractTest.FAST.withRetry(1, Duration.ZERO, Duration.ZERO, Duration.ZERO)
                        .withBreaker(50, 2, 2, Duration.ofMinutes(5))),
                FakeAlpacaDataServer.credentials(), clock);
        try {
            fake.inject(Fault.status("/v2/stocks/bars", 500).once(2));
            for (int i = 0; i < 2; i++) {
                assertThatThrownBy(() -> guarded.barsBetween(List.of(AAPL), Instant.EPOCH, clock.now()))
                        .isInstanceOf(MarketDataException.class).hasMessageContaining("HTTP 500");
            }
            long sent = fake.requestCount();

            assertThatThrownBy(() -> guarded.latestQuotes(List.of(AAPL))).isInstanceOf(MarketDataException.class)
                    .hasMessageStartingWith("alpaca market data circuit breaker open: 100% of the last 2 calls failed")
                    .hasMessageContaining("GET /v2/stocks/quotes/latest not sent");
            assertThat(fake.requestCount()).isEqualTo(sent);
            assertThat(guarded.health().breakerOpen()).isTrue();
        } finally {
            guarded.close();
        }
    }

    @Test
    void an_empty_or_unknown_only_request_sends_nothing_or_gets_nothing() {
        assertThat(data.latestQuotes(List.of())).isEmpty();
        assertThat(data.latestBars(List.of(AAPL), 0)).isEmpty();
        assertThat(data.barsBetween(List.of(AAPL), clock.now(), clock.now())).isEmpty();
        assertThat(fake.requestCount()).isZero();
        assertThat(data.latestQuotes(List.of(Symbol.of("ZZZZ")))).isEmpty();
    }

    private static String resource(String name) {
        try (InputStream in = AlpacaMarketDataTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
