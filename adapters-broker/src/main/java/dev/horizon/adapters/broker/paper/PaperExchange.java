package dev.horizon.adapters.broker.paper;

import dev.horizon.application.port.OrderRejectedException;
import dev.horizon.domain.market.MarketCalendar;
import dev.horizon.domain.market.Quote;
import dev.horizon.domain.market.Symbol;
import dev.horizon.domain.order.Fill;
import dev.horizon.domain.order.Order;
import dev.horizon.domain.order.OrderSide;
import dev.horizon.domain.order.OrderStatus;
import dev.horizon.domain.order.OrderType;
import dev.horizon.domain.order.TimeInForce;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The simulated venue: decides whether an order is accepted and how open orders fill, on a
 * {@link PaperAccount}. Pure rules — no I/O, no clock, no locking; the caller supplies quotes and
 * the time.
 *
 * <p><b>The step.</b> An open order takes at most one step per quote: whenever the account is
 * observed, each open order whose symbol has a valid quote stamped later than the one it last
 * stepped on is matched against it once. Acceptance is itself the first step, against the quote
 * the order was validated on. A step fills the whole remainder, or — with partial fills on — at
 * most the configured fraction of the displayed size, floored to the order quantity's decimals.
 * So polling the same quote repeatedly never consumes its liquidity twice, and an order fills
 * further only as the market moves on.
 *
 * <p><b>Buying power</b> (a cash account, no margin) is cash minus what open buys have reserved:
 * their remaining quantity at their reserve price plus the fee that would add. A fill that would
 * leave cash below the other open buys' reservations — a market order whose price ran away —
 * cancels that order's remainder instead.
 */
final class PaperExchange {

    private final PaperPricing pricing;
    private final boolean allowShort;
    private final BigDecimal partialFillFraction;

    PaperExchange(PaperBrokerConfig config) {
        this.pricing = new PaperPricing(config.feeBps(), config.minFee(), config.slippageBps());
        this.allowShort = config.allowShort();
        this.partialFillFraction = config.partialFillFraction();
    }

    /**
     * Validates {@code intent} against {@code quote} and the account, accepts it and takes its
     * first step. Immediate-or-cancel orders have their unfilled remainder canceled at once.
     *
     * @param quote the latest quote of the intent's symbol, or {@code null} if there is none
     * @throws OrderRejectedException when a real broker would refuse it; the account is unchanged
     */
    Order accept(PaperAccount account, Order intent, Quote quote, Instant now) {
        Symbol symbol = intent.symbol();
        String id = intent.clientOrderId().value();
        if (quote == null) {
            throw new OrderRejectedException("order " + id + " rejected: unknown symbol " + symbol + " (no quote)");
        }
        if (!quote.isValid()) {
            throw new OrderRejectedException("order " + id + " rejected: no tradable quote for " + symbol
                    + " (bid " + quote.bid() + ", ask " + quote.ask() + ")");
        }
        BigDecimal marketPrice = pricing.fillPrice(intent.side(), quote);
        if (marketPrice.signum() <= 0) {
            throw new OrderRejectedException("order " + id + " rejected: " + symbol + " trades below the minimum tick");
        }
        BigDecimal reservePrice = intent.type() == OrderType.LIMIT && intent.side() == OrderSide.BUY
                ? intent.limitPrice() : marketPrice;
        if (intent.side() == OrderSide.BUY) {
            BigDecimal needed = reservation(intent.quantity(), reservePrice, BigDecimal.ZERO, BigDecimal.ZERO);
            BigDecimal buyingPower = buyingPower(account);
            if (needed.compareTo(buyingPower) > 0) {
                throw new OrderRejectedException("order " + id + " rejected: insufficient buying power to buy "
                        + intent.quantity().toPlainString() + " " + symbol + ": needs " + needed.toPlainString()
                        + ", buying power " + buyingPower.toPlainString());
            }
        } else if (!allowShort) {
            BigDecimal available = account.quantity(symbol).subtract(openSellQuantity(account, symbol));
            if (intent.quantity().compareTo(available) > 0) {
                throw new OrderRejectedException("order " + id + " rejected: cannot sell "
                        + intent.quantity().toPlainString() + " " + symbol + " with "
                        + available.max(BigDecimal.ZERO).toPlainString() + " available (short selling is off)");
            }
        }
        Order placed = new Order(intent.clientOrderId(), symbol, intent.side(), intent.type(), intent.quantity(),
                intent.limitPrice(), intent.timeInForce(), OrderStatus.NEW, account.takeOrderId(), BigDecimal.ZERO,
                null, now, now, null)
                .transitionTo(OrderStatus.SUBMITTED, now)
                .transitionTo(OrderStatus.ACCEPTED, now);
        WorkingOrder working = step(account, WorkingOrder.accepted(placed, reservePrice), quote, now);
        if (working.isOpen() && intent.timeInForce() == TimeInForce.IOC) {
            working = working.transitionTo(OrderStatus.CANCELED, now, "immediate-or-cancel remainder canceled");
        }
        account.put(working);
        return working.order();
    }

    /**
     * Steps every open order on its symbol's quote (see the class notes), expiring day orders
     * from an earlier session day first.
     *
     * @return whether anything changed
     */
    boolean process(PaperAccount account, Map<Symbol, Quote> quotes, Instant now, MarketCalendar calendar) {
        boolean changed = false;
        for (WorkingOrder working : List.copyOf(account.openOrders())) {
            Order order = working.order();
            if (order.timeInForce() == TimeInForce.DAY
                    && calendar.sessionDay(now).isAfter(calendar.sessionDay(order.createdAt()))) {
                account.put(working.transitionTo(OrderStatus.EXPIRED, now, "day order expired at the end of its session"));
                changed = true;
                continue;
            }
            Quote quote = quotes.get(order.symbol());
            if (quote == null || !quote.isValid()
                    || (working.lastQuoteTime() != null && !quote.time().isAfter(working.lastQuoteTime()))) {
                continue;
            }
            account.put(step(account, working, quote, now));
            changed = true;
        }
        return changed;
    }

    /** Buying power of a cash account: cash less what open buys reserve, never negative. */
    BigDecimal buyingPower(PaperAccount account) {
        return account.cash().subtract(reservedByOpenBuys(account, null)).max(BigDecimal.ZERO);
    }

    /** Matches one order against one quote: fills what it can and books it. */
    private WorkingOrder step(PaperAccount account, WorkingOrder working, Quote quote, Instant now) {
        WorkingOrder stepped = working.steppedAt(quote.time());
        Order order = stepped.order();
        BigDecimal price = pricing.fillPrice(order.side(), quote);
        if (price.signum() <= 0 || !withinLimit(order, price)) {
            return stepped;
        }
        BigDecimal quantity = fillableQuantity(order, quote);
        if (quantity.signum() <= 0) {
            return stepped;
        }
        BigDecimal notional = quantity.multiply(price);
        BigDecimal fee = pricing.orderFee(stepped.filledNotional().add(notional)).subtract(stepped.feesCharged());
        BigDecimal cashDelta = order.side() == OrderSide.BUY ? notional.add(fee).negate() : notional.subtract(fee);
        BigDecimal reservedByOthers = reservedByOpenBuys(account, order);
        if (account.cash().add(cashDelta).compareTo(reservedByOthers) < 0) {
            return stepped.transitionTo(OrderStatus.CANCELED, now, "insufficient buying power at fill price "
                    + price.toPlainString());
        }
        if (order.side() == OrderSide.SELL && !allowShort
                && quantity.compareTo(account.quantity(order.symbol())) > 0) {
            return stepped.transitionTo(OrderStatus.CANCELED, now, "insufficient position to sell "
                    + quantity.toPlainString() + " " + order.symbol());
        }
        Fill fill = new Fill(account.takeFillId(), order.clientOrderId(), order.symbol(), order.side(), quantity,
                price, fee, now);
        account.book(fill);
        return stepped.withFill(fill);
    }

    private static boolean withinLimit(Order order, BigDecimal price) {
        if (order.type() != OrderType.LIMIT) {
            return true;
        }
        int cmp = price.compareTo(order.limitPrice());
        return order.side() == OrderSide.BUY ? cmp <= 0 : cmp >= 0;
    }

    private BigDecimal fillableQuantity(Order order, Quote quote) {
        BigDecimal remaining = order.remainingQuantity();
        if (partialFillFraction == null) {
            return remaining;
        }
        double displayed = order.side() == OrderSide.BUY ? quote.askSize() : quote.bidSize();
        if (!Double.isFinite(displayed) || displayed <= 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal available = partialFillFraction.multiply(PaperPricing.decimal(displayed))
                .setScale(Math.max(0, order.quantity().scale()), RoundingMode.FLOOR);
        return remaining.min(available);
    }

    /** What open buys other than {@code except} hold back from cash. */
    private BigDecimal reservedByOpenBuys(PaperAccount account, Order except) {
        BigDecimal total = BigDecimal.ZERO;
        for (WorkingOrder w : account.openOrders()) {
            if (w.isOpenBuy() && (except == null || !w.order().clientOrderId().equals(except.clientOrderId()))) {
                total = total.add(reservation(w.order().remainingQuantity(), w.reservePrice(), w.filledNotional(),
                        w.feesCharged()));
            }
        }
        return total;
    }

    /** Cost of filling {@code remaining} at {@code price}, with the extra fee that would bring. */
    private BigDecimal reservation(BigDecimal remaining, BigDecimal price, BigDecimal filledNotional,
                                   BigDecimal feesCharged) {
        BigDecimal notional = remaining.multiply(price);
        return notional.add(pricing.orderFee(filledNotional.add(notional)).subtract(feesCharged));
    }

    private static BigDecimal openSellQuantity(PaperAccount account, Symbol symbol) {
        BigDecimal total = BigDecimal.ZERO;
        for (WorkingOrder w : account.openOrders()) {
            if (w.isOpenSell() && w.order().symbol().equals(symbol)) {
                total = total.add(w.order().remainingQuantity());
            }
        }
        return total;
    }
}
