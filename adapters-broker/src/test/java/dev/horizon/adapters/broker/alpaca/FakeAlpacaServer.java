package dev.horizon.adapters.broker.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.horizon.adapters.alpaca.AlpacaCredentials;
import dev.horizon.adapters.alpaca.AlpacaExchange;
import dev.horizon.adapters.alpaca.AlpacaFakeServers;
import dev.horizon.domain.market.Symbol;
import dev.horizon.domain.order.ClientOrderId;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;

/**
 * A simulated Alpaca trading API on a loopback {@link MockWebServer}: one cash account with
 * orders (by id and by client order id), fills at the quoted price (at once, or step by step on
 * {@link #tick()} in parts), positions, the account, {@code FILL} activities, clock and calendar,
 * the 422 for a duplicate client order id, and faults injected per request: 429 with
 * {@code Retry-After}, 5xx, timeouts, slow answers, dropped connections (before or <em>after</em>
 * the order was applied) and malformed JSON.
 *
 * <p>It answers the way Alpaca does as far as the adapter can tell, and every answer it gives is
 * shaped to Alpaca's published OpenAPI spec; {@link #exchanges()} records each request with the
 * answer delivered so tests can validate both against the spec ({@link AlpacaTradingSpec}). The
 * loopback server, JSON and error answers are the shared plumbing of {@link AlpacaFakeServers}.
 *
 * <p>Shipped in this module's test-jar for end-to-end reliability tests. Thread-safe.
 */
public final class FakeAlpacaServer extends Dispatcher implements AutoCloseable {

    /** The key pair the fake expects. */
    public static final String KEY_ID = "PKFAKEKEYID0000000001";
    /** The secret the fake expects; tests grep every output for it. */
    public static final String SECRET_KEY = "fake-secret-DO-NOT-LEAK-7f3a9c2e";

    /** How orders fill. */
    public enum FillMode {
        /** A marketable order fills completely right after it is acknowledged. */
        IMMEDIATE,
        /** Marketable orders fill on each {@link #tick()}, at most the configured part per tick. */
        ON_TICK
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter ACTIVITY_STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS")
            .withZone(ZoneOffset.UTC);
    private static final Set<String> TERMINAL = Set.of("filled", "canceled", "expired", "rejected", "replaced");

    private final MockWebServer server;
    private final Object lock = new Object();
    private final Map<String, FakeOrder> orders = new LinkedHashMap<>();
    private final Map<String, FakeOrder> byClientId = new HashMap<>();
    private final Map<String, Holding> positions = new TreeMap<>();
    private final Map<String, BigDecimal[]> quotes = new HashMap<>();
    private final List<ObjectNode> activities = new ArrayList<>();
    private final Deque<Fault> faults = new ArrayDeque<>();
    private final List<AlpacaExchange> exchanges = new ArrayList<>();
    private final Map<String, Integer> postsByClientId = new HashMap<>();
    private final Set<LocalDate> holidays = new HashSet<>();
    private final AtomicLong requests = new AtomicLong();
    private final String accountId = UUID.randomUUID().toString();
    private BigDecimal cash;
    private Instant now = Instant.parse("2024-01-02T15:00:00Z");
    private FillMode fillMode = FillMode.IMMEDIATE;
    private BigDecimal partPerTick;
    private boolean cancelOnTick;

    private FakeAlpacaServer(BigDecimal initialCash) {
        this.cash = initialCash;
        this.server = AlpacaFakeServers.startOnLoopback(this);
    }

    /** Starts a fake account holding {@code initialCash} on 127.0.0.1. */
    public static FakeAlpacaServer start(BigDecimal initialCash) {
        return new FakeAlpacaServer(initialCash);
    }

    /** The base URL to configure the adapter with. */
    public String baseUrl() {
        return server.url("/").toString();
    }

    /** Credentials the fake accepts. */
    public static AlpacaCredentials credentials() {
        return new AlpacaCredentials(KEY_ID, SECRET_KEY);
    }

    // ------------------------------------------------------------------ scripting

    /** Makes {@code symbol} trade at {@code bid} / {@code ask}; symbols without a quote are unknown assets. */
    public void quote(Symbol symbol, BigDecimal bid, BigDecimal ask) {
        synchronized (lock) {
            quotes.put(symbol.value(), new BigDecimal[] {bid, ask});
        }
    }

    /** Fills orders at once (the default). */
    public void fillImmediately() {
        synchronized (lock) {
            fillMode = FillMode.IMMEDIATE;
            partPerTick = null;
        }
    }

    /**
     * Fills orders on {@link #tick()} only, at most {@code part} shares per order per tick
     * ({@code null}: all at once), and completes cancels on the next tick ({@code pending_cancel}
     * until then).
     */
    public void fillOnTick(BigDecimal part) {
        synchronized (lock) {
            fillMode = FillMode.ON_TICK;
            partPerTick = part;
            cancelOnTick = true;
        }
    }

    /** One step of the market: time moves 1 s, pending cancels complete, working orders fill. */
    public void tick() {
        synchronized (lock) {
            now = now.plusSeconds(1);
            for (FakeOrder order : orders.values()) {
                if (order.status.equals("pending_cancel")) {
                    order.cancel(now);
                }
            }
            if (fillMode == FillMode.ON_TICK) {
                orders.values().stream().filter(o -> !TERMINAL.contains(o.status)).forEach(this::tryFill);
            }
        }
    }

    /** The fake's clock: order and fill timestamps. */
    public Instant now() {
        synchronized (lock) {
            return now;
        }
    }

    /** Marks {@code day} as a market holiday in the calendar. */
    public void holiday(LocalDate day) {
        synchronized (lock) {
            holidays.add(day);
        }
    }

    /** Queues a fault for the next matching request(s). */
    public void inject(Fault fault) {
        synchronized (lock) {
            faults.add(fault);
        }
    }

    /** Drops faults not used up yet. */
    public void clearFaults() {
        synchronized (lock) {
            faults.clear();
        }
    }

    /** Forces the Alpaca status of an order (statuses the simple market never produces). */
    public void forceStatus(ClientOrderId clientOrderId, String alpacaStatus) {
        synchronized (lock) {
            FakeOrder order = byClientId.get(clientOrderId.value());
            order.status = alpacaStatus;
            order.updatedAt = now;
        }
    }

    /**
     * Places an order as if from another client (the web UI): {@code qty} {@code null} makes it a
     * notional order of {@code notional}. Returns its client order id.
     */
    public String placeExternal(String symbol, String type, String qty, String notional, String status) {
        synchronized (lock) {
            FakeOrder order = new FakeOrder(UUID.randomUUID().toString(), UUID.randomUUID().toString(), symbol,
                    qty == null ? null : new BigDecimal(qty), "buy", type, "day",
                    type.equals("limit") || type.equals("stop_limit") ? new BigDecimal("1.00") : null, now);
            order.notional = notional == null ? null : new BigDecimal(notional);
            order.stopPrice = type.startsWith("stop") ? new BigDecimal("1.00") : null;
            order.status = status;
            orders.put(order.id, order);
            byClientId.put(order.clientOrderId, order);
            return order.clientOrderId;
        }
    }

    // ------------------------------------------------------------------ observation

    /** Every request received, with the answer delivered (none for dropped or unanswered requests). */
    public List<AlpacaExchange> exchanges() {
        synchronized (lock) {
            return List.copyOf(exchanges);
        }
    }

    /** How many times an order with this client id was POSTed. */
    public int postsOf(ClientOrderId clientOrderId) {
        synchronized (lock) {
            return postsByClientId.getOrDefault(clientOrderId.value(), 0);
        }
    }

    /** Requests received so far. */
    public long requestCount() {
        return requests.get();
    }

    /** The fake's cash balance. */
    public BigDecimal cash() {
        synchronized (lock) {
            return cash;
        }
    }

    @Override
    public void close() {
        AlpacaFakeServers.shutdown(server);
    }

    // ------------------------------------------------------------------ dispatch

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        requests.incrementAndGet();
        String body = request.getBody().readUtf8();
        synchronized (lock) {
            if (request.getMethod().equals("POST") && request.getRequestUrl().encodedPath().equals("/v2/orders")) {
                postsByClientId.merge(clientIdOf(body), 1, Integer::sum);
            }
            Fault fault = takeFault(request);
            MockResponse response;
            if (fault != null && !fault.applyFirst()) {
                response = fault.response(null, request);
            } else {
                response = route(request, body);
                if (fault != null) {
                    response = fault.response(response, request);
                }
            }
            exchanges.add(AlpacaFakeServers.exchange(request, body, response, fault != null && fault.malformed()));
            return response;
        }
    }

    private static String clientIdOf(String body) {
        try {
            return JSON.readTree(body).path("client_order_id").asText("");
        } catch (IOException e) {
            return "";
        }
    }

    private Fault takeFault(RecordedRequest request) {
        Iterator<Fault> it = faults.iterator();
        while (it.hasNext()) {
            Fault fault = it.next();
            if (fault.matches(request.getMethod(), request.getRequestUrl().encodedPath())) {
                it.remove();
                if (fault.times() > 1) {
                    faults.addFirst(fault.once(fault.times() - 1));
                }
                return fault;
            }
        }
        return null;
    }

    private MockResponse route(RecordedRequest request, String body) {
        if (!KEY_ID.equals(request.getHeader("APCA-API-KEY-ID"))
                || !SECRET_KEY.equals(request.getHeader("APCA-API-SECRET-KEY"))) {
            return error(401, 40110000, "request is not authorized");
        }
        HttpUrl url = request.getRequestUrl();
        String path = url.encodedPath();
        String method = request.getMethod();
        if (method.equals("GET") && path.equals("/v2/account")) {
            return json(200, account());
        }
        if (method.equals("GET") && path.equals("/v2/positions")) {
            return json(200, positionsJson());
        }
        if (method.equals("POST") && path.equals("/v2/orders")) {
            return submit(body);
        }
        if (method.equals("GET") && path.equals("/v2/orders")) {
            return json(200, listOrders(url));
        }
        if (method.equals("GET") && path.equals("/v2/orders:by_client_order_id")) {
            FakeOrder order = byClientId.get(url.queryParameter("client_order_id"));
            return order == null ? error(404, 40410000, "order not found") : json(200, order.json());
        }
        if (path.startsWith("/v2/orders/")) {
            FakeOrder order = orders.get(path.substring("/v2/orders/".length()));
            if (order == null) {
                return error(404, 40410000, "order not found");
            }
            if (method.equals("GET")) {
                return json(200, order.json());
            }
            if (method.equals("DELETE")) {
                return cancel(order);
            }
        }
        if (method.equals("GET") && path.equals("/v2/account/activities/FILL")) {
            return json(200, fillActivities(url));
        }
        if (method.equals("GET") && path.equals("/v2/clock")) {
            return json(200, clock());
        }
        if (method.equals("GET") && path.equals("/v2/calendar")) {
            return json(200, calendar(url));
        }
        return error(404, 40410000, "endpoint not found");
    }

    private MockResponse submit(String body) {
        JsonNode in;
        try {
            in = JSON.readTree(body);
        } catch (IOException e) {
            return error(422, 40010000, "request body format is invalid");
        }
        String clientId = in.path("client_order_id").asText(UUID.randomUUID().toString());
        if (byClientId.containsKey(clientId)) {
            return error(422, 40010001, "client_order_id must be unique");
        }
        String symbol = in.path("symbol").asText();
        BigDecimal[] quote = quotes.get(symbol);
        if (quote == null) {
            return error(422, 40010001, "asset \"" + symbol + "\" not found");
        }
        BigDecimal qty;
        try {
            qty = new BigDecimal(in.path("qty").asText());
        } catch (NumberFormatException e) {
            return error(422, 40010001, "qty must be a number");
        }
        if (qty.signum() <= 0) {
            return error(422, 40010001, "qty must be > 0");
        }
        String side = in.path("side").asText();
        String type = in.path("type").asText();
        BigDecimal limit = in.hasNonNull("limit_price") ? new BigDecimal(in.get("limit_price").asText()) : null;
        if (type.equals("limit") && limit == null) {
            return error(422, 40010001, "limit_price is required for limit orders");
        }
        if (side.equals("buy")) {
            BigDecimal cost = qty.multiply(limit != null ? limit : quote[1]);
            if (cost.compareTo(buyingPower()) > 0) {
                return error(403, 40310000, "insufficient buying power");
            }
        } else {
            BigDecimal held = positions.containsKey(symbol) ? positions.get(symbol).qty : BigDecimal.ZERO;
            BigDecimal available = held.subtract(openQuantity(symbol, "sell"));
            if (qty.compareTo(available) > 0) {
                return error(403, 40310000, "insufficient qty available for order (requested: " + qty.toPlainString()
                        + ", available: " + available.toPlainString() + ")");
            }
        }
        now = now.plusMillis(1);
        FakeOrder order = new FakeOrder(UUID.randomUUID().toString(), clientId, symbol, qty, side, type,
                in.path("time_in_force").asText("day"), limit, now);
        orders.put(order.id, order);
        byClientId.put(clientId, order);
        ObjectNode acknowledged = order.json();
        if (fillMode == FillMode.IMMEDIATE) {
            tryFill(order);
        }
        return json(200, acknowledged);
    }

    private MockResponse cancel(FakeOrder order) {
        if (TERMINAL.contains(order.status) || order.status.equals("pending_cancel")) {
            return error(422, 42210000, "order is already in \"" + order.status + "\" state");
        }
        if (cancelOnTick) {
            order.status = "pending_cancel";
            order.updatedAt = now;
        } else {
            order.cancel(now);
        }
        return new MockResponse().setResponseCode(204);
    }

    private void tryFill(FakeOrder order) {
        BigDecimal[] quote = quotes.get(order.symbol);
        if (quote == null || TERMINAL.contains(order.status) || order.status.equals("pending_cancel")) {
            return;
        }
        BigDecimal price = order.side.equals("buy") ? quote[1] : quote[0];
        boolean marketable = order.limit == null
                || (order.side.equals("buy") ? price.compareTo(order.limit) <= 0 : price.compareTo(order.limit) >= 0);
        if (!marketable || order.qty == null) {
            return;
        }
        BigDecimal remaining = order.qty.subtract(order.filledQty);
        BigDecimal part = partPerTick == null ? remaining : remaining.min(partPerTick);
        fill(order, part, price);
    }

    private void fill(FakeOrder order, BigDecimal qty, BigDecimal price) {
        now = now.plusMillis(1);
        order.filledQty = order.filledQty.add(qty);
        order.filledNotional = order.filledNotional.add(qty.multiply(price));
        boolean complete = order.filledQty.compareTo(order.qty) == 0;
        order.status = complete ? "filled" : "partially_filled";
        order.updatedAt = now;
        order.filledAt = complete ? now : null;
        Holding holding = positions.computeIfAbsent(order.symbol, s -> new Holding());
        if (order.side.equals("buy")) {
            BigDecimal cost = holding.qty.multiply(holding.avgEntry).add(qty.multiply(price));
            holding.qty = holding.qty.add(qty);
            holding.avgEntry = cost.divide(holding.qty, MathContext.DECIMAL128).stripTrailingZeros();
            cash = cash.subtract(qty.multiply(price));
        } else {
            holding.qty = holding.qty.subtract(qty);
            cash = cash.add(qty.multiply(price));
        }
        if (holding.qty.signum() == 0) {
            positions.remove(order.symbol);
        }
        ObjectNode activity = JSON.createObjectNode();
        activity.put("id", ACTIVITY_STAMP.format(now) + "::" + UUID.randomUUID());
        activity.put("activity_type", "FILL");
        activity.put("transaction_time", now.toString());
        activity.put("type", complete ? "fill" : "partial_fill");
        activity.put("price", price.toPlainString());
        activity.put("qty", qty.toPlainString());
        activity.put("side", order.side);
        activity.put("symbol", order.symbol);
        activity.put("leaves_qty", order.qty.subtract(order.filledQty).toPlainString());
        activity.put("order_id", order.id);
        activity.put("cum_qty", order.filledQty.toPlainString());
        activity.put("order_status", order.status);
        activities.add(activity);
    }

    private BigDecimal buyingPower() {
        BigDecimal reserved = BigDecimal.ZERO;
        for (FakeOrder order : orders.values()) {
            if (!TERMINAL.contains(order.status) && order.side.equals("buy") && order.qty != null) {
                BigDecimal price = order.limit != null ? order.limit : quotes.get(order.symbol)[1];
                reserved = reserved.add(order.qty.subtract(order.filledQty).multiply(price));
            }
        }
        return cash.subtract(reserved);
    }

    private BigDecimal openQuantity(String symbol, String side) {
        return orders.values().stream()
                .filter(o -> !TERMINAL.contains(o.status) && o.symbol.equals(symbol) && o.side.equals(side) && o.qty != null)
                .map(o -> o.qty.subtract(o.filledQty)).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private BigDecimal mid(String symbol, BigDecimal fallback) {
        BigDecimal[] quote = quotes.get(symbol);
        return quote == null ? fallback : quote[0].add(quote[1]).divide(BigDecimal.valueOf(2));
    }

    private ObjectNode account() {
        BigDecimal longValue = BigDecimal.ZERO;
        for (Map.Entry<String, Holding> e : positions.entrySet()) {
            longValue = longValue.add(e.getValue().qty.multiply(mid(e.getKey(), e.getValue().avgEntry)));
        }
        BigDecimal equity = cash.add(longValue);
        ObjectNode node = JSON.createObjectNode();
        node.put("id", accountId);
        node.put("account_number", "PA3FAKE0001");
        node.put("status", "ACTIVE");
        node.put("currency", "USD");
        node.put("cash", cash.toPlainString());
        node.put("portfolio_value", equity.toPlainString());
        node.put("pattern_day_trader", false);
        node.put("trade_suspended_by_user", false);
        node.put("trading_blocked", false);
        node.put("transfers_blocked", false);
        node.put("account_blocked", false);
        node.put("created_at", "2023-06-12T22:47:07.99658Z");
        node.put("shorting_enabled", false);
        node.put("long_market_value", longValue.toPlainString());
        node.put("short_market_value", "0");
        node.put("equity", equity.toPlainString());
        node.put("last_equity", equity.toPlainString());
        node.put("multiplier", "1");
        node.put("buying_power", buyingPower().toPlainString());
        node.put("initial_margin", "0");
        node.put("maintenance_margin", "0");
        node.put("sma", "0");
        node.put("daytrade_count", 0);
        node.put("last_maintenance_margin", "0");
        node.put("daytrading_buying_power", "0");
        node.put("regt_buying_power", buyingPower().toPlainString());
        return node;
    }

    private ArrayNode positionsJson() {
        ArrayNode array = JSON.createArrayNode();
        for (Map.Entry<String, Holding> e : positions.entrySet()) {
            Holding h = e.getValue();
            BigDecimal price = mid(e.getKey(), h.avgEntry);
            BigDecimal value = h.qty.multiply(price);
            BigDecimal cost = h.qty.multiply(h.avgEntry);
            BigDecimal pl = value.subtract(cost);
            ObjectNode node = array.addObject();
            node.put("asset_id", UUID.nameUUIDFromBytes(e.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .toString());
            node.put("symbol", e.getKey());
            node.put("exchange", "NASDAQ");
            node.put("asset_class", "us_equity");
            node.put("asset_marginable", false);
            node.put("qty", h.qty.toPlainString());
            node.put("qty_available", h.qty.subtract(openQuantity(e.getKey(), "sell")).toPlainString());
            node.put("avg_entry_price", h.avgEntry.toPlainString());
            node.put("side", "long");
            node.put("market_value", value.toPlainString());
            node.put("cost_basis", cost.toPlainString());
            node.put("unrealized_pl", pl.toPlainString());
            node.put("unrealized_plpc", pl.divide(cost, MathContext.DECIMAL64).toPlainString());
            node.put("unrealized_intraday_pl", pl.toPlainString());
            node.put("unrealized_intraday_plpc", pl.divide(cost, MathContext.DECIMAL64).toPlainString());
            node.put("current_price", price.toPlainString());
            node.put("lastday_price", price.toPlainString());
            node.put("change_today", "0");
        }
        return array;
    }

    private ArrayNode listOrders(HttpUrl url) {
        String status = url.queryParameter("status") == null ? "open" : url.queryParameter("status");
        int limit = url.queryParameter("limit") == null ? 50 : Math.min(500, Integer.parseInt(url.queryParameter("limit")));
        boolean ascending = "asc".equals(url.queryParameter("direction"));
        List<FakeOrder> list = new ArrayList<>();
        for (FakeOrder order : orders.values()) {
            boolean open = !TERMINAL.contains(order.status);
            if (status.equals("all") || (status.equals("open") == open)) {
                list.add(order);
            }
        }
        list.sort(Comparator.comparing((FakeOrder o) -> o.createdAt));
        if (!ascending) {
            java.util.Collections.reverse(list);
        }
        ArrayNode array = JSON.createArrayNode();
        list.stream().limit(limit).forEach(o -> array.add(o.json()));
        return array;
    }

    private ArrayNode fillActivities(HttpUrl url) {
        Instant after = url.queryParameter("after") == null ? null : OffsetDateTime.parse(url.queryParameter("after")).toInstant();
        Instant until = url.queryParameter("until") == null ? null : OffsetDateTime.parse(url.queryParameter("until")).toInstant();
        boolean ascending = "asc".equals(url.queryParameter("direction"));
        int pageSize = url.queryParameter("page_size") == null ? 100 : Integer.parseInt(url.queryParameter("page_size"));
        String token = url.queryParameter("page_token");
        List<ObjectNode> list = new ArrayList<>();
        for (ObjectNode activity : activities) {
            Instant t = Instant.parse(activity.get("transaction_time").asText());
            if ((after == null || t.isAfter(after)) && (until == null || t.isBefore(until))) {
                list.add(activity);
            }
        }
        if (!ascending) {
            java.util.Collections.reverse(list);
        }
        int start = 0;
        if (token != null) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i).get("id").asText().equals(token)) {
                    start = i + 1;
                }
            }
        }
        ArrayNode array = JSON.createArrayNode();
        list.subList(start, list.size()).stream().limit(pageSize).forEach(array::add);
        return array;
    }

    private ObjectNode clock() {
        ObjectNode node = JSON.createObjectNode();
        node.put("timestamp", now.toString());
        boolean weekday = now.atOffset(ZoneOffset.UTC).getDayOfWeek().getValue() <= 5;
        int minute = now.atOffset(ZoneOffset.UTC).getHour() * 60 + now.atOffset(ZoneOffset.UTC).getMinute();
        node.put("is_open", weekday && minute >= 14 * 60 + 30 && minute < 21 * 60);
        LocalDate day = now.atOffset(ZoneOffset.UTC).toLocalDate();
        node.put("next_open", day.plusDays(1).atTime(14, 30).toInstant(ZoneOffset.UTC).toString());
        node.put("next_close", day.atTime(21, 0).toInstant(ZoneOffset.UTC).toString());
        return node;
    }

    private ArrayNode calendar(HttpUrl url) {
        LocalDate start = LocalDate.parse(url.queryParameter("start"));
        LocalDate end = LocalDate.parse(url.queryParameter("end"));
        ArrayNode array = JSON.createArrayNode();
        for (LocalDate day = start; !day.isAfter(end); day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY
                    || holidays.contains(day)) {
                continue;
            }
            ObjectNode node = array.addObject();
            node.put("date", day.toString());
            node.put("open", "09:30");
            node.put("close", day.getMonthValue() == 12 && day.getDayOfMonth() == 24 ? "13:00" : "16:00");
            node.put("session_open", "0400");
            node.put("session_close", "2000");
        }
        return array;
    }

    static MockResponse json(int status, JsonNode body) {
        return AlpacaFakeServers.json(status, body.toString());
    }

    static MockResponse error(int status, int code, String message) {
        return AlpacaFakeServers.error(status, code, message);
    }

    // ------------------------------------------------------------------ model

    /**
     * A fault for the next {@code times} requests whose method and path match: either instead of
     * the real answer ({@code applyFirst} false: nothing happens at the fake) or after the request
     * was applied ({@code applyFirst} true: e.g. the order is placed, then the connection drops).
     */
    public record Fault(String method, String pathPrefix, boolean applyFirst, int status, String retryAfter,
                        SocketPolicy socket, Duration delay, boolean malformed, boolean echo, int times) {

        /** HTTP {@code status} instead of the answer, the request not applied. */
        public static Fault status(String method, String path, int status) {
            return new Fault(method, path, false, status, null, null, null, false, false, 1);
        }

        /** 429 with {@code Retry-After: seconds}, the request not applied. */
        public static Fault rateLimited(String method, String path, long seconds) {
            return new Fault(method, path, false, 429, Long.toString(seconds), null, null, false, false, 1);
        }

        /** No answer at all (the client's read times out), the request not applied. */
        public static Fault noAnswer(String method, String path) {
            return new Fault(method, path, false, 0, null, SocketPolicy.NO_RESPONSE, null, false, false, 1);
        }

        /** The connection drops before any answer, the request not applied. */
        public static Fault disconnect(String method, String path) {
            return new Fault(method, path, false, 0, null, SocketPolicy.DISCONNECT_AFTER_REQUEST, null, false, false, 1);
        }

        /** A 200 whose body is not JSON, the request not applied. */
        public static Fault malformed(String method, String path) {
            return new Fault(method, path, false, 200, null, null, null, true, false, 1);
        }

        /** The request is applied (the order placed), then the connection drops before the answer. */
        public static Fault disconnectAfterApplying(String method, String path) {
            return new Fault(method, path, true, 0, null, SocketPolicy.DISCONNECT_AFTER_REQUEST, null, false, false, 1);
        }

        /** The request is applied, then no answer comes (the client's read times out). */
        public static Fault noAnswerAfterApplying(String method, String path) {
            return new Fault(method, path, true, 0, null, SocketPolicy.NO_RESPONSE, null, false, false, 1);
        }

        /** The request is applied, then HTTP {@code status} is answered. */
        public static Fault statusAfterApplying(String method, String path, int status) {
            return new Fault(method, path, true, status, null, null, null, false, false, 1);
        }

        /** The request is applied, then a 200 with a body that is not JSON is answered. */
        public static Fault malformedAfterApplying(String method, String path) {
            return new Fault(method, path, true, 200, null, null, null, true, false, 1);
        }

        /** The real answer, its headers delayed by {@code delay}. */
        public static Fault slow(String method, String path, Duration delay) {
            return new Fault(method, path, true, 0, null, null, delay, false, false, 1);
        }

        /**
         * HTTP {@code status} whose error message quotes the request's key headers back, the request
         * not applied: a misbehaving server or proxy, to prove the adapter never repeats them.
         */
        public static Fault echoingCredentials(String method, String path, int status) {
            return new Fault(method, path, false, status, null, null, null, false, true, 1);
        }

        /** The same fault for the next {@code n} matching requests. */
        public Fault once(int n) {
            return new Fault(method, pathPrefix, applyFirst, status, retryAfter, socket, delay, malformed, echo, n);
        }

        boolean matches(String requestMethod, String path) {
            return method.equals(requestMethod) && path.startsWith(pathPrefix);
        }

        MockResponse response(MockResponse real, RecordedRequest request) {
            if (socket != null) {
                return new MockResponse().setSocketPolicy(socket);
            }
            if (delay != null) {
                return real.setHeadersDelay(delay.toMillis(), TimeUnit.MILLISECONDS);
            }
            if (malformed) {
                return AlpacaFakeServers.json(200, "{\"id\": \"6c1a\", \"status\": ");
            }
            String message = echo ? AlpacaFakeServers.credentialEcho(request)
                    : status == 429 ? "too many requests" : status >= 500 ? "internal server error" : "request failed";
            MockResponse response = error(status, status * 100_000 + 1, message);
            if (retryAfter != null) {
                response.setHeader("Retry-After", retryAfter);
            }
            return response;
        }
    }

    private static final class Holding {
        BigDecimal qty = BigDecimal.ZERO;
        BigDecimal avgEntry = BigDecimal.ZERO;
    }

    private static final class FakeOrder {
        final String id;
        final String clientOrderId;
        final String symbol;
        final BigDecimal qty;
        final String side;
        final String type;
        final String timeInForce;
        final BigDecimal limit;
        final Instant createdAt;
        final String assetId;
        BigDecimal notional;
        BigDecimal stopPrice;
        String status = "new";
        BigDecimal filledQty = BigDecimal.ZERO;
        BigDecimal filledNotional = BigDecimal.ZERO;
        Instant updatedAt;
        Instant filledAt;
        Instant canceledAt;

        FakeOrder(String id, String clientOrderId, String symbol, BigDecimal qty, String side, String type,
                  String timeInForce, BigDecimal limit, Instant createdAt) {
            this.id = id;
            this.clientOrderId = clientOrderId;
            this.symbol = symbol;
            this.qty = qty;
            this.side = side;
            this.type = type;
            this.timeInForce = timeInForce;
            this.limit = limit;
            this.createdAt = createdAt;
            this.updatedAt = createdAt;
            this.assetId = UUID.nameUUIDFromBytes(symbol.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
        }

        void cancel(Instant at) {
            status = "canceled";
            canceledAt = at;
            updatedAt = at;
        }

        ObjectNode json() {
            ObjectNode node = JSON.createObjectNode();
            node.put("id", id);
            node.put("client_order_id", clientOrderId);
            node.put("created_at", createdAt.toString());
            node.put("updated_at", updatedAt.toString());
            node.put("submitted_at", createdAt.toString());
            putTime(node, "filled_at", filledAt);
            node.putNull("expired_at");
            putTime(node, "canceled_at", canceledAt);
            node.putNull("failed_at");
            node.putNull("replaced_at");
            node.putNull("replaced_by");
            node.putNull("replaces");
            node.put("asset_id", assetId);
            node.put("symbol", symbol);
            node.put("asset_class", symbol.contains("/") ? "crypto" : "us_equity");
            putDecimal(node, "notional", notional);
            putDecimal(node, "qty", qty);
            node.put("filled_qty", filledQty.toPlainString());
            putDecimal(node, "filled_avg_price", filledQty.signum() == 0 ? null
                    : filledNotional.divide(filledQty, MathContext.DECIMAL128).stripTrailingZeros());
            node.put("order_class", "");
            node.put("order_type", type);
            node.put("type", type);
            node.put("side", side);
            node.put("time_in_force", timeInForce);
            putDecimal(node, "limit_price", limit);
            putDecimal(node, "stop_price", stopPrice);
            node.put("status", status);
            node.put("extended_hours", false);
            node.putNull("legs");
            return node;
        }

        private static void putTime(ObjectNode node, String field, Instant value) {
            if (value == null) {
                node.putNull(field);
            } else {
                node.put(field, value.toString());
            }
        }

        private static void putDecimal(ObjectNode node, String field, BigDecimal value) {
            if (value == null) {
                node.putNull(field);
            } else {
                node.put(field, value.toPlainString());
            }
        }
    }
}
