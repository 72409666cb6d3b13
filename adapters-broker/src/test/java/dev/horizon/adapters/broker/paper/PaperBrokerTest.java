package dev.horizon.adapters.broker.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.horizon.application.contract.BrokerPortContract;
import dev.horizon.application.port.BrokerAccount;
import dev.horizon.application.port.BrokerPort;
import dev.horizon.application.port.BrokerPosition;
import dev.horizon.application.port.BrokerUnavailableException;
import dev.horizon.application.port.OrderRejectedException;
import dev.horizon.application.time.SimulatedClock;
import dev.horizon.domain.market.MarketCalendar;
import dev.horizon.domain.market.Symbol;
import dev.horizon.domain.order.ClientOrderId;
import dev.horizon.domain.order.Fill;
import dev.horizon.domain.order.Order;
import dev.horizon.domain.order.OrderSide;
import dev.horizon.domain.order.OrderStatus;
import dev.horizon.domain.order.OrderType;
import dev.horizon.domain.order.TimeInForce;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The paper broker in memory: the port contract (with 1 bp fee and 5 bp slippage), then its own
 * arithmetic, steps and refusals, to the cent.
 */
class PaperBrokerTest extends BrokerPortContract {

    private static final Symbol AAPL = Symbol.of("AAPL");
    private static final Symbol BTC = Symbol.of("BTC/USD");
    private static final Instant START = Instant.parse("2024-01-02T15:00:00Z");

    private SimulatedClock clock;
    private FakeMarketData feed;

    @Override
    protected BrokerPort createBroker() {
        clock = new SimulatedClock(START, MarketCalendar.usEquities(Set.of()));
        feed = new FakeMarketData(clock);
        return new PaperBroker(config(), feed, clock);
    }

    @Override
    protected BigDecimal initialCash() {
        return new BigDecimal("100000");
    }

    @Override
    protected void setQuote(Symbol symbol, BigDecimal bid, BigDecimal ask) {
        feed.quote(symbol.value(), bid.doubleValue(), ask.doubleValue());
    }

    @Override
    protected void letTimePass() {
        tick();
    }

    /** 100,000 cash, 1 bp fee, no minimum, 5 bp slippage, no shorting, complete fills. */
    private PaperBrokerConfig config() {
        return PaperBrokerConfig.of(initialCash()).withFees(bd("1"), BigDecimal.ZERO).withSlippageBps(bd("5"));
    }

    private PaperBroker paper(PaperBrokerConfig config) {
        return new PaperBroker(config, feed, clock);
    }

    private void tick() {
        clock.set(clock.now().plusSeconds(1));
        feed.restamp();
    }

    // ---------------------------------------------------------------- fill arithmetic

    @Test
    void market_buy_pays_ask_plus_slippage_rounded_up_to_the_cent_and_fee_on_notional() {
        PaperBroker paper = paper(config());

        Order done = paper.submit(marketOrder(AAPL, OrderSide.BUY, "10"));

        // 100.05 × 1.0005 = 100.100025 → 100.11 (buys round up); 10 × 100.11 = 1001.10; 1 bp = 0.10011 → 0.10
        assertThat(done.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(done.averageFillPrice()).isEqualByComparingTo("100.11");
        Fill fill = paper.fillsSince(Instant.EPOCH).get(0);
        assertThat(fill.price()).isEqualTo(bd("100.11"));
        assertThat(fill.quantity()).isEqualByComparingTo("10");
        assertThat(fill.fee()).isEqualTo(bd("0.10"));
        assertThat(fill.time()).isEqualTo(START);
        assertThat(paper.account().cash()).isEqualByComparingTo("98998.80");
        assertThat(paper.positions()).containsExactly(new BrokerPosition(AAPL, bd("10"), bd("100.11")));
    }

    @Test
    void market_sell_gets_bid_less_slippage_rounded_down_to_the_cent_less_fee() {
        PaperBroker paper = paper(config());
        paper.submit(marketOrder(AAPL, OrderSide.BUY, "10"));

        paper.submit(marketOrder(AAPL, OrderSide.SELL, "10"));

        // 99.95 × 0.9995 = 99.900025 → 99.90 (sells round down); 999.00 notional; 1 bp = 0.0999 → 0.10
        Fill sell = paper.fillsSince(Instant.EPOCH).get(1);
        assertThat(sell.price()).isEqualTo(bd("99.90"));
        assertThat(sell.fee()).isEqualTo(bd("0.10"));
        assertThat(paper.account().cash()).isEqualByComparingTo("99997.70");
        assertThat(paper.positions()).isEmpty();
    }

    @Test
    void fee_is_rounded_to_the_cent_half_up() {
        feed.quote("AAPL", 99.95, 100.05);
        PaperBroker paper = paper(PaperBrokerConfig.of(initialCash()).withFees(bd("1"), BigDecimal.ZERO));

        paper.submit(marketOrder(AAPL, OrderSide.BUY, "5"));   // 500.25 × 1 bp = 0.050025 → 0.05
        paper.submit(marketOrder(AAPL, OrderSide.BUY, "15"));  // 1500.75 × 1 bp = 0.150075 → 0.15

        assertThat(paper.fillsSince(Instant.EPOCH)).extracting(Fill::fee).containsExactly(bd("0.05"), bd("0.15"));
        assertThat(paper.account().cash()).isEqualByComparingTo("97998.80"); // 100000 − 2001.00 − 0.20
    }

    @Test
    void minimum_fee_applies_per_order() {
        PaperBroker paper = paper(config().withFees(bd("1"), bd("1.00")));

        paper.submit(marketOrder(AAPL, OrderSide.BUY, "10"));

        assertThat(paper.fillsSince(Instant.EPOCH).get(0).fee()).isEqualTo(bd("1.00"));
        assertThat(paper.account().cash()).isEqualByComparingTo("98997.90"); // 100000 − 1001.10 − 1.00
    }

    @Test
    void fill_price_rounds_to_the_tick_against_the_trader_four_decimals_below_one_dollar() {
        feed.quote("PENNY", 0.5121, 0.5123);
        feed.quote("EDGE", 0.9990, 0.9999);
        PaperBroker paper = paper(config());

        paper.submit(marketOrder(Symbol.of("PENNY"), OrderSide.BUY, "1000"));
        paper.submit(marketOrder(Symbol.of("PENNY"), OrderSide.SELL, "1000"));
        paper.submit(marketOrder(Symbol.of("EDGE"), OrderSide.BUY, "1"));

        // 0.5123 × 1.0005 = 0.51255615 → 0.5126; 0.5121 × 0.9995 = 0.51184395 → 0.5118;
        // 0.9999 × 1.0005 = 1.00039995 is at least $1, so it goes on the cent tick: 1.01
        assertThat(paper.fillsSince(Instant.EPOCH)).extracting(Fill::price)
                .containsExactly(bd("0.5126"), bd("0.5118"), bd("1.01"));
    }

    @Test
    void equity_marks_positions_at_the_mid_and_buying_power_is_cash() {
        PaperBroker paper = paper(config());
        paper.submit(marketOrder(AAPL, OrderSide.BUY, "10"));

        BrokerAccount account = paper.account();

        assertThat(account.cash()).isEqualByComparingTo("98998.80");
        assertThat(account.equity()).isEqualByComparingTo("99998.80"); // + 10 × mid 100.00
        assertThat(account.buyingPower()).isEqualByComparingTo("98998.80");
    }

    @Test
    void position_average_entry_is_the_volume_weighted_buy_price_and_selling_keeps_it() {
        PaperBroker paper = paper(PaperBrokerConfig.of(initialCash()));
        paper.submit(marketOrder(AAPL, OrderSide.BUY, "10"));   // at 100.05
        feed.quote("AAPL", 100.95, 101.05);
        paper.submit(marketOrder(AAPL, OrderSide.BUY, "30"));   // at 101.05
        paper.submit(marketOrder(AAPL, OrderSide.SELL, "5"));   // at 100.95

        // (10 × 100.05 + 30 × 101.05) / 40 = 100.80
        assertThat(paper.positions()).singleElement().satisfies(p -> {
            assertThat(p.quantity()).isEqualByComparingTo("35");
            assertThat(p.averageEntryPrice()).isEqualByComparingTo("100.80");
        });
    }

    // ---------------------------------------------------------------- limit orders

    @Test
    void marketable_limit_buy_fills_at_the_market_price_when_within_the_limit() {
        PaperBroker paper = paper(config());

        Order done = paper.submit(limitOrder(AAPL, OrderSide.BUY, "10", "100.20", TimeInForce.DAY));

        assertThat(done.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(done.averageFillPrice()).isEqualByComparingTo("100.11");
    }

    @Test
    void limit_buy_below_the_fill_price_rests_until_the_market_comes_to_it() {
        PaperBroker paper = paper(config());
        Order intent = limitOrder(AAPL, OrderSide.BUY, "10", "100.10", TimeInForce.DAY);

        Order ack = paper.submit(intent);   // 100.11 > 100.10: no fill
        tick();
        Order stillOpen = paper.orderByClientId(intent.clientOrderId()).orElseThrow();
        clock.set(clock.now().plusSeconds(1));
        feed.quote("AAPL", 99.90, 100.00);  // 100.00 × 1.0005 = 100.05 ≤ 100.10
        Order done = paper.orderByClientId(intent.clientOrderId()).orElseThrow();

        assertThat(ack.status()).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(stillOpen.status()).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(stillOpen.filledQuantity()).isEqualByComparingTo("0");
        assertThat(done.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(done.averageFillPrice()).isEqualByComparingTo("100.05");
    }

    @Test
    void limit_sell_fills_only_at_or_above_its_limit() {
        PaperBroker paper = paper(config());
        paper.submit(marketOrder(AAPL, OrderSide.BUY, "20"));

        Order within = paper.submit(limitOrder(AAPL, OrderSide.SELL, "10", "99.90", TimeInForce.DAY));
        Order outside = paper.submit(limitOrder(AAPL, OrderSide.SELL, "10", "99.91", TimeInForce.DAY));

        assertThat(within.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(within.averageFillPrice()).isEqualByComparingTo("99.90");
        assertThat(outside.status()).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(outside.filledQuantity()).isEqualByComparingTo("0");
    }

    @Test
    void immediate_or_cancel_limit_outside_the_market_is_canceled_at_once() {
        PaperBroker paper = paper(config());

        Order ioc = paper.submit(limitOrder(AAPL, OrderSide.BUY, "10", "100.00", TimeInForce.IOC));

        assertThat(ioc.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(ioc.filledQuantity()).isEqualByComparingTo("0");
        assertThat(paper.openOrders()).isEmpty();
        assertThat(paper.account().buyingPower()).isEqualByComparingTo("100000");
    }

    @Test
    void day_order_expires_when_its_session_day_is_over_and_gtc_stays() {
        PaperBroker paper = paper(config());
        Order day = paper.submit(limitOrder(AAPL, OrderSide.BUY, "1", "90.00", TimeInForce.DAY));
        Order gtc = paper.submit(limitOrder(AAPL, OrderSide.BUY, "1", "90.00", TimeInForce.GTC));

        clock.set(Instant.parse("2024-01-03T15:00:00Z"));
        feed.restamp();

        assertThat(paper.orderByClientId(day.clientOrderId()).orElseThrow().status()).isEqualTo(OrderStatus.EXPIRED);
        assertThat(paper.openOrders()).extracting(Order::clientOrderId).containsExactly(gtc.clientOrderId());
    }

    @Test
    void open_orders_are_the_resting_ones_oldest_first_whatever_closed_in_between() {
        PaperBroker paper = paper(config());
        Order first = paper.submit(limitOrder(AAPL, OrderSide.BUY, "1", "90.00", TimeInForce.GTC));
        Order second = paper.submit(limitOrder(AAPL, OrderSide.BUY, "1", "91.00", TimeInForce.GTC));
        Order filled = paper.submit(limitOrder(AAPL, OrderSide.BUY, "1", "110.00", TimeInForce.GTC));
        Order third = paper.submit(limitOrder(AAPL, OrderSide.BUY, "1", "92.00", TimeInForce.GTC));
        paper.cancel(second.clientOrderId());
        Order fourth = paper.submit(limitOrder(AAPL, OrderSide.BUY, "1", "93.00", TimeInForce.GTC));

        assertThat(filled.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(paper.openOrders()).extracting(Order::clientOrderId)
                .containsExactly(first.clientOrderId(), third.clientOrderId(), fourth.clientOrderId());
        paper.cancel(first.clientOrderId());
        assertThat(paper.openOrders()).extracting(Order::clientOrderId)
                .containsExactly(third.clientOrderId(), fourth.clientOrderId());
    }

    // ---------------------------------------------------------------- partial fills

    @Test
    void partial_fills_take_a_fraction_of_displayed_size_per_quote_to_filled_with_exact_average() {
        feed.quote("AAPL", 99.90, 100.00, 20, 20);
        PaperBroker paper = paper(PaperBrokerConfig.of(initialCash()).withFees(bd("1"), BigDecimal.ZERO)
                .withPartialFills(bd("0.25")));
        Order intent = marketOrder(AAPL, OrderSide.BUY, "12");

        Order first = paper.submit(intent);                               // 5 @ 100.00 (a quarter of 20)
        Order samequote = paper.orderByClientId(intent.clientOrderId()).orElseThrow();
        clock.set(clock.now().plusSeconds(1));
        feed.quote("AAPL", 100.00, 100.10, 20, 20);
        Order second = paper.orderByClientId(intent.clientOrderId()).orElseThrow(); // 5 @ 100.10
        clock.set(clock.now().plusSeconds(1));
        feed.quote("AAPL", 100.10, 100.20, 20, 20);
        Order third = paper.orderByClientId(intent.clientOrderId()).orElseThrow();  // 2 @ 100.20

        assertThat(first.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(first.filledQuantity()).isEqualByComparingTo("5");
        assertThat(samequote.filledQuantity()).as("one step per quote").isEqualByComparingTo("5");
        assertThat(second.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(second.filledQuantity()).isEqualByComparingTo("10");
        assertThat(third.status()).isEqualTo(OrderStatus.FILLED);
        // (500.00 + 500.50 + 200.40) / 12 = 1200.90 / 12 = 100.075
        assertThat(third.averageFillPrice()).isEqualByComparingTo("100.075");
        List<Fill> fills = paper.fillsSince(Instant.EPOCH);
        assertThat(fills).extracting(Fill::quantity).containsExactly(bd("5"), bd("5"), bd("2"));
        // cumulative fee: 0.05 (500.00), 0.10 (1000.50), 0.12 (1200.90) → per fill 0.05, 0.05, 0.02
        assertThat(fills).extracting(Fill::fee).containsExactly(bd("0.05"), bd("0.05"), bd("0.02"));
        assertThat(paper.account().cash()).isEqualByComparingTo("98798.98"); // 100000 − 1200.90 − 0.12
        assertThat(paper.positions().get(0).averageEntryPrice()).isEqualByComparingTo("100.075");
    }

    @Test
    void minimum_fee_is_charged_once_per_order_across_partial_fills() {
        feed.quote("AAPL", 99.90, 100.00, 20, 20);
        PaperBroker paper = paper(PaperBrokerConfig.of(initialCash()).withFees(bd("1"), bd("1.00"))
                .withPartialFills(bd("0.25")));
        Order intent = marketOrder(AAPL, OrderSide.BUY, "10");

        paper.submit(intent);
        tick();
        Order done = paper.orderByClientId(intent.clientOrderId()).orElseThrow();

        assertThat(done.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(paper.fillsSince(Instant.EPOCH)).extracting(Fill::fee).containsExactly(bd("1.00"), bd("0.00"));
        assertThat(paper.account().cash()).isEqualByComparingTo("98999.00");
    }

    @Test
    void partial_fill_size_is_floored_to_the_order_quantity_decimals() {
        feed.quote("BTC/USD", 40000.00, 40000.50, 0.3, 0.3);
        PaperBroker paper = paper(PaperBrokerConfig.of(initialCash()).withPartialFills(bd("0.5")));
        Order intent = marketOrder(BTC, OrderSide.BUY, "0.25");

        paper.submit(intent);     // half of 0.3 = 0.15, kept to the order's two decimals; then the last 0.10
        tick();
        paper.orderByClientId(intent.clientOrderId());

        assertThat(paper.fillsSince(Instant.EPOCH)).extracting(Fill::quantity).containsExactly(bd("0.15"), bd("0.10"));
        assertThat(paper.orderByClientId(intent.clientOrderId()).orElseThrow().status()).isEqualTo(OrderStatus.FILLED);
    }

    @Test
    void partial_fills_of_whole_share_orders_stay_whole() {
        feed.quote("AAPL", 99.90, 100.00, 7, 7);
        PaperBroker paper = paper(PaperBrokerConfig.of(initialCash()).withPartialFills(bd("0.5")));

        Order first = paper.submit(marketOrder(AAPL, OrderSide.BUY, "10"));  // half of 7 = 3.5 → 3

        assertThat(first.filledQuantity()).isEqualTo(bd("3"));
    }

    @Test
    void cancel_of_a_partially_filled_order_keeps_what_filled() {
        feed.quote("AAPL", 99.90, 100.00, 20, 20);
        PaperBroker paper = paper(PaperBrokerConfig.of(initialCash()).withPartialFills(bd("0.25")));
        Order intent = marketOrder(AAPL, OrderSide.BUY, "12");
        paper.submit(intent);

        paper.cancel(intent.clientOrderId());
        tick();

        Order canceled = paper.orderByClientId(intent.clientOrderId()).orElseThrow();
        assertThat(canceled.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(canceled.filledQuantity()).isEqualByComparingTo("5");
        assertThat(paper.positions().get(0).quantity()).isEqualByComparingTo("5");
        assertThat(paper.account().cash()).isEqualByComparingTo("99500.00");
    }

    @Test
    void market_order_whose_price_runs_away_beyond_cash_is_canceled_not_overdrawn() {
        feed.quote("AAPL", 99.90, 100.00, 12, 12);
        PaperBroker paper = paper(PaperBrokerConfig.of(bd("1000")).withPartialFills(bd("0.25")));
        Order intent = marketOrder(AAPL, OrderSide.BUY, "9");
        paper.submit(intent);                     // 3 @ 100.00, cash 700.00
        clock.set(clock.now().plusSeconds(1));
        feed.quote("AAPL", 299.90, 300.00, 12, 12);  // 3 more would cost 900.00

        Order after = paper.orderByClientId(intent.clientOrderId()).orElseThrow();

        assertThat(after.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(after.statusReason()).contains("insufficient buying power");
        assertThat(after.filledQuantity()).isEqualByComparingTo("3");
        assertThat(paper.account().cash()).isEqualByComparingTo("700.00");
    }

    // ---------------------------------------------------------------- refusals

    @Test
    void buy_costing_exactly_the_cash_is_accepted_and_one_cent_more_is_rejected() {
        // 10 × 100.11 + 0.10 fee = 1001.20
        PaperBroker exactCash = paper(new PaperBrokerConfig(bd("1001.20"), bd("1"), BigDecimal.ZERO, bd("5"), false,
                null, null));
        PaperBroker short1Cent = paper(new PaperBrokerConfig(bd("1001.19"), bd("1"), BigDecimal.ZERO, bd("5"), false,
                null, null));

        Order ok = exactCash.submit(marketOrder(AAPL, OrderSide.BUY, "10"));

        assertThat(ok.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(exactCash.account().cash()).isEqualByComparingTo("0");
        assertThatThrownBy(() -> short1Cent.submit(marketOrder(AAPL, OrderSide.BUY, "10")))
                .isInstanceOf(OrderRejectedException.class)
                .hasMessageContaining("insufficient buying power")
                .hasMessageContaining("needs 1001.20")
                .hasMessageContaining("buying power 1001.19");
        assertThat(short1Cent.openOrders()).isEmpty();
        assertThat(short1Cent.account().cash()).isEqualByComparingTo("1001.19");
    }

    @Test
    void open_buys_reserve_buying_power() {
        PaperBroker paper = paper(PaperBrokerConfig.of(bd("10000")));
        paper.submit(limitOrder(AAPL, OrderSide.BUY, "150", "50.00", TimeInForce.GTC)); // reserves 7500.00

        assertThat(paper.account().buyingPower()).isEqualByComparingTo("2500.00");
        assertThatThrownBy(() -> paper.submit(marketOrder(AAPL, OrderSide.BUY, "25")))   // 2501.25
                .isInstanceOf(OrderRejectedException.class).hasMessageContaining("insufficient buying power");
        assertThat(paper.submit(marketOrder(AAPL, OrderSide.BUY, "24")).status()).isEqualTo(OrderStatus.FILLED);
    }

    @Test
    void sell_beyond_position_is_rejected_when_shorting_is_off_counting_open_sells() {
        PaperBroker paper = paper(config());
        paper.submit(marketOrder(AAPL, OrderSide.BUY, "10"));
        paper.submit(limitOrder(AAPL, OrderSide.SELL, "8", "200.00", TimeInForce.GTC));

        assertThatThrownBy(() -> paper.submit(marketOrder(AAPL, OrderSide.SELL, "3")))
                .isInstanceOf(OrderRejectedException.class)
                .hasMessage("order hz-contract-2-AAPL-S rejected: cannot sell 3 AAPL with 2 available (short selling is off)");
        assertThat(paper.submit(marketOrder(AAPL, OrderSide.SELL, "2")).status()).isEqualTo(OrderStatus.FILLED);
    }

    @Test
    void short_sale_is_allowed_when_configured_and_credits_the_proceeds() {
        PaperBroker paper = paper(PaperBrokerConfig.of(initialCash()).withShortSelling(true));

        Order sold = paper.submit(marketOrder(AAPL, OrderSide.SELL, "5"));

        assertThat(sold.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(paper.positions()).containsExactly(new BrokerPosition(AAPL, bd("-5"), bd("99.95")));
        assertThat(paper.account().cash()).isEqualByComparingTo("100499.75");   // + 5 × 99.95
        assertThat(paper.account().equity()).isEqualByComparingTo("99999.75");  // − 5 × mid 100.00
    }

    @Test
    void buying_through_a_short_reopens_long_at_the_fill_price() {
        PaperBroker paper = paper(PaperBrokerConfig.of(initialCash()).withShortSelling(true));
        paper.submit(marketOrder(AAPL, OrderSide.SELL, "5"));

        paper.submit(marketOrder(AAPL, OrderSide.BUY, "8"));

        assertThat(paper.positions()).containsExactly(new BrokerPosition(AAPL, bd("3"), bd("100.05")));
    }

    @Test
    void order_for_a_symbol_without_quote_is_rejected_naming_it() {
        PaperBroker paper = paper(config());

        assertThatThrownBy(() -> paper.submit(marketOrder(Symbol.of("NOPE"), OrderSide.BUY, "1")))
                .isInstanceOf(OrderRejectedException.class)
                .hasMessage("order hz-contract-0-NOPE-B rejected: unknown symbol NOPE (no quote)");
    }

    @Test
    void order_on_a_crossed_or_non_positive_quote_is_rejected() {
        feed.quote("CROSS", 101.00, 100.00);
        feed.quote("ZERO", 0.0, 0.0);
        PaperBroker paper = paper(config());

        assertThatThrownBy(() -> paper.submit(marketOrder(Symbol.of("CROSS"), OrderSide.BUY, "1")))
                .isInstanceOf(OrderRejectedException.class)
                .hasMessageContaining("no tradable quote for CROSS (bid 101.0, ask 100.0)");
        assertThatThrownBy(() -> paper.submit(marketOrder(Symbol.of("ZERO"), OrderSide.BUY, "1")))
                .isInstanceOf(OrderRejectedException.class).hasMessageContaining("no tradable quote for ZERO");
        assertThat(paper.orderByClientId(new ClientOrderId("hz-contract-0-CROSS-B"))).isEmpty();
    }

    @Test
    void duplicate_client_order_id_returns_the_original_even_with_other_terms() {
        PaperBroker paper = paper(config());
        Order original = marketOrder(AAPL, OrderSide.BUY, "10");
        Order first = paper.submit(original);

        Order again = paper.submit(Order.intent(original.clientOrderId(), Symbol.of("MSFT"), OrderSide.SELL,
                OrderType.MARKET, bd("99"), null, TimeInForce.DAY, START));

        assertThat(again).isEqualTo(first);
        assertThat(paper.fillsSince(Instant.EPOCH)).hasSize(1);
        assertThat(paper.account().cash()).isEqualByComparingTo("98998.80");
    }

    @Test
    void rejected_client_order_id_is_not_kept_so_it_can_be_used_again() {
        PaperBroker paper = paper(config());
        Order intent = marketOrder(AAPL, OrderSide.SELL, "1");
        assertThatThrownBy(() -> paper.submit(intent)).isInstanceOf(OrderRejectedException.class);

        assertThat(paper.orderByClientId(intent.clientOrderId())).isEmpty();
    }

    @Test
    void submit_of_an_order_that_is_not_new_is_a_programming_error() {
        PaperBroker paper = paper(config());
        Order submitted = marketOrder(AAPL, OrderSide.BUY, "1").transitionTo(OrderStatus.SUBMITTED, START);

        assertThatThrownBy(() -> paper.submit(submitted)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be NEW");
    }

    @Test
    void market_data_outage_makes_submit_and_account_unavailable_but_lookups_answer_from_the_books() {
        PaperBroker paper = paper(config());
        Order held = marketOrder(AAPL, OrderSide.BUY, "1");
        paper.submit(held);
        Order resting = paper.submit(limitOrder(AAPL, OrderSide.BUY, "1", "90.00", TimeInForce.GTC));
        feed.failing(true);
        Order intent = marketOrder(AAPL, OrderSide.BUY, "1");

        assertThatThrownBy(() -> paper.submit(intent)).isInstanceOf(BrokerUnavailableException.class)
                .hasMessageContaining(intent.clientOrderId().value()).hasMessageContaining("not placed");
        assertThatThrownBy(paper::account).isInstanceOf(BrokerUnavailableException.class);
        assertThat(paper.orderByClientId(intent.clientOrderId())).isEmpty();
        assertThat(paper.submit(held).status()).as("a duplicate still answers").isEqualTo(OrderStatus.FILLED);
        assertThat(paper.openOrders()).containsExactly(resting);
        assertThat(paper.positions()).hasSize(1);
    }

    @Test
    void config_refuses_negative_amounts_and_a_fraction_outside_zero_one() {
        assertThatThrownBy(() -> PaperBrokerConfig.of(bd("-1")))
                .hasMessage("paper broker initial_cash must be >= 0, was -1");
        assertThatThrownBy(() -> PaperBrokerConfig.of(bd("1")).withFees(bd("-0.5"), BigDecimal.ZERO))
                .hasMessage("paper broker fee_bps must be >= 0, was -0.5");
        assertThatThrownBy(() -> PaperBrokerConfig.of(bd("1")).withPartialFills(bd("1.5")))
                .hasMessage("paper broker partial_fill_fraction must be in (0, 1], was 1.5");
        assertThatThrownBy(() -> PaperBrokerConfig.of(bd("1")).withPartialFills(BigDecimal.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private Order limitOrder(Symbol symbol, OrderSide side, String quantity, String limit, TimeInForce tif) {
        return Order.intent(nextId(symbol, side), symbol, side, OrderType.LIMIT, bd(quantity), bd(limit), tif, START);
    }

    private static BigDecimal bd(String value) {
        return new BigDecimal(value);
    }
}
