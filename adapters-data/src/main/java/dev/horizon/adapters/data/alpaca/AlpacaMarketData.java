package dev.horizon.adapters.data.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import dev.horizon.adapters.alpaca.AlpacaCredentials;
import dev.horizon.adapters.alpaca.AlpacaHealth;
import dev.horizon.adapters.alpaca.AlpacaHttp;
import dev.horizon.adapters.alpaca.AlpacaJson;
import dev.horizon.adapters.alpaca.AlpacaResponse;
import dev.horizon.application.port.Clock;
import dev.horizon.application.port.MarketDataException;
import dev.horizon.application.port.MarketDataPort;
import dev.horizon.domain.market.Bar;
import dev.horizon.domain.market.Quote;
import dev.horizon.domain.market.Symbol;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link MarketDataPort} over Alpaca's market data API, for stocks and crypto.
 *
 * <ul>
 *   <li><b>Batched.</b> Each call makes one request per asset class present — stocks
 *       ({@code /v2/stocks/...}, with the configured {@code feed}) and crypto pairs written with a
 *       slash such as {@code BTC/USD} ({@code /v1beta3/crypto/us/...}) — plus the pages of a bar
 *       answer, followed through {@code next_page_token}.</li>
 *   <li><b>No look-ahead.</b> Alpaca stamps a bar with its start; the engine's bar closes one
 *       timeframe later, and no bar closing after {@code clock.now()} is returned, nor any quote
 *       stamped after it (those are withheld and counted). Quote timestamps keep their
 *       nanoseconds.</li>
 *   <li><b>Bad values are flagged, not hidden.</b> An unusable quote (zero, negative or missing
 *       price, crossed book) is passed on — the spread gate refuses it — but counted and logged at
 *       WARN. A bar with impossible values is dropped, counted and logged at WARN.</li>
 *   <li><b>Little traffic.</b> {@link #latestBars} keeps each symbol's recent bars and, once it has
 *       enough, asks only for the bars since its last answer (with a few bars of overlap, so a bar
 *       published late is not missed). Average daily volume is the mean volume of the last
 *       {@code adv_sessions} complete daily bars, computed once per session day.</li>
 *   <li>Every call is rate limited, retried with backoff and jitter on timeouts, resets, 429
 *       ({@code Retry-After} honoured), 5xx and unreadable answers, and passes through one circuit
 *       breaker. What still fails throws {@link MarketDataException}, one line without credentials.</li>
 * </ul>
 *
 * <p>Meant for one engine thread at a time; its caches are guarded all the same.
 */
public final class AlpacaMarketData implements MarketDataPort, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlpacaMarketData.class);
    private static final String SERVICE = "alpaca market data";
    /** Alpaca's largest page of bars. */
    static final int PAGE_LIMIT = 10_000;
    private static final int MAX_PAGES = 1_000;
    /** Bars kept per symbol between calls, at least. */
    private static final int CACHED_BARS = 500;
    /** Bars fetched again before the last answer's end, for bars published after their close. */
    private static final int OVERLAP_BARS = 3;
    private static final double SESSION_MINUTES = 390.0;

    private final AlpacaDataConfig config;
    private final Clock clock;
    private final AlpacaHttp http;
    private final LongAdder flaggedQuotes = new LongAdder();
    private final LongAdder futureQuotes = new LongAdder();
    private final LongAdder droppedBars = new LongAdder();
    private final Object cacheLock = new Object();
    private final Map<Symbol, History> histories = new HashMap<>();
    private final Map<Symbol, Optional<Double>> advCache = new HashMap<>();
    private LocalDate advDay;

    /** Connects nothing yet: the first call opens the connection. */
    public AlpacaMarketData(AlpacaDataConfig config, AlpacaCredentials credentials, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.http = new AlpacaHttp(SERVICE, config.effectiveDataUrl(), Objects.requireNonNull(credentials, "credentials"),
                config.http(), (message, cause, sent) -> new MarketDataException(message, cause));
        LOG.info("alpaca market data: {} feed, {} bars, at {}", config.feed(), config.barTimeframe().api(),
                config.effectiveDataUrl());
    }

    @Override
    public Map<Symbol, Quote> latestQuotes(Collection<Symbol> symbols) {
        Instant now = clock.now();
        Map<Symbol, Quote> result = new LinkedHashMap<>();
        for (List<Symbol> group : byAssetClass(symbols)) {
            boolean crypto = isCrypto(group.get(0));
            HttpUrl.Builder url = crypto ? http.url("v1beta3/crypto/us/latest/quotes")
                    : http.url("v2/stocks/quotes/latest");
            url.addQueryParameter("symbols", join(group));
            if (!crypto) {
                url.addQueryParameter("feed", config.feed().toString());
            }
            Map<Symbol, Quote> quotes = http.get(url.build(), response -> readQuotes(response, group));
            quotes.forEach((symbol, quote) -> accept(quote, now, result));
        }
        return Collections.unmodifiableMap(result);
    }

    @Override
    public Map<Symbol, List<Bar>> latestBars(Collection<Symbol> symbols, int count) {
        if (count <= 0) {
            return Map.of();
        }
        Instant now = clock.now();
        AlpacaTimeframe timeframe = config.barTimeframe();
        Map<Symbol, List<Bar>> result = new LinkedHashMap<>();
        synchronized (cacheLock) {
            for (List<Symbol> group : byAssetClass(symbols)) {
                boolean crypto = isCrypto(group.get(0));
                List<Symbol> warm = new ArrayList<>();
                List<Symbol> cold = new ArrayList<>();
                for (Symbol symbol : group) {
                    History history = histories.get(symbol);
                    boolean usable = history != null && history.bars.size() >= count && !now.isBefore(history.through);
                    (usable ? warm : cold).add(symbol);
                }
                if (!warm.isEmpty()) {
                    Instant since = warm.stream().map(s -> histories.get(s).through).min(Instant::compareTo).orElseThrow()
                            .minus(timeframe.length().multipliedBy(OVERLAP_BARS));
                    Map<Symbol, List<Bar>> fresh = fetchBars(warm, crypto, timeframe, since, now, now);
                    warm.forEach(s -> histories.get(s).add(fresh.getOrDefault(s, List.of()), now, count));
                }
                if (!cold.isEmpty()) {
                    Instant start = now.minus(lookback(count, crypto, timeframe));
                    Map<Symbol, List<Bar>> fetched = fetchBars(cold, crypto, timeframe, start, now, now);
                    for (Symbol symbol : cold) {
                        History history = new History();
                        history.add(fetched.getOrDefault(symbol, List.of()), now, count);
                        histories.put(symbol, history);
                    }
                }
                for (Symbol symbol : group) {
                    List<Bar> recent = histories.get(symbol).latest(count, now);
                    if (!recent.isEmpty()) {
                        result.put(symbol, recent);
                    }
                }
            }
        }
        return Collections.unmodifiableMap(result);
    }

    @Override
    public Map<Symbol, List<Bar>> barsBetween(Collection<Symbol> symbols, Instant fromExclusive, Instant toInclusive) {
        Instant now = clock.now();
        Instant to = toInclusive.isAfter(now) ? now : toInclusive;
        if (!to.isAfter(fromExclusive)) {
            return Map.of();
        }
        AlpacaTimeframe timeframe = config.barTimeframe();
        Map<Symbol, List<Bar>> result = new LinkedHashMap<>();
        for (List<Symbol> group : byAssetClass(symbols)) {
            Map<Symbol, List<Bar>> fetched = fetchBars(group, isCrypto(group.get(0)), timeframe, fromExclusive, to, now);
            for (Symbol symbol : group) {
                List<Bar> bars = fetched.getOrDefault(symbol, List.of()).stream()
                        .filter(b -> b.closeTime().isAfter(fromExclusive) && !b.closeTime().isAfter(to))
                        .collect(Collectors.toUnmodifiableList());
                if (!bars.isEmpty()) {
                    result.put(symbol, bars);
                }
            }
        }
        return Collections.unmodifiableMap(result);
    }

    /** {@inheritDoc} The mean volume of the last {@code adv_sessions} complete daily bars. */
    @Override
    public Map<Symbol, Double> averageDailyVolume(Collection<Symbol> symbols) {
        Instant now = clock.now();
        LocalDate day = clock.calendar().sessionDay(now);
        Map<Symbol, Double> result = new LinkedHashMap<>();
        synchronized (cacheLock) {
            if (!day.equals(advDay)) {
                advCache.clear();
                advDay = day;
            }
            List<Symbol> missing = distinct(symbols).stream().filter(s -> !advCache.containsKey(s)).toList();
            for (List<Symbol> group : byAssetClass(missing)) {
                boolean crypto = isCrypto(group.get(0));
                Instant start = now.minus(lookback(config.advSessions(), crypto, AlpacaTimeframe.DAY));
                Map<Symbol, List<Bar>> daily = fetchBars(group, crypto, AlpacaTimeframe.DAY, start, now, now);
                for (Symbol symbol : group) {
                    List<Bar> bars = daily.getOrDefault(symbol, List.of());
                    List<Bar> last = bars.subList(Math.max(0, bars.size() - config.advSessions()), bars.size());
                    advCache.put(symbol, last.isEmpty() ? Optional.empty()
                            : Optional.of(last.stream().mapToDouble(Bar::volume).average().orElseThrow()));
                }
            }
            for (Symbol symbol : distinct(symbols)) {
                advCache.get(symbol).ifPresent(v -> result.put(symbol, v));
            }
        }
        return Collections.unmodifiableMap(result);
    }

    /** The circuit breaker's state and the retry and rate-limit counters. */
    public AlpacaHealth health() {
        return http.health();
    }

    /** How many quotes were flagged or withheld and bars dropped since start. */
    public AlpacaDataQuality quality() {
        return new AlpacaDataQuality(flaggedQuotes.sum(), futureQuotes.sum(), droppedBars.sum());
    }

    /** Releases the HTTP client's threads and connections. */
    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return "AlpacaMarketData[" + config.feed() + " " + config.barTimeframe().api() + " "
                + config.effectiveDataUrl() + ", breaker " + http.health().breakerState() + "]";
    }

    // ------------------------------------------------------------------------------------------

    private void accept(Quote quote, Instant now, Map<Symbol, Quote> result) {
        if (quote.time().isAfter(now)) {
            futureQuotes.increment();
            LOG.debug("alpaca quote of {} stamped {} is after the engine's clock {}: withheld", quote.symbol(),
                    quote.time(), now);
            return;
        }
        if (!quote.isValid()) {
            flaggedQuotes.increment();
            LOG.warn("alpaca quote of {} at {} is unusable (bid {}, ask {}): passed on for the spread gate to refuse",
                    quote.symbol(), quote.time(), quote.bid(), quote.ask());
        }
        result.put(quote.symbol(), quote);
    }

    private static Map<Symbol, Quote> readQuotes(AlpacaResponse response, List<Symbol> requested) {
        JsonNode quotes = AlpacaJson.object(expectSuccess(response)).get("quotes");
        Map<Symbol, Quote> result = new LinkedHashMap<>();
        if (quotes == null || quotes.isNull()) {
            return result;
        }
        if (!quotes.isObject()) {
            throw AlpacaJson.malformed(response.what(), "'quotes' is not an object");
        }
        for (Symbol symbol : requested) {
            JsonNode q = quotes.get(symbol.value());
            if (q != null && q.isObject()) {
                result.put(symbol, new Quote(symbol, AlpacaJson.number(q, "bp"), AlpacaJson.number(q, "ap"),
                        AlpacaJson.number(q, "bs"), AlpacaJson.number(q, "as"),
                        AlpacaJson.instant(q, "t", response.what())));
            }
        }
        return result;
    }

    /**
     * Every bar of {@code group} that starts in {@code [from − timeframe, to − timeframe]} (so closes
     * in {@code [from, to]}), all pages, closed by {@code now}, oldest first, one per close time.
     */
    private Map<Symbol, List<Bar>> fetchBars(List<Symbol> group, boolean crypto, AlpacaTimeframe timeframe,
                                             Instant from, Instant to, Instant now) {
        Map<Symbol, TreeMap<Instant, Bar>> collected = new HashMap<>();
        String pageToken = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            HttpUrl.Builder url = (crypto ? http.url("v1beta3/crypto/us/bars") : http.url("v2/stocks/bars"))
                    .addQueryParameter("symbols", join(group))
                    .addQueryParameter("timeframe", timeframe.api())
                    .addQueryParameter("start", from.minus(timeframe.length()).toString())
                    .addQueryParameter("end", to.minus(timeframe.length()).toString())
                    .addQueryParameter("limit", Integer.toString(PAGE_LIMIT));
            if (!crypto) {
                url.addQueryParameter("adjustment", "split").addQueryParameter("feed", config.feed().toString());
            }
            if (pageToken != null) {
                url.addQueryParameter("page_token", pageToken);
            }
            BarPage answer = http.get(url.build(), response -> readBars(response, group));
            for (RawBar raw : answer.bars()) {
                Bar bar = toBar(raw, timeframe);
                if (bar != null && !bar.closeTime().isAfter(now)) {
                    collected.computeIfAbsent(bar.symbol(), s -> new TreeMap<>()).put(bar.closeTime(), bar);
                }
            }
            if (answer.nextPageToken() == null || answer.nextPageToken().equals(pageToken)) {
                break;
            }
            pageToken = answer.nextPageToken();
        }
        Map<Symbol, List<Bar>> result = new HashMap<>();
        collected.forEach((symbol, bars) -> result.put(symbol, List.copyOf(bars.values())));
        return result;
    }

    private Bar toBar(RawBar raw, AlpacaTimeframe timeframe) {
        try {
            return new Bar(raw.symbol(), raw.start().plus(timeframe.length()), raw.open(), raw.high(), raw.low(),
                    raw.close(), raw.volume());
        } catch (IllegalArgumentException e) {
            droppedBars.increment();
            LOG.warn("alpaca bar of {} starting {} dropped: {}", raw.symbol(), raw.start(), e.getMessage());
            return null;
        }
    }

    private static BarPage readBars(AlpacaResponse response, List<Symbol> requested) {
        JsonNode root = AlpacaJson.object(expectSuccess(response));
        JsonNode bars = root.get("bars");
        List<RawBar> result = new ArrayList<>();
        if (bars != null && !bars.isNull()) {
            if (!bars.isObject()) {
                throw AlpacaJson.malformed(response.what(), "'bars' is not an object");
            }
            for (Symbol symbol : requested) {
                JsonNode list = bars.get(symbol.value());
                if (list == null || !list.isArray()) {
                    continue;
                }
                for (JsonNode b : list) {
                    result.add(new RawBar(symbol, AlpacaJson.instant(b, "t", response.what()), AlpacaJson.number(b, "o"),
                            AlpacaJson.number(b, "h"), AlpacaJson.number(b, "l"), AlpacaJson.number(b, "c"),
                            AlpacaJson.number(b, "v")));
                }
            }
        }
        JsonNode token = root.get("next_page_token");
        return new BarPage(result, token == null || token.isNull() || token.asText().isEmpty() ? null : token.asText());
    }

    /**
     * How far back {@code count} bars reach: crypto trades around the clock (bars only exist for
     * periods with trades, hence the margin); stocks trade 390 regular minutes on weekdays, with
     * weekends, holidays and a session not yet open to bridge.
     */
    private static Duration lookback(int count, boolean crypto, AlpacaTimeframe timeframe) {
        if (timeframe.daily()) {
            return Duration.ofDays(crypto ? count + 2L : count * 7L / 5 + 5);
        }
        if (crypto) {
            return timeframe.length().multipliedBy(count * 3L).plusHours(1);
        }
        long sessions = (long) Math.ceil(count * timeframe.length().toMinutes() / SESSION_MINUTES);
        return Duration.ofDays(sessions * 7 / 5 + 4);
    }

    /** The distinct symbols in request order, stocks and crypto apart (each group non-empty). */
    private static List<List<Symbol>> byAssetClass(Collection<Symbol> symbols) {
        List<Symbol> stocks = new ArrayList<>();
        List<Symbol> crypto = new ArrayList<>();
        for (Symbol symbol : distinct(symbols)) {
            (isCrypto(symbol) ? crypto : stocks).add(symbol);
        }
        List<List<Symbol>> groups = new ArrayList<>();
        if (!stocks.isEmpty()) {
            groups.add(stocks);
        }
        if (!crypto.isEmpty()) {
            groups.add(crypto);
        }
        return groups;
    }

    private static List<Symbol> distinct(Collection<Symbol> symbols) {
        return List.copyOf(new LinkedHashSet<>(symbols));
    }

    /** Crypto pairs are written with a slash ({@code BTC/USD}); everything else is a stock. */
    static boolean isCrypto(Symbol symbol) {
        return symbol.value().contains("/");
    }

    private static String join(List<Symbol> symbols) {
        return symbols.stream().map(Symbol::value).collect(Collectors.joining(","));
    }

    private static AlpacaResponse expectSuccess(AlpacaResponse response) {
        if (response.isSuccess()) {
            return response;
        }
        if (response.code() == 401 || response.code() == 403) {
            throw new MarketDataException(SERVICE + " " + response.what() + " refused (" + response.describe()
                    + "): check " + AlpacaCredentials.KEY_ID_VARIABLE + " and " + AlpacaCredentials.SECRET_KEY_VARIABLE
                    + ", and that your data plan includes the configured feed");
        }
        throw new MarketDataException(SERVICE + " " + response.what() + ": unexpected " + response.describe());
    }

    /** One symbol's recent bars, oldest first, and the clock time the last fetch covered. */
    private static final class History {
        private final TreeMap<Instant, Bar> bars = new TreeMap<>();
        private Instant through = Instant.MIN;

        void add(List<Bar> fresh, Instant now, int count) {
            fresh.forEach(b -> bars.put(b.closeTime(), b));
            through = now;
            int keep = Math.max(count, CACHED_BARS);
            Iterator<Instant> oldest = bars.keySet().iterator();
            while (bars.size() > keep && oldest.hasNext()) {
                oldest.next();
                oldest.remove();
            }
        }

        List<Bar> latest(int count, Instant now) {
            List<Bar> closed = new ArrayList<>(bars.headMap(now, true).values());
            return List.copyOf(closed.subList(Math.max(0, closed.size() - count), closed.size()));
        }
    }

    private record RawBar(Symbol symbol, Instant start, double open, double high, double low, double close,
                          double volume) {
    }

    private record BarPage(List<RawBar> bars, String nextPageToken) {
    }
}
