package dev.horizon.adapters.broker.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.horizon.adapters.alpaca.AlpacaJson;
import dev.horizon.adapters.alpaca.TransientFailure;
import dev.horizon.domain.market.Symbol;
import dev.horizon.domain.order.ClientOrderId;
import dev.horizon.domain.order.Order;
import dev.horizon.domain.order.OrderSide;
import dev.horizon.domain.order.OrderStatus;
import dev.horizon.domain.order.OrderType;
import dev.horizon.domain.order.TimeInForce;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Alpaca's order entity to and from the engine's {@link Order}.
 *
 * <p>Status mapping (Alpaca → engine). "Working" means {@code PARTIALLY_FILLED} when something
 * has filled, else {@code ACCEPTED}: the order is still alive at the broker and the engine keeps
 * tracking it.
 * <ul>
 *   <li>{@code new}, {@code accepted}, {@code pending_new}, {@code accepted_for_bidding}: working.
 *       Each means Alpaca has the order; the engine's {@code SUBMITTED} (sent, not yet
 *       acknowledged) never comes from Alpaca, whose answer is itself the acknowledgement.</li>
 *   <li>{@code partially_filled}: {@code PARTIALLY_FILLED}. {@code filled}: {@code FILLED}.</li>
 *   <li>{@code pending_cancel}, {@code pending_replace}: working — the cancel or replace has not
 *       happened yet and fills may still arrive.</li>
 *   <li>{@code done_for_day}: working — no more fills today, but a GTC order resumes next session;
 *       the engine's order timeout cancels it.</li>
 *   <li>{@code stopped} (a fill is guaranteed but has not happened), {@code suspended} (not
 *       eligible for trading for now), {@code held} (a leg waiting on its parent, not in the
 *       published enum): working.</li>
 *   <li>{@code calculated} (done for the day, settlement pending): {@code FILLED} when the whole
 *       quantity filled, else working.</li>
 *   <li>{@code canceled}: {@code CANCELED}. {@code expired}: {@code EXPIRED}.
 *       {@code rejected}: {@code REJECTED}.</li>
 *   <li>{@code replaced}: {@code CANCELED} with the replacing order in the reason — this order will
 *       not fill any more; the engine never replaces orders, so the replacement is someone else's.</li>
 *   <li>anything else: working, logged by the caller — tracking goes on until the order timeout
 *       rather than guessing a terminal state.</li>
 * </ul>
 */
final class AlpacaOrders {

    /** Every status in Alpaca's published {@code OrderStatus} enum, plus {@code held}. */
    static final Set<String> KNOWN_STATUSES = Set.of("new", "partially_filled", "filled", "done_for_day",
            "canceled", "expired", "replaced", "pending_cancel", "pending_replace", "accepted", "pending_new",
            "accepted_for_bidding", "stopped", "rejected", "suspended", "calculated", "held");

    private static final List<String> QUOTE_CURRENCIES = List.of("USDT", "USDC", "USD", "BTC");

    private AlpacaOrders() {
    }

    /** The engine status of an Alpaca order in {@code status} with {@code filled} of {@code quantity} done. */
    static OrderStatus status(String status, BigDecimal filled, BigDecimal quantity) {
        OrderStatus working = filled.signum() > 0 ? OrderStatus.PARTIALLY_FILLED : OrderStatus.ACCEPTED;
        switch (status) {
            case "filled":
                return OrderStatus.FILLED;
            case "canceled":
            case "replaced":
                return OrderStatus.CANCELED;
            case "expired":
                return OrderStatus.EXPIRED;
            case "rejected":
                return OrderStatus.REJECTED;
            case "calculated":
                return filled.compareTo(quantity) >= 0 ? OrderStatus.FILLED : working;
            default:
                return working;
        }
    }

    /**
     * Reads an order entity.
     *
     * @throws TransientFailure if a field every order has is missing or unreadable
     */
    static AlpacaOrder read(JsonNode node, String what) {
        String id = AlpacaJson.text(node, "id", what);
        String clientId = AlpacaJson.text(node, "client_order_id", what);
        String symbolText = AlpacaJson.text(node, "symbol", what);
        String status = AlpacaJson.text(node, "status", what).toLowerCase(Locale.ROOT);
        BigDecimal filled = AlpacaJson.optionalDecimal(node, "filled_qty", what);
        filled = filled == null ? BigDecimal.ZERO : filled;
        ClientOrderId clientOrderId;
        Symbol symbol;
        try {
            clientOrderId = new ClientOrderId(clientId);
            symbol = symbol(symbolText, AlpacaJson.optionalText(node, "asset_class"));
        } catch (IllegalArgumentException e) {
            return AlpacaOrder.unsupported(id, null, null, status, "its client order id or symbol is not one the engine uses");
        }
        BigDecimal quantity = AlpacaJson.optionalDecimal(node, "qty", what);
        if (quantity == null || quantity.signum() <= 0) {
            return AlpacaOrder.unsupported(id, clientOrderId, symbol, status, "it is a notional order (no quantity)");
        }
        OrderType type = type(AlpacaJson.text(node, "type", what));
        if (type == null) {
            return AlpacaOrder.unsupported(id, clientOrderId, symbol, status,
                    "its type '" + node.path("type").asText() + "' is neither market nor limit");
        }
        OrderSide side = side(AlpacaJson.text(node, "side", what), what);
        TimeInForce tif = timeInForce(AlpacaJson.text(node, "time_in_force", what), what);
        BigDecimal limit = type == OrderType.LIMIT ? AlpacaJson.decimal(node, "limit_price", what) : null;
        BigDecimal average = filled.signum() > 0 ? AlpacaJson.optionalDecimal(node, "filled_avg_price", what) : null;
        Instant created = AlpacaJson.instant(node, "created_at", what);
        Instant updated = AlpacaJson.optionalInstant(node, "updated_at", what);
        OrderStatus mapped = status(status, filled, quantity);
        try {
            Order order = new Order(clientOrderId, symbol, side, type, quantity, limit, tif, mapped, id, filled,
                    average, created, updated == null ? created : updated, reason(status, node));
            return new AlpacaOrder(id, clientOrderId, symbol, status, order, null);
        } catch (IllegalArgumentException e) {
            return AlpacaOrder.unsupported(id, clientOrderId, symbol, status, e.getMessage());
        }
    }

    /** The JSON body of {@code POST /v2/orders} for an engine order. */
    static String submitBody(Order intent) {
        ObjectNode body = AlpacaJson.objectNode();
        body.put("symbol", intent.symbol().value());
        body.put("qty", intent.quantity().toPlainString());
        // the published schema requires the key; null means "sized by qty"
        body.putNull("notional");
        body.put("side", intent.side() == OrderSide.BUY ? "buy" : "sell");
        body.put("type", intent.type() == OrderType.LIMIT ? "limit" : "market");
        body.put("time_in_force", intent.timeInForce().name().toLowerCase(Locale.ROOT));
        if (intent.type() == OrderType.LIMIT) {
            body.put("limit_price", intent.limitPrice().toPlainString());
        }
        body.put("client_order_id", intent.clientOrderId().value());
        return body.toString();
    }

    /**
     * An engine symbol from Alpaca's spelling. Crypto positions come back without the slash
     * ({@code BTCUSD}); the engine always writes pairs with it ({@code BTC/USD}).
     */
    static Symbol symbol(String value, String assetClass) {
        String upper = value.strip().toUpperCase(Locale.ROOT);
        if ("crypto".equals(assetClass) && !upper.contains("/")) {
            for (String quote : QUOTE_CURRENCIES) {
                if (upper.endsWith(quote) && upper.length() > quote.length()) {
                    return new Symbol(upper.substring(0, upper.length() - quote.length()) + "/" + quote);
                }
            }
        }
        return new Symbol(upper);
    }

    static OrderSide side(String side, String what) {
        switch (side.toLowerCase(Locale.ROOT)) {
            case "buy":
                return OrderSide.BUY;
            case "sell":
            case "sell_short":
                return OrderSide.SELL;
            default:
                throw AlpacaJson.malformed(what, "unknown side '" + side + "'");
        }
    }

    private static OrderType type(String type) {
        switch (type.toLowerCase(Locale.ROOT)) {
            case "market":
                return OrderType.MARKET;
            case "limit":
                return OrderType.LIMIT;
            default:
                return null;
        }
    }

    /** {@code opg}/{@code cls} live within one session like {@code day}; {@code fok} is immediate like {@code ioc}. */
    private static TimeInForce timeInForce(String tif, String what) {
        switch (tif.toLowerCase(Locale.ROOT)) {
            case "day":
            case "opg":
            case "cls":
                return TimeInForce.DAY;
            case "gtc":
                return TimeInForce.GTC;
            case "ioc":
            case "fok":
                return TimeInForce.IOC;
            default:
                throw AlpacaJson.malformed(what, "unknown time_in_force '" + tif + "'");
        }
    }

    private static String reason(String status, JsonNode node) {
        switch (status) {
            case "rejected":
                return "rejected by alpaca";
            case "replaced":
                String by = AlpacaJson.optionalText(node, "replaced_by");
                return "replaced by alpaca order " + (by == null ? "(unknown)" : by);
            case "expired":
                return "expired at alpaca";
            default:
                return KNOWN_STATUSES.contains(status) ? null : "alpaca status '" + status + "'";
        }
    }

    /**
     * One order as Alpaca reported it.
     *
     * @param id            Alpaca's order id
     * @param clientOrderId the client order id, {@code null} if unusable
     * @param symbol        the engine symbol, {@code null} if unusable
     * @param status        Alpaca's status, lower case
     * @param order         the engine's view, {@code null} when the order cannot be represented
     * @param unsupported   why it cannot be, else {@code null}
     */
    record AlpacaOrder(String id, ClientOrderId clientOrderId, Symbol symbol, String status, Order order,
                       String unsupported) {

        static AlpacaOrder unsupported(String id, ClientOrderId clientOrderId, Symbol symbol, String status,
                                       String why) {
            return new AlpacaOrder(id, clientOrderId, symbol, status, null, why);
        }
    }
}
