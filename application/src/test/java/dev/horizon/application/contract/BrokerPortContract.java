package dev.horizon.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.horizon.application.port.BrokerAccount;
import dev.horizon.application.port.BrokerPort;
import dev.horizon.application.port.BrokerPosition;
import dev.horizon.application.port.OrderNotFoundException;
import dev.horizon.application.port.OrderRejectedException;
import dev.horizon.domain.market.Symbol;
import dev.horizon.domain.order.ClientOrderId;
import dev.horizon.domain.order.Fill;
import dev.horizon.domain.order.Order;
import dev.horizon.domain.order.OrderSide;
import dev.horizon.domain.order.OrderStatus;
import dev.horizon.domain.order.OrderType;
import dev.horizon.domain.order.TimeInForce;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link BrokerPort} adapter must have, as an abstract JUnit 5 class.
 *
 * <p>An adapter's test extends this class and provides a fresh account ({@link #createBroker()})
 * plus the hooks the contract needs to drive the market around it: {@link #setQuote} (the price
 * the broker will trade at) and {@link #letTimePass()} (whatever lets pending orders progress —
 * advancing a simulated clock, scripting the next response of a mock server). Every test starts
 * from a fresh account with {@link #symbol()} quoted at 99.95 / 100.05 and {@link #otherSymbol()}
 * at 399.90 / 400.10.
 *
 * <p>Asynchronous brokers are polled, never timed: {@link #awaitOrder} calls
 * {@link BrokerPort#orderByClientId} up to {@link #maxPolls()} times with {@link #letTimePass()}
 * between attempts.
 */
public abstract class BrokerPortContract {

    /** Intent creation time: engine-side only, the broker's clock rules its own timestamps. */
    protected static final Instant INTENT_TIME = Instant.parse("2024-01-02T15:00:00Z");

    private static final BigDecimal BID = new BigDecimal("99.95");
    private static final BigDecimal ASK = new BigDecimal("100.05");
    private static final BigDecimal OTHER_BID = new BigDecimal("399.90");
    private static final BigDecimal OTHER_ASK = new BigDecimal("400.10");

    /** The broker under test, fresh for every test. */
    protected BrokerPort broker;

    private long nextCycle;

    /**
     * A broker over a fresh account holding {@link #initialCash()} and no positions, orders or
     * fills. Called before each test.
     */
    protected abstract BrokerPort createBroker() throws Exception;

    /** The cash of the fresh account that {@link #createBroker()} returns. */
    protected abstract BigDecimal initialCash();

    /** Makes {@code symbol} trade at {@code bid} / {@code ask} from now on. */
    protected abstract void setQuote(Symbol symbol, BigDecimal bid, BigDecimal ask);

    /** Lets pending orders progress (one step of the broker's market); nothing by default. */
    protected void letTimePass() {
        // an immediate broker needs no time to pass
    }

    /** Releases what {@link #createBroker()} opened; nothing by default. */
    protected void closeBroker() throws Exception {
        // nothing to release by default
    }

    /** Whether the account may sell what it does not hold; if so the short-sale refusal is skipped. */
    protected boolean allowsShortSelling() {
        return false;
    }

    /** A well-formed symbol the broker does not trade, or empty to skip that refusal. */
    protected Optional<Symbol> unknownSymbol() {
        return Optional.of(Symbol.of("ZZNOQUOTE"));
    }

    /** How many times an order is polled before the contract gives up waiting for it. */
    protected int maxPolls() {
        return 100;
    }

    /** The main traded symbol. */
    protected Symbol symbol() {
        return Symbol.of("AAPL");
    }

    /** A second traded symbol that sorts after {@link #symbol()}. */
    protected Symbol otherSymbol() {
        return Symbol.of("MSFT");
    }

    @BeforeEach
    final void openFreshAccount() throws Exception {
        broker = createBroker();
        setQuote(symbol(), BID, ASK);
        setQuote(otherSymbol(), OTHER_BID, OTHER_ASK);
    }

    @AfterEach
    final void releaseBroker() throws Exception {
        closeBroker();
    }

    // ---------------------------------------------------------------- account

    @Test
    void fresh_account_is_flat_with_its_initial_cash() {
        BrokerAccount account = broker.account();

        assertThat(account.cash()).isEqualByComparingTo(initialCash());
        assertThat(account.equity()).isEqualByComparingTo(initialCash());
        assertThat(account.buyingPower().signum()).isPositive();
        assertThat(broker.positions()).isEmpty();
        assertThat(broker.openOrders()).isEmpty();
        assertThat(broker.fillsSince(Instant.EPOCH)).isEmpty();
    }

    // ---------------------------------------------------------------- submit and fill

    @Test
    void market_buy_is_acknowledged_then_fills_completely() {
        Order intent = marketOrder(symbol(), OrderSide.BUY, "10");

        Order ack = broker.submit(intent);

        assertThat(ack.clientOrderId()).isEqualTo(intent.clientOrderId());
        assertThat(ack.symbol()).isEqualTo(symbol());
        assertThat(ack.side()).isEqualTo(OrderSide.BUY);
        assertThat(ack.type()).isEqualTo(OrderType.MARKET);
        assertThat(ack.quantity()).isEqualByComparingTo("10");
        assertThat(ack.status()).isIn(OrderStatus.SUBMITTED, OrderStatus.ACCEPTED,
                OrderStatus.PARTIALLY_FILLED, OrderStatus.FILLED);
        assertThat(ack.brokerOrderId()).isNotBlank();

        Order done = awaitTerminal(intent.clientOrderId());

        assertThat(done.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(done.filledQuantity()).isEqualByComparingTo("10");
        List<Fill> fills = fillsOf(intent.clientOrderId());
        assertThat(fills).isNotEmpty().allSatisfy(f -> {
            assertThat(f.symbol()).isEqualTo(symbol());
            assertThat(f.side()).isEqualTo(OrderSide.BUY);
        });
        assertThat(sumQuantity(fills)).isEqualByComparingTo("10");
        assertThat(done.averageFillPrice()).isCloseTo(vwap(fills), Offset.offset(new BigDecimal("0.000001")));
    }

    @Test
    void fills_change_cash_and_positions_by_exactly_their_amounts_fees_included() {
        BigDecimal cashBefore = broker.account().cash();
        Order buy = marketOrder(symbol(), OrderSide.BUY, "10");
        broker.submit(buy);
        assertThat(awaitTerminal(buy.clientOrderId()).status()).isEqualTo(OrderStatus.FILLED);
        Order sell = marketOrder(symbol(), OrderSide.SELL, "4");
        broker.submit(sell);
        assertThat(awaitTerminal(sell.clientOrderId()).status()).isEqualTo(OrderStatus.FILLED);

        List<Fill> fills = broker.fillsSince(Instant.EPOCH);

        BigDecimal cashDelta = fills.stream().map(Fill::cashDelta).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(broker.account().cash()).isEqualByComparingTo(cashBefore.add(cashDelta));
        assertThat(cashDelta.negate()).as("a round trip costs at least what was bought net of what was sold")
                .isGreaterThan(BigDecimal.ZERO);
        List<BrokerPosition> positions = broker.positions();
        assertThat(positions).hasSize(1);
        assertThat(positions.get(0).symbol()).isEqualTo(symbol());
        assertThat(positions.get(0).quantity()).isEqualByComparingTo("6");
        List<Fill> buys = fills.stream().filter(f -> f.side() == OrderSide.BUY).toList();
        assertThat(positions.get(0).averageEntryPrice())
                .isCloseTo(vwap(buys), Offset.offset(new BigDecimal("0.000001")));
    }

    @Test
    void positions_are_sorted_by_symbol_and_omit_flat_symbols() {
        fill(marketOrder(otherSymbol(), OrderSide.BUY, "2"));
        fill(marketOrder(symbol(), OrderSide.BUY, "3"));

        assertThat(broker.positions()).extracting(BrokerPosition::symbol).containsExactly(symbol(), otherSymbol());

        fill(marketOrder(symbol(), OrderSide.SELL, "3"));

        assertThat(broker.positions()).extracting(BrokerPosition::symbol).containsExactly(otherSymbol());
        assertThat(broker.positions().get(0).quantity()).isEqualByComparingTo("2");
    }

    // ---------------------------------------------------------------- idempotency

    @Test
    void duplicate_client_order_id_of_a_filled_order_returns_the_original_and_places_nothing() {
        Order original = marketOrder(symbol(), OrderSide.BUY, "5");
        fill(original);
        BigDecimal cash = broker.account().cash();
        int fillCount = broker.fillsSince(Instant.EPOCH).size();
        Order replay = Order.intent(original.clientOrderId(), symbol(), OrderSide.BUY, OrderType.MARKET,
                new BigDecimal("7"), null, TimeInForce.DAY, INTENT_TIME);

        Order answer = broker.submit(replay);
        letTimePass();

        assertThat(answer.clientOrderId()).isEqualTo(original.clientOrderId());
        assertThat(answer.quantity()).isEqualByComparingTo("5");
        assertThat(answer.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(broker.fillsSince(Instant.EPOCH)).hasSize(fillCount);
        assertThat(broker.account().cash()).isEqualByComparingTo(cash);
        assertThat(position(symbol())).isEqualByComparingTo("5");
    }

    @Test
    void duplicate_client_order_id_of_an_open_order_returns_the_original_and_places_nothing() {
        Order resting = restingBuy(symbol(), "3");
        Order first = broker.submit(resting);
        Order replay = Order.intent(resting.clientOrderId(), symbol(), OrderSide.BUY, OrderType.MARKET,
                new BigDecimal("9"), null, TimeInForce.DAY, INTENT_TIME);

        Order answer = broker.submit(replay);
        letTimePass();

        assertThat(answer.clientOrderId()).isEqualTo(resting.clientOrderId());
        assertThat(answer.type()).isEqualTo(OrderType.LIMIT);
        assertThat(answer.quantity()).isEqualByComparingTo("3");
        assertThat(answer.brokerOrderId()).isEqualTo(first.brokerOrderId());
        assertThat(broker.openOrders()).extracting(Order::clientOrderId).containsExactly(resting.clientOrderId());
        assertThat(broker.fillsSince(Instant.EPOCH)).isEmpty();
        assertThat(broker.positions()).isEmpty();
    }

    // ---------------------------------------------------------------- lookups and cancels

    @Test
    void unknown_client_order_id_is_empty() {
        assertThat(broker.orderByClientId(new ClientOrderId("hz-never-1-AAPL-B"))).isEmpty();
    }

    @Test
    void cancel_of_an_unknown_order_throws_order_not_found() {
        assertThatThrownBy(() -> broker.cancel(new ClientOrderId("hz-never-2-AAPL-B")))
                .isInstanceOf(OrderNotFoundException.class)
                .hasMessageContaining("hz-never-2-AAPL-B");
    }

    @Test
    void cancel_of_a_terminal_order_is_a_no_op() {
        Order buy = marketOrder(symbol(), OrderSide.BUY, "1");
        fill(buy);

        broker.cancel(buy.clientOrderId());
        letTimePass();

        Order after = broker.orderByClientId(buy.clientOrderId()).orElseThrow();
        assertThat(after.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(after.filledQuantity()).isEqualByComparingTo("1");
        assertThat(position(symbol())).isEqualByComparingTo("1");
    }

    @Test
    void cancel_of_an_open_order_ends_it_canceled_and_a_second_cancel_is_a_no_op() {
        Order resting = restingBuy(symbol(), "2");
        broker.submit(resting);

        broker.cancel(resting.clientOrderId());
        Order canceled = awaitTerminal(resting.clientOrderId());
        broker.cancel(resting.clientOrderId());

        assertThat(canceled.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(broker.orderByClientId(resting.clientOrderId()).orElseThrow().status())
                .isEqualTo(OrderStatus.CANCELED);
        assertThat(broker.openOrders()).isEmpty();
        assertThat(broker.fillsSince(Instant.EPOCH)).isEmpty();
    }

    @Test
    void open_orders_lists_exactly_the_non_terminal_orders() {
        Order restingA = restingBuy(symbol(), "1");
        Order restingB = restingBuy(otherSymbol(), "1");
        Order filled = marketOrder(symbol(), OrderSide.BUY, "1");
        Order canceled = restingBuy(symbol(), "2");
        broker.submit(restingA);
        broker.submit(restingB);
        fill(filled);
        broker.submit(canceled);
        broker.cancel(canceled.clientOrderId());
        awaitTerminal(canceled.clientOrderId());

        List<Order> open = broker.openOrders();

        assertThat(open).extracting(Order::clientOrderId)
                .containsExactlyInAnyOrder(restingA.clientOrderId(), restingB.clientOrderId());
        assertThat(open).allSatisfy(o -> assertThat(o.status().isTerminal()).isFalse());
    }

    // ---------------------------------------------------------------- refusals

    @Test
    void buy_beyond_buying_power_is_rejected_and_places_nothing() {
        BigDecimal tooMany = broker.account().buyingPower()
                .divide(ASK, 0, RoundingMode.CEILING).multiply(BigDecimal.valueOf(2)).add(BigDecimal.ONE);
        Order intent = marketOrder(symbol(), OrderSide.BUY, tooMany.toPlainString());

        assertRejectedWithoutEffect(intent);
    }

    @Test
    void sell_of_shares_not_held_is_rejected_when_shorting_is_not_allowed() {
        assumeThat(allowsShortSelling()).as("broker allows short selling").isFalse();
        fill(marketOrder(symbol(), OrderSide.BUY, "2"));

        assertRejectedWithoutEffect(marketOrder(symbol(), OrderSide.SELL, "3"));
        assertRejectedWithoutEffect(marketOrder(otherSymbol(), OrderSide.SELL, "1"));
    }

    @Test
    void order_for_an_unknown_symbol_is_rejected() {
        Optional<Symbol> unknown = unknownSymbol();
        assumeThat(unknown).as("adapter names an untradable symbol").isPresent();

        assertRejectedWithoutEffect(marketOrder(unknown.get(), OrderSide.BUY, "1"));
    }

    // ---------------------------------------------------------------- fills

    @Test
    void fills_since_are_oldest_first_with_unique_ids_and_respect_the_bound() {
        fill(marketOrder(symbol(), OrderSide.BUY, "1"));
        letTimePass();
        fill(marketOrder(otherSymbol(), OrderSide.BUY, "1"));
        letTimePass();
        fill(marketOrder(symbol(), OrderSide.SELL, "1"));

        List<Fill> all = broker.fillsSince(Instant.EPOCH);

        assertThat(all).hasSizeGreaterThanOrEqualTo(3);
        assertThat(all).extracting(Fill::time).isSorted();
        Set<String> ids = new HashSet<>();
        assertThat(all).allSatisfy(f -> assertThat(ids.add(f.fillId())).as("fill id %s unique", f.fillId()).isTrue());
        Instant bound = all.get(all.size() - 1).time();
        List<Fill> expected = all.stream().filter(f -> !f.time().isBefore(bound)).toList();
        assertThat(broker.fillsSince(bound)).containsExactlyElementsOf(expected);
        assertThat(broker.fillsSince(bound.plusSeconds(1))).isEmpty();
    }

    // ---------------------------------------------------------------- helpers for subclasses too

    /** A DAY market order intent with a fresh client order id. */
    protected Order marketOrder(Symbol symbol, OrderSide side, String quantity) {
        return Order.intent(nextId(symbol, side), symbol, side, OrderType.MARKET, new BigDecimal(quantity),
                null, TimeInForce.DAY, INTENT_TIME);
    }

    /** A GTC limit buy at half the bid: accepted, but it cannot fill at the contract's quotes. */
    protected Order restingBuy(Symbol symbol, String quantity) {
        BigDecimal limit = symbol.equals(otherSymbol()) ? new BigDecimal("200.00") : new BigDecimal("50.00");
        return Order.intent(nextId(symbol, OrderSide.BUY), symbol, OrderSide.BUY, OrderType.LIMIT,
                new BigDecimal(quantity), limit, TimeInForce.GTC, INTENT_TIME);
    }

    /** A fresh, well-formed client order id. */
    protected ClientOrderId nextId(Symbol symbol, OrderSide side) {
        return ClientOrderId.of("contract", nextCycle++, symbol, side);
    }

    /** Submits {@code intent} and waits until it is filled. */
    protected Order fill(Order intent) {
        broker.submit(intent);
        Order done = awaitTerminal(intent.clientOrderId());
        assertThat(done.status()).as("order %s", intent.clientOrderId()).isEqualTo(OrderStatus.FILLED);
        return done;
    }

    /** Polls the order until it is terminal. */
    protected Order awaitTerminal(ClientOrderId id) {
        return awaitOrder(id, o -> o.status().isTerminal());
    }

    /** Polls the order, letting time pass between polls, until {@code done} holds. */
    protected Order awaitOrder(ClientOrderId id, Predicate<Order> done) {
        Order last = null;
        for (int i = 0; i < maxPolls(); i++) {
            Optional<Order> seen = broker.orderByClientId(id);
            if (seen.isPresent()) {
                last = seen.get();
                if (done.test(last)) {
                    return last;
                }
            }
            letTimePass();
        }
        return fail("order " + id + " did not reach the awaited state after " + maxPolls() + " polls; last seen " + last);
    }

    /** The signed quantity held in {@code symbol} (zero when flat). */
    protected BigDecimal position(Symbol symbol) {
        return broker.positions().stream().filter(p -> p.symbol().equals(symbol))
                .map(BrokerPosition::quantity).findFirst().orElse(BigDecimal.ZERO);
    }

    /** The fills of one order. */
    protected List<Fill> fillsOf(ClientOrderId id) {
        return broker.fillsSince(Instant.EPOCH).stream().filter(f -> f.clientOrderId().equals(id))
                .collect(Collectors.toList());
    }

    private void assertRejectedWithoutEffect(Order intent) {
        BigDecimal cash = broker.account().cash();
        List<BrokerPosition> positions = broker.positions();
        List<ClientOrderId> open = broker.openOrders().stream().map(Order::clientOrderId).toList();
        int fills = broker.fillsSince(Instant.EPOCH).size();

        assertThatThrownBy(() -> broker.submit(intent)).isInstanceOf(OrderRejectedException.class)
                .hasMessageContaining(intent.symbol().value());
        letTimePass();

        Optional<Order> seen = broker.orderByClientId(intent.clientOrderId());
        seen.ifPresent(o -> {
            assertThat(o.status()).isEqualTo(OrderStatus.REJECTED);
            assertThat(o.filledQuantity()).isEqualByComparingTo(BigDecimal.ZERO);
        });
        assertThat(broker.account().cash()).isEqualByComparingTo(cash);
        assertThat(broker.positions()).isEqualTo(positions);
        assertThat(broker.openOrders()).extracting(Order::clientOrderId).containsExactlyElementsOf(open);
        assertThat(broker.fillsSince(Instant.EPOCH)).hasSize(fills);
    }

    private static BigDecimal sumQuantity(List<Fill> fills) {
        return fills.stream().map(Fill::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal vwap(List<Fill> fills) {
        BigDecimal notional = fills.stream().map(Fill::notional).reduce(BigDecimal.ZERO, BigDecimal::add);
        return notional.divide(sumQuantity(fills), 10, RoundingMode.HALF_EVEN);
    }
}
