package dev.horizon.adapters.broker.paper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.horizon.domain.market.Symbol;
import dev.horizon.domain.order.ClientOrderId;
import dev.horizon.domain.order.Fill;
import dev.horizon.domain.order.Order;
import dev.horizon.domain.order.OrderSide;
import dev.horizon.domain.order.OrderStatus;
import dev.horizon.domain.order.OrderType;
import dev.horizon.domain.order.TimeInForce;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The paper account file format: one JSON document, {@code "format": "horizon-paper-broker"},
 * {@code "version": 1}. Every decimal is a string in {@link BigDecimal#toString()} form, so it
 * reads back with the same value and scale (never a binary float); every instant is ISO-8601. Reading is strict: a missing or malformed field is a corrupt file, reported with the
 * JSON path of the field.
 */
final class PaperAccountCodec {

    static final String FORMAT = "horizon-paper-broker";
    static final int VERSION = 1;

    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The file content for {@code account}. */
    byte[] encode(PaperAccount account) {
        ObjectNode root = mapper.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("cash", account.cash().toString());
        root.put("nextOrderSeq", account.nextOrderSeq());
        root.put("nextFillSeq", account.nextFillSeq());
        ArrayNode positions = root.putArray("positions");
        account.holdings().forEach((symbol, h) -> positions.addObject()
                .put("symbol", symbol.value())
                .put("quantity", h.quantity().toString())
                .put("averageEntryPrice", h.averageEntryPrice().toString()));
        ArrayNode orders = root.putArray("orders");
        for (WorkingOrder w : account.orders()) {
            Order o = w.order();
            ObjectNode n = orders.addObject();
            n.put("clientOrderId", o.clientOrderId().value());
            n.put("brokerOrderId", o.brokerOrderId());
            n.put("symbol", o.symbol().value());
            n.put("side", o.side().name());
            n.put("type", o.type().name());
            n.put("quantity", o.quantity().toString());
            n.put("limitPrice", plain(o.limitPrice()));
            n.put("timeInForce", o.timeInForce().name());
            n.put("status", o.status().name());
            n.put("statusReason", o.statusReason());
            n.put("filledQuantity", o.filledQuantity().toString());
            n.put("averageFillPrice", plain(o.averageFillPrice()));
            n.put("createdAt", o.createdAt().toString());
            n.put("updatedAt", o.updatedAt().toString());
            n.put("reservePrice", w.reservePrice().toString());
            n.put("filledNotional", w.filledNotional().toString());
            n.put("feesCharged", w.feesCharged().toString());
            n.put("lastQuoteTime", w.lastQuoteTime() == null ? null : w.lastQuoteTime().toString());
        }
        ArrayNode fills = root.putArray("fills");
        for (Fill f : account.fills()) {
            fills.addObject()
                    .put("fillId", f.fillId())
                    .put("clientOrderId", f.clientOrderId().value())
                    .put("symbol", f.symbol().value())
                    .put("side", f.side().name())
                    .put("quantity", f.quantity().toString())
                    .put("price", f.price().toString())
                    .put("fee", f.fee().toString())
                    .put("time", f.time().toString());
        }
        try {
            return mapper.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode the paper account", e);
        }
    }

    /**
     * Reads the content of {@code file}.
     *
     * @throws PaperBrokerFileException if it is not a valid paper account
     */
    PaperAccount decode(byte[] content, Path file) {
        JsonNode root;
        try {
            root = mapper.readTree(content);
        } catch (JsonProcessingException e) {
            throw corrupt(file, "not valid JSON: " + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr(), e);
        } catch (IOException e) {
            throw corrupt(file, e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw corrupt(file, "not a JSON object", null);
        }
        try {
            Node top = new Node(root, "$");
            if (!FORMAT.equals(top.text("format"))) {
                throw new IllegalArgumentException("$.format is not \"" + FORMAT + "\"");
            }
            if (top.integer("version") != VERSION) {
                throw new IllegalArgumentException("$.version " + top.integer("version")
                        + " is not supported (expected " + VERSION + ")");
            }
            Map<Symbol, Holding> holdings = new TreeMap<>();
            for (Node p : top.array("positions")) {
                holdings.put(p.symbol("symbol"), new Holding(p.decimal("quantity"), p.decimal("averageEntryPrice")));
            }
            List<WorkingOrder> orders = new ArrayList<>();
            for (Node n : top.array("orders")) {
                orders.add(order(n));
            }
            List<Fill> fills = new ArrayList<>();
            for (Node n : top.array("fills")) {
                fills.add(new Fill(n.text("fillId"), new ClientOrderId(n.text("clientOrderId")), n.symbol("symbol"),
                        n.enumValue("side", OrderSide.class), n.decimal("quantity"), n.decimal("price"),
                        n.decimal("fee"), n.instant("time")));
            }
            return new PaperAccount(top.decimal("cash"), top.integer("nextOrderSeq"), top.integer("nextFillSeq"),
                    holdings, orders, fills);
        } catch (RuntimeException e) {
            throw corrupt(file, e.getMessage(), e);
        }
    }

    private static WorkingOrder order(Node n) {
        Order order = new Order(new ClientOrderId(n.text("clientOrderId")), n.symbol("symbol"),
                n.enumValue("side", OrderSide.class), n.enumValue("type", OrderType.class), n.decimal("quantity"),
                n.optionalDecimal("limitPrice"), n.enumValue("timeInForce", TimeInForce.class),
                n.enumValue("status", OrderStatus.class), n.optionalText("brokerOrderId"),
                n.decimal("filledQuantity"), n.optionalDecimal("averageFillPrice"), n.instant("createdAt"),
                n.instant("updatedAt"), n.optionalText("statusReason"));
        String lastQuote = n.optionalText("lastQuoteTime");
        return new WorkingOrder(order, n.decimal("reservePrice"), n.decimal("filledNotional"),
                n.decimal("feesCharged"), lastQuote == null ? null : parseInstant(lastQuote, n.path + ".lastQuoteTime"));
    }

    private static PaperBrokerFileException corrupt(Path file, String detail, Throwable cause) {
        return new PaperBrokerFileException("paper broker file " + file + " is corrupt (" + detail
                + "); restore it from a backup or move it aside to open a new account", cause);
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toString();
    }

    private static Instant parseInstant(String value, String path) {
        try {
            return Instant.parse(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(path + " is not an ISO-8601 instant: '" + value + "'", e);
        }
    }

    /** A JSON object with its path, for error messages that say where the file is wrong. */
    private record Node(JsonNode json, String path) {

        String text(String field) {
            JsonNode v = json.get(field);
            if (v == null || !v.isTextual()) {
                throw new IllegalArgumentException(path + "." + field + " is missing or not a string");
            }
            return v.textValue();
        }

        String optionalText(String field) {
            JsonNode v = json.get(field);
            if (v == null || v.isNull()) {
                return null;
            }
            return text(field);
        }

        long integer(String field) {
            JsonNode v = json.get(field);
            if (v == null || !v.canConvertToLong() || !v.isIntegralNumber()) {
                throw new IllegalArgumentException(path + "." + field + " is missing or not an integer");
            }
            return v.longValue();
        }

        BigDecimal decimal(String field) {
            String v = text(field);
            try {
                return new BigDecimal(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(path + "." + field + " is not a decimal: '" + v + "'", e);
            }
        }

        BigDecimal optionalDecimal(String field) {
            return optionalText(field) == null ? null : decimal(field);
        }

        Instant instant(String field) {
            return parseInstant(text(field), path + "." + field);
        }

        Symbol symbol(String field) {
            return new Symbol(text(field));
        }

        <E extends Enum<E>> E enumValue(String field, Class<E> type) {
            String v = text(field);
            try {
                return Enum.valueOf(type, v);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(path + "." + field + " is not a " + type.getSimpleName() + ": '" + v + "'", e);
            }
        }

        List<Node> array(String field) {
            JsonNode v = json.get(field);
            if (v == null || !v.isArray()) {
                throw new IllegalArgumentException(path + "." + field + " is missing or not an array");
            }
            List<Node> items = new ArrayList<>();
            for (int i = 0; i < v.size(); i++) {
                JsonNode item = v.get(i);
                String itemPath = path + "." + field + "[" + i + "]";
                if (!item.isObject()) {
                    throw new IllegalArgumentException(itemPath + " is not an object");
                }
                items.add(new Node(item, itemPath));
            }
            return items;
        }
    }
}
