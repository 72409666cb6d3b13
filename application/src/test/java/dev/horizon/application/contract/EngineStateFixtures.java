package dev.horizon.application.contract;

import dev.horizon.domain.blending.BlendingHistory;
import dev.horizon.domain.market.Horizon;
import dev.horizon.domain.prediction.InputMode;
import dev.horizon.domain.prediction.MaturityRule;
import dev.horizon.domain.prediction.ModelKind;
import dev.horizon.domain.prediction.ModelSpec;
import dev.horizon.domain.prediction.ModelTracker;
import dev.horizon.domain.prediction.PredictionSettings;
import dev.horizon.domain.prediction.PredictionTrackers;
import dev.horizon.domain.risk.OrderProposal;
import dev.horizon.domain.risk.RiskGuardrails;
import dev.horizon.domain.risk.RiskLimits;
import dev.horizon.domain.sizing.PositionSizer;
import dev.horizon.domain.sizing.SizingConfig;
import dev.horizon.domain.snapshot.EngineSnapshot;
import dev.horizon.domain.snapshot.LearnedState;
import dev.horizon.domain.journal.JournalEntry;
import dev.horizon.domain.market.Horizon;
import dev.horizon.domain.market.Symbol;
import dev.horizon.domain.order.ClientOrderId;
import dev.horizon.domain.order.Fill;
import dev.horizon.domain.order.Order;
import dev.horizon.domain.order.OrderSide;
import dev.horizon.domain.order.OrderStatus;
import dev.horizon.domain.order.OrderType;
import dev.horizon.domain.order.TimeInForce;
import dev.horizon.domain.state.Decision;
import dev.horizon.domain.state.DecisionTrace;
import dev.horizon.domain.state.EngineState;
import dev.horizon.domain.state.KillSwitchKind;
import dev.horizon.domain.state.KillSwitchState;
import dev.horizon.domain.state.PositionState;
import dev.horizon.domain.state.TradeDecision;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Engine states and journal entries that exercise every field a store must keep: exact decimals
 * with meaningful scale (trailing zeros, exponent form), a short position, a symbol with a slash,
 * a tripped kill switch, the pause flag, open orders in several statuses (incl. {@code UNKNOWN} and
 * {@code PARTIALLY_FILLED} with fills), nanosecond timestamps, and decisions whose {@code alpha}
 * is {@code NaN}. Shared by the {@code StateStore} contract and any test that needs a realistic state.
 */
public final class EngineStateFixtures {

    /** The instant every fixture time is derived from (nanosecond precision on purpose). */
    public static final Instant T0 = Instant.parse("2024-03-11T14:30:00.123456789Z");

    public static final Symbol AAPL = Symbol.of("AAPL");
    public static final Symbol MSFT = Symbol.of("MSFT");
    public static final Symbol BTC = Symbol.of("BTC/USD");

    private static final String ENGINE = "test";

    private EngineStateFixtures() {
    }

    /** {@link #T0} plus {@code minutes}. */
    public static Instant at(long minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    /**
     * A state with every field set to a non-default value: cash with scale 2, a long, a short and
     * a crypto position with mark prices, cycle 42, a session with PV at start of day, the
     * high-water mark, a tripped drawdown kill switch, paused, and five open orders
     * (NEW, SUBMITTED, ACCEPTED limit, PARTIALLY_FILLED with a fill, UNKNOWN with a reason).
     */
    public static EngineState fullState() {
        TreeMap<Symbol, PositionState> positions = new TreeMap<>();
        positions.put(AAPL, new PositionState(AAPL, new BigDecimal("120"), new BigDecimal("171.2500"), at(-600),
                new BigDecimal("173.10")));
        positions.put(MSFT, new PositionState(MSFT, new BigDecimal("-35"), new BigDecimal("402.1234567891"),
                at(-90), new BigDecimal("399.5")));
        positions.put(BTC, new PositionState(BTC, new BigDecimal("0.01234567"), new BigDecimal("6.5E+4"), at(-30),
                new BigDecimal("65010.00")));

        TreeMap<ClientOrderId, Order> orders = new TreeMap<>(Comparator.comparing(ClientOrderId::value));
        for (Order o : openOrders(42)) {
            orders.put(o.clientOrderId(), o);
        }
        BigDecimal cash = new BigDecimal("12345.67");
        BigDecimal portfolioValue = cash;
        for (PositionState p : positions.values()) {
            portfolioValue = portfolioValue.add(p.marketValue());
        }
        return EngineState.initial(new BigDecimal("100000.00")).toBuilder()
                .startCycle(42, at(0))
                .completeCycle()
                .cash(cash)
                .positions(positions)
                .portfolioValue(portfolioValue)
                .session(LocalDate.of(2024, 3, 11), new BigDecimal("19850.25"))
                .highWaterMark(new BigDecimal("21234.5600"))
                .killSwitch(KillSwitchState.inactive().trip(KillSwitchKind.DRAWDOWN,
                        "drawdown: -6.10% (limit -6.00%)", at(-5)))
                .paused(true)
                .openOrders(orders)
                .build();
    }

    /** {@link #fullState()} moved to cycle {@code cycle} at {@code at(cycle)} with cash {@code cash}. */
    public static EngineState fullStateAt(long cycle, String cash) {
        return fullState().toBuilder().startCycle(cycle, at(cycle)).completeCycle().cash(new BigDecimal(cash)).build();
    }

    /** {@link #fullState()} with real learned statistics from every stateful stage. */
    public static EngineSnapshot fullSnapshot() {
        return new EngineSnapshot(fullState(), learnedState());
    }

    /** {@link #fullStateAt} with the learned statistics of {@link #fullSnapshot()}. */
    public static EngineSnapshot fullSnapshotAt(long cycle, String cash) {
        return new EngineSnapshot(fullStateAt(cycle, cash), learnedState());
    }

    /**
     * Learned statistics produced by running the real stages for a few cycles: standardizer, IC,
     * stability and pending predictions of one model, a blending window, sizing ρ and the order
     * throttle — so a store's round trip is tested on the shapes the engine really persists.
     */
    public static LearnedState learnedState() {
        Horizon fiveMinutes = new Horizon("5m", 5);
        ModelSpec spec = new ModelSpec("ret_5m/Ridge", "ret_5m", "Ridge", fiveMinutes, ModelKind.REGRESSION,
                InputMode.FEATURES, List.of("ret_1d", "rsi_14"), 0.03, 0, List.of(), "none");
        PredictionTrackers trackers = new PredictionTrackers(PredictionSettings.defaults(), List.of(AAPL, MSFT), 1,
                MaturityRule.continuous(), List.of(spec));
        ModelTracker tracker = trackers.model(spec.id());
        int[] symbols = {0, 1};
        double[] scores = new double[2];
        for (int minute = 0; minute < 8; minute++) {
            double[] raw = {0.001 * minute, -0.0005 * minute + 0.0001};
            tracker.standardize(raw, 2, scores);
            tracker.record(at(minute), symbols, raw, scores, new double[] {100 + minute, 50 - minute * 0.1},
                    new double[] {0.004, 0.006}, 2);
        }
        trackers.mature(at(7), (symbol, millis) -> symbol == 0 ? 101.5 : 49.9);

        BlendingHistory blending = new BlendingHistory(List.of("GradientBoosting", "Ridge"), 50);
        blending.append(new double[][] {{0.5, -1.0}, {0.25, Double.NaN}});
        blending.append(new double[][] {{1.5, 0.2}, {1.0, -0.3}});

        PositionSizer sizer = new PositionSizer(SizingConfig.defaults());
        sizer.size(fiveMinutes, 0.002, 0.01, 0.03, 0.9);
        sizer.endCycle();

        RiskGuardrails guardrails = new RiskGuardrails(RiskLimits.defaults());
        guardrails.beginCycle(at(7), new BigDecimal("20000"), new BigDecimal("5000"), 0.1)
                .admit(new OrderProposal(AAPL, new BigDecimal("3"), new BigDecimal("173.10"), new BigDecimal("120"),
                        new BigDecimal("0.05")));

        return new LearnedState(trackers.snapshot(), Map.of(fiveMinutes.label(), blending.snapshot()),
                sizer.snapshot(), guardrails.snapshot());
    }

    /** Open orders of cycle {@code cycle} in the statuses recovery must handle. */
    public static List<Order> openOrders(long cycle) {
        Order fresh = Order.intent(id(cycle, AAPL, OrderSide.BUY), AAPL, OrderSide.BUY, OrderType.MARKET,
                new BigDecimal("10"), null, TimeInForce.DAY, at(cycle));
        Order submitted = Order.intent(id(cycle, MSFT, OrderSide.SELL), MSFT, OrderSide.SELL, OrderType.MARKET,
                new BigDecimal("5"), null, TimeInForce.DAY, at(cycle)).transitionTo(OrderStatus.SUBMITTED, at(cycle));
        Order acceptedLimit = Order.intent(id(cycle - 1, MSFT, OrderSide.BUY), MSFT, OrderSide.BUY, OrderType.LIMIT,
                        new BigDecimal("3"), new BigDecimal("398.75"), TimeInForce.GTC, at(cycle - 1))
                .transitionTo(OrderStatus.SUBMITTED, at(cycle - 1))
                .withBrokerOrderId("b-accepted-1")
                .transitionTo(OrderStatus.ACCEPTED, at(cycle - 1).plusMillis(250));
        Order partial = Order.intent(id(cycle, BTC, OrderSide.BUY), BTC, OrderSide.BUY, OrderType.LIMIT,
                        new BigDecimal("0.50000000"), new BigDecimal("65100.00"), TimeInForce.IOC, at(cycle))
                .transitionTo(OrderStatus.SUBMITTED, at(cycle))
                .withBrokerOrderId("b-partial-7")
                .applyFill(fill(cycle, "f-1", BTC, OrderSide.BUY, "0.12345678", "65010.50", "0.01"))
                .applyFill(fill(cycle, "f-2", BTC, OrderSide.BUY, "0.1", "65011", "0"));
        Order unknown = Order.intent(id(cycle - 2, AAPL, OrderSide.SELL), AAPL, OrderSide.SELL, OrderType.MARKET,
                        new BigDecimal("7"), null, TimeInForce.DAY, at(cycle - 2))
                .transitionTo(OrderStatus.SUBMITTED, at(cycle - 2))
                .transitionTo(OrderStatus.UNKNOWN, at(cycle - 2).plusSeconds(10), "submit timed out after 10s");
        return List.of(fresh, submitted, acceptedLimit, partial, unknown);
    }

    /** The client order id the engine would derive for {@code symbol} and {@code side} in {@code cycle}. */
    public static ClientOrderId id(long cycle, Symbol symbol, OrderSide side) {
        return ClientOrderId.of(ENGINE, cycle, symbol, side);
    }

    /** A fill of the order {@link #id} derives for the same cycle, symbol and side. */
    public static Fill fill(long cycle, String fillId, Symbol symbol, OrderSide side, String quantity, String price,
                            String fee) {
        return new Fill(fillId, id(cycle, symbol, side), symbol, side, new BigDecimal(quantity), new BigDecimal(price),
                new BigDecimal(fee), at(cycle).plusMillis(1500));
    }

    /**
     * One journal entry of every kind for {@code cycle}, in the order an engine writes them:
     * two decisions (a TRADE with a deep trace, a HOLD whose alpha is {@code NaN}), the intent,
     * the broker's answer, a fill, an ambiguous update, a risk event.
     */
    public static List<JournalEntry> entriesOfEveryKind(long cycle) {
        Order intent = Order.intent(id(cycle, AAPL, OrderSide.BUY), AAPL, OrderSide.BUY, OrderType.LIMIT,
                new BigDecimal("10"), new BigDecimal("173.20"), TimeInForce.DAY, at(cycle));
        TradeDecision trade = new TradeDecision(AAPL, Decision.TRADE, new Horizon("15m", 15), 0.125, 0.0625,
                8.2e-4, new BigDecimal("10"), "score 8.20bps >= threshold 4.00bps", trace());
        TradeDecision hold = TradeDecision.hold(MSFT, -0.031, "no_trade_band", DecisionTrace.builder()
                .put("band", 0.005).put("sigma", Double.NaN).build());
        return List.of(
                new JournalEntry.DecisionRecorded(cycle, at(cycle), trade),
                new JournalEntry.DecisionRecorded(cycle, at(cycle), hold),
                new JournalEntry.OrderIntent(cycle, at(cycle).plusMillis(1), intent),
                new JournalEntry.OrderUpdate(cycle, at(cycle).plusMillis(90), intent.clientOrderId(),
                        OrderStatus.ACCEPTED, "b-" + cycle, null),
                new JournalEntry.FillRecorded(cycle, at(cycle).plusMillis(1500),
                        fill(cycle, "f-" + cycle, AAPL, OrderSide.BUY, "10", "173.19", "0.00")),
                new JournalEntry.OrderUpdate(cycle, at(cycle).plusSeconds(2), id(cycle, MSFT, OrderSide.SELL),
                        OrderStatus.UNKNOWN, null, "connection reset"),
                new JournalEntry.RiskEvent(cycle, at(cycle).plusSeconds(3), "kill_switch",
                        "drawdown: -6.10% (limit -6.00%)"));
    }

    /** A decision trace with every value kind: doubles (incl. NaN), longs, booleans, strings, lists, nesting. */
    public static DecisionTrace trace() {
        DecisionTrace model = DecisionTrace.builder()
                .put("raw", 0.0012)
                .put("z", -1.75)
                .put("confidence", 0.42)
                .put("ic_window", 120L)
                .build();
        return DecisionTrace.builder()
                .put("sigma", 0.0183)
                .put("spread_bps", 1.5)
                .put("alpha_by_horizon", List.of(1.0e-4, 8.2e-4, Double.NaN))
                .put("horizons", List.of("5m", "15m", "1h"))
                .put("gate_open", true)
                .put("bars", 390L)
                .put("chosen", "15m")
                .put("ridge_15m", model)
                .build();
    }
}
