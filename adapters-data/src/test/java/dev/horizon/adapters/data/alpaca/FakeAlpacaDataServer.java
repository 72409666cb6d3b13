package dev.horizon.adapters.data.alpaca;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.horizon.adapters.alpaca.AlpacaCredentials;
import dev.horizon.adapters.alpaca.AlpacaExchange;
import dev.horizon.adapters.alpaca.AlpacaFakeServers;
import dev.horizon.domain.market.Bar;
import dev.horizon.domain.market.Symbol;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;

/**
 * A simulated Alpaca market data API on a loopback {@link MockWebServer}: multi-symbol bars for
 * stocks ({@code /v2/stocks/bars}) and crypto ({@code /v1beta3/crypto/us/bars}) honouring
 * {@code start}, {@code end}, {@code limit} and {@code page_token} (pages of at most
 * {@link #pageSize} bars, sorted by symbol then time, as Alpaca does), daily bars aggregated by UTC
 * day unless given, and latest quotes derived from the last bar closed by the test's clock (the
 * "now" a real-time API answers at) unless scripted. Faults can be injected per request; every
 * exchange is recorded for validation against the published spec ({@link AlpacaMarketDataSpec}).
 * The loopback server, JSON and error answers are the shared plumbing of {@link AlpacaFakeServers}.
 */
public final class FakeAlpacaDataServer extends Dispatcher implements AutoCloseable {

    /** The key pair the fake expects. */
    public static final String KEY_ID = "PKFAKEDATAKEY00000001";
    /** The secret the fake expects; tests grep every output for it. */
    public static final String SECRET_KEY = "fake-data-secret-DO-NOT-LEAK-91b7";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MockWebServer server;
    private final Supplier<Instant> now;
    private final Duration timeframe;
    private final Map<String, TreeMap<Instant, Bar>> bars = new TreeMap<>();
    private final Map<String, TreeMap<Instant, Bar>> dailyBars = new TreeMap<>();
    private final Map<String, ObjectNode> scriptedQuotes = new HashMap<>();
    private final Map<String, String> rawBodies = new HashMap<>();
    private final Deque<Fault> faults = new ArrayDeque<>();
    private final List<AlpacaExchange> exchanges = new ArrayList<>();
    private final AtomicLong requests = new AtomicLong();
    private int pageSize = 2;

    private FakeAlpacaDataServer(Supplier<Instant> now, Duration timeframe) {
        this.now = now;
        this.timeframe = timeframe;
        this.server = AlpacaFakeServers.startOnLoopback(this);
    }

    /** Starts a fake answering "latest" questions as of {@code now}, serving bars of {@code timeframe}. */
    public static FakeAlpacaDataServer start(Supplier<Instant> now, Duration timeframe) {
        return new FakeAlpacaDataServer(now, timeframe);
    }

    /** The base URL to configure the adapter with. */
    public String baseUrl() {
        return server.url("/").toString();
    }

    /** Credentials the fake accepts. */
    public static AlpacaCredentials credentials() {
        return new AlpacaCredentials(KEY_ID, SECRET_KEY);
    }

    /** Serves {@code series} (engine bars, stamped at their close) for its symbol. */
    public synchronized void bars(List<Bar> series) {
        for (Bar bar : series) {
            bars.computeIfAbsent(bar.symbol().value(), s -> new TreeMap<>()).put(bar.closeTime().minus(timeframe), bar);
        }
    }

    /** Serves {@code series} as the daily bars of its symbol (stamped at their close, a day after their start). */
    public synchronized void dailyBars(List<Bar> series) {
        for (Bar bar : series) {
            dailyBars.computeIfAbsent(bar.symbol().value(), s -> new TreeMap<>())
                    .put(bar.closeTime().minus(Duration.ofDays(1)), bar);
        }
    }

    /** Scripts the latest quote of {@code symbol}: JSON fields as Alpaca writes them ({@code t, bp, ap, bs, as}). */
    public synchronized void quote(String symbol, String t, double bid, double ask) {
        ObjectNode q = JSON.createObjectNode();
        q.put("t", t);
        q.put("bp", bid);
        q.put("bs", 1);
        q.put("ap", ask);
        q.put("as", 2);
        scriptedQuotes.put(symbol, q);
    }

    /** Answers every request to {@code path} with {@code body} (a fixture file's content). */
    public synchronized void answer(String path, String body) {
        rawBodies.put(path, body);
    }

    /** At most {@code size} bars per page. */
    public synchronized void pageSize(int size) {
        pageSize = size;
    }

    /** Queues a fault for the next matching request(s). */
    public synchronized void inject(Fault fault) {
        faults.add(fault);
    }

    /** Every request received with the answer delivered. */
    public synchronized List<AlpacaExchange> exchanges() {
        return List.copyOf(exchanges);
    }

    /** Requests received so far. */
    public long requestCount() {
        return requests.get();
    }

    @Override
    public void close() {
        AlpacaFakeServers.shutdown(server);
    }

    @Override
    public synchronized MockResponse dispatch(RecordedRequest request) {
        requests.incrementAndGet();
        Fault fault = takeFault(request.getRequestUrl().encodedPath());
        MockResponse response = fault != null ? fault.response(request) : route(request);
        exchanges.add(AlpacaFakeServers.exchange(request, request.getBody().readUtf8(), response,
                fault != null && fault.malformed()));
        return response;
    }

    private Fault takeFault(String path) {
        Iterator<Fault> it = faults.iterator();
        while (it.hasNext()) {
            Fault fault = it.next();
            if (path.startsWith(fault.pathPrefix())) {
                it.remove();
                if (fault.times() > 1) {
                    faults.addFirst(fault.once(fault.times() - 1));
                }
                return fault;
            }
        }
        return null;
    }

    private MockResponse route(RecordedRequest request) {
        if (!KEY_ID.equals(request.getHeader("APCA-API-KEY-ID"))
                || !SECRET_KEY.equals(request.getHeader("APCA-API-SECRET-KEY"))) {
            return error(401, 40110000, "request is not authorized");
        }
        HttpUrl url = request.getRequestUrl();
        String path = url.encodedPath();
        if (rawBodies.containsKey(path)) {
            return json(rawBodies.get(path));
        }
        List<String> symbols = List.of(url.queryParameter("symbols").split(","));
        switch (path) {
            case "/v2/stocks/bars":
            case "/v1beta3/crypto/us/bars":
                return barsAnswer(url, symbols);
            case "/v2/stocks/quotes/latest":
            case "/v1beta3/crypto/us/latest/quotes":
                return quotesAnswer(symbols, path.startsWith("/v2"));
            default:
                return error(404, 40410000, "endpoint not found");
        }
    }

    private MockResponse barsAnswer(HttpUrl url, List<String> symbols) {
        boolean daily = "1Day".equals(url.queryParameter("timeframe"));
        Instant start = url.queryParameter("start") == null ? Instant.MIN : OffsetDateTime.parse(url.queryParameter("start")).toInstant();
        Instant end = url.queryParameter("end") == null ? Instant.MAX : OffsetDateTime.parse(url.queryParameter("end")).toInstant();
        int limit = url.queryParameter("limit") == null ? 1000 : Integer.parseInt(url.queryParameter("limit"));
        String token = url.queryParameter("page_token");
        List<String[]> keys = new ArrayList<>();
        List<Bar> items = new ArrayList<>();
        for (String symbol : symbols.stream().sorted().toList()) {
            TreeMap<Instant, Bar> series = daily ? daily(symbol) : bars.getOrDefault(symbol, new TreeMap<>());
            series.subMap(start, true, end, true).forEach((t, bar) -> {
                keys.add(new String[] {symbol, t.toString()});
                items.add(bar);
            });
        }
        int from = 0;
        if (token != null) {
            String[] position = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8).split("\\|");
            while (from < keys.size() && !(keys.get(from)[0].equals(position[0]) && keys.get(from)[1].equals(position[1]))) {
                from++;
            }
            from++;
        }
        int to = Math.min(keys.size(), from + Math.min(limit, pageSize));
        ObjectNode root = JSON.createObjectNode();
        ObjectNode byName = root.putObject("bars");
        Duration length = daily ? Duration.ofDays(1) : timeframe;
        for (int i = from; i < to; i++) {
            Bar bar = items.get(i);
            ArrayNode list = byName.has(keys.get(i)[0]) ? (ArrayNode) byName.get(keys.get(i)[0]) : byName.putArray(keys.get(i)[0]);
            ObjectNode b = list.addObject();
            b.put("t", bar.closeTime().minus(length).toString());
            b.put("o", bar.open());
            b.put("h", bar.high());
            b.put("l", bar.low());
            b.put("c", bar.close());
            b.put("v", bar.volume());
            b.put("n", 12);
            b.put("vw", (bar.high() + bar.low()) / 2);
        }
        if (to < keys.size()) {
            String position = keys.get(to - 1)[0] + "|" + keys.get(to - 1)[1];
            root.put("next_page_token", Base64.getEncoder().encodeToString(position.getBytes(StandardCharsets.UTF_8)));
        } else {
            root.putNull("next_page_token");
        }
        return json(root.toString());
    }

    /** Given daily bars, else the intraday bars summed by UTC day. */
    private TreeMap<Instant, Bar> daily(String symbol) {
        if (dailyBars.containsKey(symbol)) {
            return dailyBars.get(symbol);
        }
        TreeMap<Instant, List<Bar>> byDay = new TreeMap<>();
        bars.getOrDefault(symbol, new TreeMap<>()).forEach((t, bar) ->
                byDay.computeIfAbsent(t.truncatedTo(ChronoUnit.DAYS), d -> new ArrayList<>()).add(bar));
        TreeMap<Instant, Bar> result = new TreeMap<>();
        byDay.forEach((day, list) -> result.put(day, new Bar(list.get(0).symbol(), day.plus(Duration.ofDays(1)),
                list.get(0).open(), list.stream().mapToDouble(Bar::high).max().orElseThrow(),
                list.stream().mapToDouble(Bar::low).min().orElseThrow(), list.get(list.size() - 1).close(),
                list.stream().mapToDouble(Bar::volume).sum())));
        return result;
    }

    private MockResponse quotesAnswer(List<String> symbols, boolean stock) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode quotes = root.putObject("quotes");
        Instant at = now.get();
        for (String symbol : symbols) {
            if (scriptedQuotes.containsKey(symbol)) {
                quotes.set(symbol, scriptedQuotes.get(symbol));
                continue;
            }
            TreeMap<Instant, Bar> series = bars.get(symbol);
            if (series == null) {
                continue;
            }
            Bar last = null;
            for (Bar bar : series.values()) {
                if (!bar.closeTime().isAfter(at)) {
                    last = bar;
                }
            }
            if (last == null) {
                continue;
            }
            ObjectNode q = quotes.putObject(symbol);
            q.put("t", last.closeTime().toString());
            if (stock) {
                q.put("ax", "V");
            }
            q.put("ap", last.close() + 0.01);
            q.put("as", 3);
            if (stock) {
                q.put("bx", "V");
            }
            q.put("bp", last.close() - 0.01);
            q.put("bs", 1);
            if (stock) {
                q.putArray("c").add("R");
                q.put("z", "C");
            }
        }
        return json(root.toString());
    }

    private static MockResponse json(String body) {
        return AlpacaFakeServers.json(200, body);
    }

    static MockResponse error(int status, int code, String message) {
        return AlpacaFakeServers.error(status, code, message);
    }

    /**
     * A fault instead of the answer for the next {@code times} requests whose path starts with
     * {@code pathPrefix}: an HTTP status (with {@code Retry-After} for 429), no answer at all, or a
     * 200 whose body is not JSON.
     */
    public record Fault(String pathPrefix, int status, String retryAfter, SocketPolicy socket, boolean malformed,
                        boolean echo, int times) {

        /** HTTP {@code status} instead of the answer. */
        public static Fault status(String path, int status) {
            return new Fault(path, status, null, null, false, false, 1);
        }

        /** 429 with {@code Retry-After: seconds}. */
        public static Fault rateLimited(String path, long seconds) {
            return new Fault(path, 429, Long.toString(seconds), null, false, false, 1);
        }

        /** No answer at all: the client's read times out. */
        public static Fault noAnswer(String path) {
            return new Fault(path, 0, null, SocketPolicy.NO_RESPONSE, false, false, 1);
        }

        /** A 200 whose body is not JSON. */
        public static Fault malformed(String path) {
            return new Fault(path, 200, null, null, true, false, 1);
        }

        /** HTTP {@code status} whose message quotes the key headers back: proves the adapter never repeats them. */
        public static Fault echoingCredentials(String path, int status) {
            return new Fault(path, status, null, null, false, true, 1);
        }

        /** The same fault for the next {@code n} matching requests. */
        public Fault once(int n) {
            return new Fault(pathPrefix, status, retryAfter, socket, malformed, echo, n);
        }

        MockResponse response(RecordedRequest request) {
            if (socket != null) {
                return new MockResponse().setSocketPolicy(socket);
            }
            if (malformed) {
                return json("{\"quotes\": {\"AAPL\": ");
            }
            String message = echo ? AlpacaFakeServers.credentialEcho(request)
                    : status == 429 ? "too many requests" : "internal server error";
            MockResponse response = error(status, status * 100_000 + 1, message);
            if (retryAfter != null) {
                response.setHeader("Retry-After", retryAfter);
            }
            return response;
        }
    }
}
