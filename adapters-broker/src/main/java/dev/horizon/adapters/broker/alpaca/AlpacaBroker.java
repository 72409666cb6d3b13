package dev.horizon.adapters.broker.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import dev.horizon.adapters.alpaca.AlpacaCredentials;
import dev.horizon.adapters.alpaca.AlpacaHealth;
import dev.horizon.adapters.alpaca.AlpacaHttp;
import dev.horizon.adapters.alpaca.AlpacaJson;
import dev.horizon.adapters.alpaca.AlpacaResponse;
import dev.horizon.adapters.broker.alpaca.AlpacaOrders.AlpacaOrder;
import dev.horizon.application.port.BrokerAccount;
import dev.horizon.application.port.BrokerPort;
import dev.horizon.application.port.BrokerPosition;
import dev.horizon.application.port.BrokerUnavailableException;
import dev.horizon.application.port.OrderNotFoundException;
import dev.horizon.application.port.OrderRejectedException;
import dev.horizon.domain.market.MarketCalendar;
import dev.horizon.domain.market.Symbol;
import dev.horizon.domain.order.ClientOrderId;
import dev.horizon.domain.order.Fill;
import dev.horizon.domain.order.Order;
import dev.horizon.domain.order.OrderSide;
import dev.horizon.domain.order.OrderStatus;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link BrokerPort} over Alpaca's trading API (paper or live account).
 *
 * <ul>
 *   <li><b>Submit</b> is one {@code POST /v2/orders} carrying the engine's client order id, never
 *       retried. A timeout, reset, 5xx or unreadable answer throws
 *       {@link BrokerUnavailableException}: the order may have been placed, and the engine resolves
 *       it with {@link #orderByClientId}. Alpaca's "client_order_id must be unique" (422) returns
 *       the existing order — submits are idempotent. Other refusals (403 buying power or shares,
 *       422 invalid order) throw {@link OrderRejectedException} with Alpaca's message.</li>
 *   <li><b>Lookups</b> use {@code GET /v2/orders:by_client_order_id} (404 → empty) and
 *       {@code GET /v2/orders?status=open}; statuses map onto the engine's state machine as
 *       {@code AlpacaOrders} documents.</li>
 *   <li><b>Cancel</b> finds the order by client id (unknown → {@link OrderNotFoundException}), does
 *       nothing if it is already terminal or being canceled, else {@code DELETE /v2/orders/{id}}.</li>
 *   <li><b>Fills</b> are the account's {@code FILL} activities, paged oldest first; each activity's
 *       unique {@code id} is the fill id, its {@code order_id} is mapped back to the client order id
 *       through an order lookup that is cached. Alpaca charges fees as separate activities, so
 *       each fill's fee is zero.</li>
 *   <li>Decimals arrive as strings and are parsed exactly; a missing or unreadable field is an
 *       unusable answer ({@link BrokerUnavailableException}), never a guess.</li>
 * </ul>
 *
 * <p>Reads and cancels are retried with backoff and jitter (honouring {@code Retry-After} on 429);
 * every call is rate limited and passes through one circuit breaker, whose state {@link #health()}
 * shows. An open breaker fails calls at once with "alpaca circuit breaker open: ...".
 *
 * <p>A live account needs {@link AlpacaConfig#liveConfirmed()}. Thread-safe.
 */
public final class AlpacaBroker implements BrokerPort, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlpacaBroker.class);

    /** Alpaca's largest page of account activities. */
    static final int ACTIVITY_PAGE_SIZE = 100;
    /** Alpaca's largest page of orders. */
    static final int ORDER_PAGE_SIZE = 500;
    private static final int MAX_PAGES = 1_000;
    private static final int ORDER_KEY_CACHE = 10_000;
    private static final String DUPLICATE_CLIENT_ID = "client_order_id must be unique";

    private final AlpacaConfig config;
    private final AlpacaHttp http;
    /** Alpaca order id → the engine's client id and symbol, to attribute fills. */
    private final Map<String, OrderKey> orderKeys = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, OrderKey> eldest) {
                    return size() > ORDER_KEY_CACHE;
                }
            });

    /**
     * Connects nothing yet: the first call opens the connection.
     *
     * @throws IllegalStateException if the configuration is live (or points at the live API) and
     *                               live trading was not confirmed
     */
    public AlpacaBroker(AlpacaConfig config, AlpacaCredentials credentials) {
        this.config = Objects.requireNonNull(config, "config");
        Objects.requireNonNull(credentials, "credentials");
        config.requireLiveConfirmedIfLive();
        this.http = new AlpacaHttp("alpaca", config.effectiveTradingUrl(), credentials, config.http(),
                (message, cause, sent) -> sent ? new BrokerUnavailableException(message, cause) : new NotSent(message));
        LOG.info("alpaca broker: {} account at {}", config.environment(), config.effectiveTradingUrl());
    }

    @Override
    public BrokerAccount account() {
        return http.get(http.url("v2/account").build(), response -> {
            JsonNode account = AlpacaJson.object(expectSuccess(response));
            String what = response.what();
            return new BrokerAccount(AlpacaJson.decimal(account, "cash", what),
                    AlpacaJson.decimal(account, "equity", what), AlpacaJson.decimal(account, "buying_power", what));
        });
    }

    /** {@inheritDoc} Short positions have a negative quantity. */
    @Override
    public List<BrokerPosition> positions() {
        return http.get(http.url("v2/positions").build(), response -> {
            List<BrokerPosition> positions = new ArrayList<>();
            String what = response.what();
            for (JsonNode node : AlpacaJson.array(expectSuccess(response))) {
                BigDecimal quantity = AlpacaJson.decimal(node, "qty", what);
                if ("short".equals(AlpacaJson.optionalText(node, "side")) && quantity.signum() > 0) {
                    quantity = quantity.negate();
                }
                if (quantity.signum() == 0) {
                    continue;
                }
                Symbol symbol = symbol(node, what);
                positions.add(new BrokerPosition(symbol, quantity, AlpacaJson.decimal(node, "avg_entry_price", what)));
            }
            positions.sort(Comparator.comparing(BrokerPosition::symbol));
            return List.copyOf(positions);
        });
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if {@code intent} is not in status {@code NEW}
     */
    @Override
    public Order submit(Order intent) {
        Objects.requireNonNull(intent, "intent");
        if (intent.status() != OrderStatus.NEW) {
            throw new IllegalArgumentException("order " + intent.clientOrderId() + " must be NEW to submit, was "
                    + intent.status());
        }
        String order = "order " + intent.clientOrderId() + " (" + intent.side() + " "
                + intent.quantity().toPlainString() + " " + intent.symbol() + ")";
        SubmitAnswer answer;
        try {
            answer = http.postOnce(http.url("v2/orders").build(), AlpacaOrders.submitBody(intent), response -> {
                // read inside the breaker: an unreadable acknowledgement is a failure like a reset
                return response.isSuccess()
                        ? new SubmitAnswer(representable(remember(AlpacaOrders.read(AlpacaJson.object(response),
                                response.what()))), null)
                        : new SubmitAnswer(null, response);
            });
        } catch (NotSent e) {
            throw e;
        } catch (BrokerUnavailableException e) {
            throw new BrokerUnavailableException(order + " outcome unknown, resolve it by client order id: "
                    + e.getMessage(), e.getCause());
        }
        if (answer.placed() != null) {
            LOG.info("{} placed at alpaca as {} ({})", order, answer.placed().brokerOrderId(), answer.placed().status());
            return answer.placed();
        }
        AlpacaResponse refusal = answer.refusal();
        if (refusal.code() == 422 && refusal.message().contains(DUPLICATE_CLIENT_ID)) {
            LOG.info("{} already known to alpaca: returning the existing order", order);
            return orderByClientId(intent.clientOrderId()).orElseThrow(() -> new BrokerUnavailableException(
                    order + ": alpaca says the client order id exists but does not return it; resolve it later"));
        }
        if (refusal.code() == 401) {
            throw new BrokerUnavailableException(order + " not placed: " + authFailure(refusal));
        }
        throw new OrderRejectedException("alpaca refused " + order + ": " + refusal.describe());
    }

    @Override
    public void cancel(ClientOrderId clientOrderId) {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        AlpacaOrder known = lookup(clientOrderId).orElseThrow(() -> new OrderNotFoundException(
                "cannot cancel order " + clientOrderId + ": alpaca has no order with this client order id"));
        if (isDone(known)) {
            LOG.debug("order {} is already {} at alpaca: nothing to cancel", clientOrderId, known.status());
            return;
        }
        boolean accepted = http.delete(http.url("v2/orders").addPathSegment(known.id()).build(), response -> {
            if (response.isSuccess()) {
                return true;
            }
            if (response.code() == 404) {
                throw new OrderNotFoundException("cannot cancel order " + clientOrderId + ": alpaca has no order "
                        + known.id());
            }
            if (response.code() == 422) {
                return false;
            }
            throw unexpected(response);
        });
        if (accepted) {
            LOG.info("order {} cancel requested at alpaca", clientOrderId);
            return;
        }
        // 422: no longer cancelable — fine if it just ended (filled, canceled by an earlier retry...)
        AlpacaOrder now = orderEntity(known.id()).orElse(known);
        if (!isDone(now)) {
            throw new BrokerUnavailableException("alpaca cannot cancel order " + clientOrderId + " while it is "
                    + now.status() + "; try again later");
        }
    }

    @Override
    public Optional<Order> orderByClientId(ClientOrderId clientOrderId) {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        return lookup(clientOrderId).map(AlpacaBroker::representable);
    }

    /**
     * The order with Alpaca's own id, or empty if Alpaca does not know it.
     *
     * @throws IllegalArgumentException if {@code alpacaOrderId} is not a UUID
     */
    public Optional<Order> orderById(String alpacaOrderId) {
        try {
            UUID.fromString(Objects.requireNonNull(alpacaOrderId, "alpacaOrderId"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("alpaca order id '" + alpacaOrderId + "' is not a UUID");
        }
        return orderEntity(alpacaOrderId).map(AlpacaBroker::representable);
    }

    /**
     * {@inheritDoc} Oldest first. Orders the engine cannot represent (notional, stop or trailing
     * orders placed by hand) are left out with a warning.
     */
    @Override
    public List<Order> openOrders() {
        HttpUrl url = http.url("v2/orders").addQueryParameter("status", "open")
                .addQueryParameter("limit", Integer.toString(ORDER_PAGE_SIZE))
                .addQueryParameter("direction", "asc").build();
        List<AlpacaOrder> orders = http.get(url, response -> {
            List<AlpacaOrder> read = new ArrayList<>();
            for (JsonNode node : AlpacaJson.array(expectSuccess(response))) {
                read.add(remember(AlpacaOrders.read(node, response.what())));
            }
            return read;
        });
        if (orders.size() >= ORDER_PAGE_SIZE) {
            LOG.warn("alpaca returned {} open orders, its page limit: newer open orders are not listed", orders.size());
        }
        List<Order> open = new ArrayList<>();
        for (AlpacaOrder order : orders) {
            if (order.order() == null) {
                LOG.warn("open alpaca order {} is not tracked: {}", order.id(), order.unsupported());
            } else if (!order.order().status().isTerminal()) {
                open.add(order.order());
            }
        }
        return List.copyOf(open);
    }

    /** {@inheritDoc} Fees are zero: Alpaca books them as separate activities. */
    @Override
    public List<Fill> fillsSince(Instant since) {
        Objects.requireNonNull(since, "since");
        // a second of slack: whether "after" is exclusive or not, nothing at `since` is missed
        String after = (since.isBefore(Instant.EPOCH.plusSeconds(1)) ? Instant.EPOCH : since.minusSeconds(1)).toString();
        List<RawFill> raw = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String pageToken = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            HttpUrl.Builder url = http.url("v2/account/activities/FILL")
                    .addQueryParameter("after", after)
                    .addQueryParameter("direction", "asc")
                    .addQueryParameter("page_size", Integer.toString(ACTIVITY_PAGE_SIZE));
            if (pageToken != null) {
                url.addQueryParameter("page_token", pageToken);
            }
            List<RawFill> batch = http.get(url.build(), AlpacaBroker::readFills);
            for (RawFill fill : batch) {
                if (seen.add(fill.id())) {
                    raw.add(fill);
                }
            }
            if (batch.size() < ACTIVITY_PAGE_SIZE || batch.get(batch.size() - 1).id().equals(pageToken)) {
                break;
            }
            pageToken = batch.get(batch.size() - 1).id();
        }
        List<Fill> fills = new ArrayList<>();
        for (RawFill fill : raw) {
            if (fill.time().isBefore(since)) {
                continue;
            }
            Optional<OrderKey> key = orderKey(fill.orderId());
            if (key.isEmpty()) {
                LOG.warn("alpaca fill {} of order {} skipped for now: the order cannot be looked up", fill.id(),
                        fill.orderId());
                continue;
            }
            fills.add(new Fill(fill.id(), key.get().clientOrderId(), key.get().symbol(), fill.side(), fill.quantity(),
                    fill.price(), BigDecimal.ZERO, fill.time()));
        }
        fills.sort(Comparator.comparing(Fill::time));
        return List.copyOf(fills);
    }

    /** Alpaca's market clock: whether US equities are in session and the next open and close. */
    public AlpacaMarketClock marketClock() {
        return http.get(http.url("v2/clock").build(), response -> {
            JsonNode clock = AlpacaJson.object(expectSuccess(response));
            String what = response.what();
            JsonNode open = clock.get("is_open");
            if (open == null || !open.isBoolean()) {
                throw AlpacaJson.malformed(what, "field 'is_open' missing");
            }
            return new AlpacaMarketClock(AlpacaJson.instant(clock, "timestamp", what), open.booleanValue(),
                    AlpacaJson.instant(clock, "next_open", what), AlpacaJson.instant(clock, "next_close", what));
        });
    }

    /** The trading days from {@code from} to {@code to}, both inclusive, with their hours. */
    public List<AlpacaSession> sessions(LocalDate from, LocalDate to) {
        HttpUrl url = http.url("v2/calendar").addQueryParameter("start", from.toString())
                .addQueryParameter("end", to.toString()).build();
        return http.get(url, response -> {
            List<AlpacaSession> sessions = new ArrayList<>();
            String what = response.what();
            for (JsonNode day : AlpacaJson.array(expectSuccess(response))) {
                sessions.add(new AlpacaSession(AlpacaJson.date(day, "date", what), AlpacaJson.time(day, "open", what),
                        AlpacaJson.time(day, "close", what)));
            }
            sessions.sort(Comparator.comparing(AlpacaSession::date));
            return List.copyOf(sessions);
        });
    }

    /**
     * The US equities calendar over {@code [from, to]}: every weekday Alpaca lists no session for
     * is a holiday. Early closes are not represented (the session still ends at 16:00).
     */
    public MarketCalendar marketCalendar(LocalDate from, LocalDate to) {
        Set<LocalDate> trading = new HashSet<>();
        sessions(from, to).forEach(s -> trading.add(s.date()));
        Set<LocalDate> holidays = new HashSet<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            boolean weekday = day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
            if (weekday && !trading.contains(day)) {
                holidays.add(day);
            }
        }
        return MarketCalendar.usEquities(holidays);
    }

    /** The circuit breaker's state and the retry and rate-limit counters. */
    public AlpacaHealth health() {
        return http.health();
    }

    /** Releases the HTTP client's threads and connections. */
    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return "AlpacaBroker[" + config.environment() + " " + config.effectiveTradingUrl() + ", breaker "
                + http.health().breakerState() + "]";
    }

    // ------------------------------------------------------------------------------------------

    private Optional<AlpacaOrder> lookup(ClientOrderId clientOrderId) {
        HttpUrl url = http.url("v2/orders:by_client_order_id")
                .addQueryParameter("client_order_id", clientOrderId.value()).build();
        return http.get(url, this::optionalOrder);
    }

    private Optional<AlpacaOrder> orderEntity(String alpacaOrderId) {
        return http.get(http.url("v2/orders").addPathSegment(alpacaOrderId).build(), this::optionalOrder);
    }

    private Optional<AlpacaOrder> optionalOrder(AlpacaResponse response) {
        if (response.code() == 404) {
            return Optional.empty();
        }
        return Optional.of(remember(AlpacaOrders.read(AlpacaJson.object(expectSuccess(response)), response.what())));
    }

    private Optional<OrderKey> orderKey(String alpacaOrderId) {
        OrderKey key = orderKeys.get(alpacaOrderId);
        if (key != null) {
            return Optional.of(key);
        }
        try {
            UUID.fromString(alpacaOrderId);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return orderEntity(alpacaOrderId).flatMap(o -> Optional.ofNullable(orderKeys.get(o.id())));
    }

    private AlpacaOrder remember(AlpacaOrder order) {
        if (order.clientOrderId() != null && order.symbol() != null) {
            orderKeys.put(order.id(), new OrderKey(order.clientOrderId(), order.symbol()));
        }
        if (order.order() != null && !AlpacaOrders.KNOWN_STATUSES.contains(order.status())) {
            LOG.warn("alpaca order {} has status '{}', unknown to this adapter: tracked as {}",
                    order.clientOrderId(), order.status(), order.order().status());
        }
        return order;
    }

    private static Order representable(AlpacaOrder order) {
        if (order.order() == null) {
            throw new BrokerUnavailableException("alpaca order " + order.id() + " cannot be tracked by the engine: "
                    + order.unsupported());
        }
        return order.order();
    }

    private static boolean isDone(AlpacaOrder order) {
        return "pending_cancel".equals(order.status())
                || (order.order() != null ? order.order().status().isTerminal()
                        : Set.of("filled", "canceled", "expired", "rejected", "replaced").contains(order.status()));
    }

    private static List<RawFill> readFills(AlpacaResponse response) {
        String what = response.what();
        List<RawFill> fills = new ArrayList<>();
        for (JsonNode node : AlpacaJson.array(expectSuccess(response))) {
            String type = AlpacaJson.optionalText(node, "activity_type");
            if (type != null && !type.equals("FILL")) {
                continue;
            }
            String id = AlpacaJson.text(node, "id", what);
            BigDecimal quantity = AlpacaJson.decimal(node, "qty", what);
            BigDecimal price = AlpacaJson.decimal(node, "price", what);
            if (quantity.signum() <= 0 || price.signum() <= 0) {
                throw AlpacaJson.malformed(what, "fill " + id + " has a non-positive quantity or price");
            }
            fills.add(new RawFill(id, AlpacaJson.text(node, "order_id", what),
                    AlpacaOrders.side(AlpacaJson.text(node, "side", what), what), quantity, price,
                    AlpacaJson.instant(node, "transaction_time", what)));
        }
        return fills;
    }

    private static Symbol symbol(JsonNode node, String what) {
        String text = AlpacaJson.text(node, "symbol", what);
        try {
            return AlpacaOrders.symbol(text, AlpacaJson.optionalText(node, "asset_class"));
        } catch (IllegalArgumentException e) {
            throw AlpacaJson.malformed(what, "symbol '" + text + "' is not one the engine can trade");
        }
    }

    /** A success, else a clear {@link BrokerUnavailableException} (not retried: the answer was definite). */
    private static AlpacaResponse expectSuccess(AlpacaResponse response) {
        if (!response.isSuccess()) {
            throw unexpected(response);
        }
        return response;
    }

    private static BrokerUnavailableException unexpected(AlpacaResponse response) {
        if (response.code() == 401 || response.code() == 403) {
            return new BrokerUnavailableException(authFailure(response));
        }
        return new BrokerUnavailableException("alpaca " + response.what() + ": unexpected " + response.describe());
    }

    private static String authFailure(AlpacaResponse response) {
        return "alpaca " + response.what() + " refused the API key (" + response.describe() + "): check "
                + AlpacaCredentials.KEY_ID_VARIABLE + " and " + AlpacaCredentials.SECRET_KEY_VARIABLE
                + " and that they belong to the configured environment";
    }

    /** The answer to a submit: the placed order, or Alpaca's refusal. */
    private record SubmitAnswer(Order placed, AlpacaResponse refusal) {
    }

    /** Unavailable before the request left (breaker open, rate limit): certainly not placed. */
    private static final class NotSent extends BrokerUnavailableException {

        private static final long serialVersionUID = 1L;

        NotSent(String message) {
            super(message);
        }
    }

    /** The engine's identity of an Alpaca order. */
    private record OrderKey(ClientOrderId clientOrderId, Symbol symbol) {
    }

    /** A fill activity before its order is mapped to a client order id. */
    private record RawFill(String id, String orderId, OrderSide side, BigDecimal quantity, BigDecimal price,
                           Instant time) {
    }
}
