package dev.horizon.adapters.broker.paper;

import dev.horizon.domain.market.Symbol;
import dev.horizon.domain.order.ClientOrderId;
import dev.horizon.domain.order.Fill;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything the paper broker knows — cash, positions, every order it accepted, every fill and
 * the next ids — and nothing else: this is exactly what its store file holds.
 *
 * <p>Mutable, confined to the broker's lock. Cash only ever changes by a fill's
 * {@link Fill#cashDelta()}, so it stays exact.
 */
final class PaperAccount {

    /** Scale of a stored average entry price; fills and cash stay exact. */
    private static final int AVERAGE_PRICE_SCALE = 10;

    private BigDecimal cash;
    private long nextOrderSeq;
    private long nextFillSeq;
    private final TreeMap<Symbol, Holding> holdings;
    private final LinkedHashMap<ClientOrderId, WorkingOrder> orders;
    /**
     * The open ones among {@link #orders}, in the same order: every step, reservation and
     * {@code openOrders()} walks these, and the history of closed orders grows without bound.
     */
    private final LinkedHashMap<ClientOrderId, WorkingOrder> open;
    private final List<Fill> fills;

    PaperAccount(BigDecimal cash, long nextOrderSeq, long nextFillSeq, Map<Symbol, Holding> holdings,
                 List<WorkingOrder> orders, List<Fill> fills) {
        this.cash = cash;
        this.nextOrderSeq = nextOrderSeq;
        this.nextFillSeq = nextFillSeq;
        this.holdings = new TreeMap<>(holdings);
        this.orders = new LinkedHashMap<>();
        this.open = new LinkedHashMap<>();
        orders.forEach(this::put);
        this.fills = new ArrayList<>(fills);
    }

    /** A new account holding only {@code cash}. */
    static PaperAccount opening(BigDecimal cash) {
        return new PaperAccount(cash, 1, 1, Map.of(), List.of(), List.of());
    }

    BigDecimal cash() {
        return cash;
    }

    long nextOrderSeq() {
        return nextOrderSeq;
    }

    long nextFillSeq() {
        return nextFillSeq;
    }

    /** Non-zero positions, by symbol. */
    SortedMap<Symbol, Holding> holdings() {
        return Collections.unmodifiableSortedMap(holdings);
    }

    /** Signed shares held in {@code symbol}, zero when flat. */
    BigDecimal quantity(Symbol symbol) {
        Holding h = holdings.get(symbol);
        return h == null ? BigDecimal.ZERO : h.quantity();
    }

    /** Every order ever accepted, oldest first (a live view: copy it to update while iterating). */
    Collection<WorkingOrder> orders() {
        return Collections.unmodifiableCollection(orders.values());
    }

    /**
     * The orders not yet in a terminal status, oldest first, as {@link #orders()} lists them (a
     * live view: copy it to update while iterating).
     */
    Collection<WorkingOrder> openOrders() {
        return Collections.unmodifiableCollection(open.values());
    }

    WorkingOrder order(ClientOrderId id) {
        return orders.get(id);
    }

    /** Every fill, in execution order. */
    List<Fill> fills() {
        return Collections.unmodifiableList(fills);
    }

    /** Takes the next broker order id. */
    String takeOrderId() {
        return "paper-" + nextOrderSeq++;
    }

    /** Takes the next fill id. */
    String takeFillId() {
        return "paper-fill-" + nextFillSeq++;
    }

    /** Stores {@code order}, new or updated. */
    void put(WorkingOrder order) {
        ClientOrderId id = order.order().clientOrderId();
        orders.put(id, order);
        // an order that closes leaves the index; one that is open keeps its first position, as in orders
        if (order.isOpen()) {
            open.put(id, order);
        } else {
            open.remove(id);
        }
    }

    /** Books {@code fill}: cash by its exact cash delta, the position by its signed quantity. */
    void book(Fill fill) {
        fills.add(fill);
        cash = cash.add(fill.cashDelta());
        Holding before = holdings.get(fill.symbol());
        BigDecimal heldBefore = before == null ? BigDecimal.ZERO : before.quantity();
        BigDecimal heldAfter = heldBefore.add(fill.signedQuantity());
        if (heldAfter.signum() == 0) {
            holdings.remove(fill.symbol());
            return;
        }
        BigDecimal average;
        if (heldBefore.signum() == 0 || heldBefore.signum() == fill.signedQuantity().signum()) {
            BigDecimal cost = heldBefore.abs().multiply(before == null ? BigDecimal.ZERO : before.averageEntryPrice())
                    .add(fill.notional());
            average = tidy(cost.divide(heldAfter.abs(), AVERAGE_PRICE_SCALE, RoundingMode.HALF_EVEN));
        } else if (heldAfter.signum() == heldBefore.signum()) {
            average = before.averageEntryPrice();
        } else {
            // the fill went through zero: what is left was opened at this fill's price
            average = fill.price();
        }
        holdings.put(fill.symbol(), new Holding(heldAfter, average));
    }

    private static BigDecimal tidy(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
