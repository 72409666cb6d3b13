package dev.horizon.application.engine;

import dev.horizon.application.execution.OrderExecutor;
import dev.horizon.application.execution.OrderRequest;
import dev.horizon.application.execution.StateJournal;
import dev.horizon.application.port.BrokerPort;
import dev.horizon.application.port.Clock;
import dev.horizon.application.port.ControlCommand;
import dev.horizon.application.port.ControlInbox;
import dev.horizon.application.port.EventSink;
import dev.horizon.application.port.MarketDataException;
import dev.horizon.application.port.MarketDataPort;
import dev.horizon.application.port.ModelPort;
import dev.horizon.application.port.StateStore;
import dev.horizon.application.recovery.ReconciliationException;
import dev.horizon.application.recovery.Reconciler;
import dev.horizon.application.recovery.Recovery;
import dev.horizon.domain.blending.BlendingHistory;
import dev.horizon.domain.blending.BlendingHistorySnapshot;
import dev.horizon.domain.blending.HorizonBlend;
import dev.horizon.domain.blending.HorizonBlender;
import dev.horizon.domain.features.Volatility;
import dev.horizon.domain.features.VolatilityEstimate;
import dev.horizon.domain.gating.SpreadCheck;
import dev.horizon.domain.journal.JournalEntry;
import dev.horizon.domain.market.Horizon;
import dev.horizon.domain.market.Quote;
import dev.horizon.domain.market.Symbol;
import dev.horizon.domain.order.Order;
import dev.horizon.domain.order.OrderSide;
import dev.horizon.domain.order.OrderStatus;
import dev.horizon.domain.risk.KillSwitch;
import dev.horizon.domain.risk.KillSwitchCheck;
import dev.horizon.domain.risk.RiskGuardrails;
import dev.horizon.domain.risk.SessionRiskState;
import dev.horizon.domain.sizing.NoTradeBand;
import dev.horizon.domain.sizing.PositionSizer;
import dev.horizon.domain.snapshot.EngineSnapshot;
import dev.horizon.domain.snapshot.LearnedState;
import dev.horizon.domain.state.Decision;
import dev.horizon.domain.state.EngineState;
import dev.horizon.domain.state.KillSwitchKind;
import dev.horizon.domain.state.PositionState;
import dev.horizon.domain.state.TradeDecision;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trading engine: one {@link #runCycle cycle} per closed bar, for the whole universe at once,
 * the same in a backtest, against a paper account and live (OPERATIONS.md "The cycle").
 *
 * <ol>
 *   <li>read control state and operator commands;</li>
 *   <li>fetch the market snapshot (one call per port method);</li>
 *   <li>mark to market;</li>
 *   <li>session bookkeeping and the kill switch;</li>
 *   <li>mature old predictions (inside stage 1);</li>
 *   <li>stages 1–6 for all symbols, then gross normalisation and per-order risk;</li>
 *   <li>execute, sells before buys, journaling each intent before it is sent;</li>
 *   <li>persist the snapshot and the cycle's decisions in one save (the ledger as of now, the learned
 *       statistics as of their last checkpoint, see {@link LearnedCheckpoint});</li>
 *   <li>emit events and return the {@link CycleResult}.</li>
 * </ol>
 *
 * <p>Call {@link #start()} once before the first cycle: it is crash recovery. Not thread-safe:
 * cycles run on one thread (the daemon guarantees it).
 */
public final class TradingEngine implements CycleRunner {

    private static final Logger LOG = LoggerFactory.getLogger(TradingEngine.class);

    private final EngineSettings settings;
    private final MarketDataPort market;
    private final StateStore store;
    private final Clock clock;
    private final EventSink events;
    private final ControlInbox inbox;
    private final BrokerPort broker;
    private final OrderExecutor executor;
    private final Reconciler reconciler;
    private final BarHistory bars;
    private final PredictionStage prediction;
    private final Map<Horizon, HorizonBlender> blenders = new LinkedHashMap<>();
    private final Map<Horizon, BlendingHistory> histories = new LinkedHashMap<>();
    private final LearnedCheckpoint checkpoint = new LearnedCheckpoint();
    private final KillSwitch killSwitch;
    private final Volatility volatility;
    private final int sessionMinutes;
    private DecisionStage decisions;
    private EngineState state;
    private LocalDate advDay;
    /** Average daily volume in shares by universe index (NaN when unknown): a cycle does not hash symbols. */
    private double[] advByIndex;
    private boolean started;

    /** The engine's collaborators: its ports and the pieces built from them. */
    public record Ports(MarketDataPort market, BrokerPort broker, StateStore store, ModelPort models, Clock clock,
                        EventSink events, ControlInbox inbox) {
        public Ports {
            Objects.requireNonNull(market, "market");
            Objects.requireNonNull(broker, "broker");
            Objects.requireNonNull(store, "store");
            Objects.requireNonNull(models, "models");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(events, "events");
            Objects.requireNonNull(inbox, "inbox");
        }
    }

    public TradingEngine(EngineSettings settings, Ports ports, Reconciler reconciler) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.market = ports.market();
        this.broker = ports.broker();
        this.store = ports.store();
        this.clock = ports.clock();
        this.events = ports.events();
        this.inbox = ports.inbox();
        this.reconciler = Objects.requireNonNull(reconciler, "reconciler");
        this.executor = new OrderExecutor(broker, clock, settings.execution());
        this.sessionMinutes = clock.calendar().sessionMinutes();
        this.bars = new BarHistory(settings.universe(), settings.historyBars(), settings.barInterval());
        this.prediction = new PredictionStage(settings, ports.models(), clock.calendar());
        this.killSwitch = new KillSwitch(settings.killSwitch());
        this.volatility = new Volatility(settings.volLookback());
        prediction.horizonModels().forEach((h, models) -> {
            HorizonBlender blender = new HorizonBlender(h, models.labels(), settings.blending());
            blenders.put(h, blender);
            histories.put(h, blender.newHistory());
        });
        this.decisions = new DecisionStage(settings, sessionMinutes, new PositionSizer(settings.sizing()),
                new RiskGuardrails(settings.risk()));
    }

    /**
     * Startup = crash recovery: loads the state, resolves orders left open, reconciles with the
     * broker, restores what the pipeline had learned, and persists. Must be called once, first.
     *
     * @throws dev.horizon.application.recovery.ReconciliationException in strict mode on a mismatch
     */
    public EngineSnapshot start() {
        Recovery recovery = new Recovery(store, broker, executor, reconciler);
        EngineSnapshot recovered = recovery.recover(this::journal, clock.now());
        restore(recovered.learned());
        checkpoint.refresh(prediction.trackers(), histories, decisions.sizer(), decisions.guardrails());
        state = recovered.state();
        started = true;
        LOG.info("engine ready at cycle {}: cash {}, {} position(s), {}", state.cycleSeq(), state.cash(),
                state.positions().size(), state.killSwitch().active() ? "kill switch ACTIVE: " + state.killSwitch().reason()
                        : "kill switch off");
        return recovered;
    }

    /** The current engine state (after the last cycle). */
    public EngineState state() {
        return state;
    }

    /**
     * Runs the cycle for the bar closing at {@code t}. Returns empty when that bar was already
     * traded (e.g. replayed after a restart).
     */
    @Override
    public Optional<CycleResult> runCycle(Instant t) {
        if (!started) {
            throw new IllegalStateException("start() the engine before running cycles");
        }
        if (state.lastCycleTime() != null && !t.isAfter(state.lastCycleTime())) {
            return Optional.empty();
        }
        long began = System.nanoTime();
        StateJournal journal = journal(state);
        int commands = applyCommands(journal, t);
        resolveLeftoverOrders(journal);

        Map<Symbol, Quote> quotes = fetchMarket(t);
        List<SymbolState> symbols = markToMarket(journal, quotes, t);
        BigDecimal portfolioValue = journal.state().portfolioValue();
        checkKillSwitch(journal, portfolioValue, t);

        List<OrderRequest> orders = decide(symbols, t, journal.state(), portfolioValue);
        long seq = journal.state().cycleSeq() + 1;
        journal.update(journal.state().toBuilder().startCycle(seq, t).build());
        List<Order> placed = List.of();
        if (!orders.isEmpty()) {
            // the cycle number must be durable before any of its client order ids reaches the broker
            store.save(new EngineSnapshot(journal.state(), checkpoint.ordersAdmitted(decisions.guardrails())), List.of());
            placed = executor.execute(journal, orders);
            if (placed.stream().anyMatch(o -> o.status() == OrderStatus.UNKNOWN)) {
                reconcile(journal, t);
            }
        }
        if (seq % settings.reconcileEveryCycles() == 0) {
            reconcile(journal, t);
        }
        remark(journal, symbols);

        Map<Symbol, BigDecimal> ordered = orderedShares(placed);
        List<TradeDecision> decided = new ArrayList<>(symbols.size());
        List<JournalEntry> entries = new ArrayList<>(symbols.size());
        for (SymbolState s : symbols) {
            TradeDecision d = DecisionStage.toDecision(s, ordered);
            decided.add(d);
            entries.add(new JournalEntry.DecisionRecorded(seq, t, d));
        }
        state = journal.state().toBuilder().completeCycle().build();
        store.save(new EngineSnapshot(state, checkpoint.endCycle(prediction.trackers(), histories, decisions.sizer(),
                decisions.guardrails())), entries);
        if (commands > 0) {
            inbox.acknowledge(commands);
        }
        entries.forEach(events::publish);
        events.cycleCompleted(seq, t, state.portfolioValue(), Duration.ofNanos(System.nanoTime() - began));
        KillSwitchCheckView kill = new KillSwitchCheckView(state);
        return Optional.of(new CycleResult(seq, t, decided, placed, journal.fills(), state.portfolioValue(), state.cash(),
                !state.paused() && !kill.active(), kill.reason()));
    }

    /** The kill switch of a state, as the cycle result reports it. */
    private record KillSwitchCheckView(boolean active, String reason) {
        KillSwitchCheckView(EngineState s) {
            this(s.killSwitch().active(), s.killSwitch().active() ? s.killSwitch().reason() : null);
        }
    }

    private StateJournal journal(EngineState s) {
        return new StateJournal(store, events, s);
    }

    /** Applies the pending operator commands; returns how many, to acknowledge once the cycle is saved. */
    private int applyCommands(StateJournal journal, Instant t) {
        List<ControlCommand> commands = inbox.pending();
        for (ControlCommand command : commands) {
            journal.update(ControlCommands.apply(journal.state(), command, t));
            journal.riskEvent("operator", ControlCommands.describe(command), t);
            LOG.info("operator command applied: {}", ControlCommands.describe(command));
        }
        return commands.size();
    }

    /**
     * Orders an earlier cycle left open (an ambiguous submit during an outage) are looked up by
     * client id before anything else; one the broker still cannot answer for keeps its symbol on
     * hold this cycle, so a possibly placed order is never doubled.
     */
    private void resolveLeftoverOrders(StateJournal journal) {
        if (!journal.state().openOrders().isEmpty()) {
            executor.resolve(journal, List.copyOf(journal.state().openOrders().values()), Set.of());
        }
    }

    /** Bars and quotes for the universe; a failing source leaves every symbol without data this cycle. */
    private Map<Symbol, Quote> fetchMarket(Instant t) {
        try {
            bars.update(market, t);
            LocalDate day = clock.calendar().sessionDay(t);
            if (!day.equals(advDay)) {
                Map<Symbol, Double> adv = market.averageDailyVolume(settings.universe());
                advDay = day;
                double[] byIndex = new double[settings.universe().size()];
                for (int i = 0; i < byIndex.length; i++) {
                    Double shares = adv.get(settings.universe().get(i));
                    byIndex[i] = shares == null ? Double.NaN : shares;
                }
                advByIndex = byIndex;
            }
            return market.latestQuotes(settings.universe());
        } catch (MarketDataException e) {
            LOG.warn("market data unavailable for the bar at {}: {}", t, e.getMessage());
            return Map.of();
        }
    }

    /** Marks every position at its mid (or last close, flagged) and builds the symbols' working records. */
    private List<SymbolState> markToMarket(StateJournal journal, Map<Symbol, Quote> quotes, Instant t) {
        EngineState s = journal.state();
        List<Symbol> universe = settings.universe();
        double[] prices = new double[universe.size()];
        boolean[] fromQuote = new boolean[universe.size()];
        // each symbol's quote looked up once: a Symbol's record hashCode is not cheap
        Quote[] quoteOf = new Quote[universe.size()];
        Map<Symbol, PositionState> marked = new TreeMap<>(s.positions());
        BigDecimal pv = s.cash();
        for (int i = 0; i < universe.size(); i++) {
            Symbol symbol = universe.get(i);
            Quote quote = quotes.get(symbol);
            quoteOf[i] = quote;
            fromQuote[i] = quote != null && quote.isValid();
            prices[i] = fromQuote[i] ? quote.mid() : bars.lastClose(i);
            PositionState p = marked.get(symbol);
            if (p != null && Double.isFinite(prices[i])) {
                marked.put(symbol, p.markedAt(new BigDecimal(prices[i], MathContext.DECIMAL64)));
            }
        }
        for (PositionState p : marked.values()) {
            pv = pv.add(p.marketValue());
        }
        journal.update(s.toBuilder().positions(marked).portfolioValue(pv).build());
        List<SymbolState> symbols = new ArrayList<>(universe.size());
        for (int i = 0; i < universe.size(); i++) {
            Symbol symbol = universe.get(i);
            BigDecimal shares = journal.state().position(symbol).shares();
            double weight = shares.signum() == 0 || !Double.isFinite(prices[i]) ? 0.0
                    : NoTradeBand.marketValueWeight(shares, prices[i], pv);
            SymbolState st = new SymbolState(i, symbol, shares, quoteOf[i], prices[i], fromQuote[i], weight);
            st.trace.put("price", prices[i]).put("price_source", fromQuote[i] ? "mid" : "last_close");
            symbols.add(st);
        }
        return symbols;
    }

    private void checkKillSwitch(StateJournal journal, BigDecimal portfolioValue, Instant t) {
        KillSwitchCheck check = killSwitch.evaluate(SessionRiskState.of(journal.state()),
                clock.calendar().sessionDay(t), portfolioValue, t);
        boolean wasActive = journal.state().killSwitch().active();
        journal.update(check.state().applyTo(journal.state()));
        if (check.trippedNow()) {
            journal.riskEvent("kill_switch", check.state().killSwitch().reason(), t);
            LOG.warn("kill switch tripped: {}", check.state().killSwitch().reason());
        } else if (wasActive && !check.tripped()) {
            journal.riskEvent("kill_switch_cleared", "new session " + check.state().sessionDay(), t);
        }
    }

    /** Stages 1–6 for the universe; returns the orders that passed every check. */
    private List<OrderRequest> decide(List<SymbolState> symbols, Instant t, EngineState s, BigDecimal portfolioValue) {
        int n = symbols.size();
        boolean[] eligible = new boolean[n];
        double[] sigmaBar = new double[n];
        double[] closes = new double[n];
        double[] advDollars = new double[n];
        SpreadCheck[] spreads = new SpreadCheck[n];
        for (SymbolState st : symbols) {
            int i = st.index;
            closes[i] = bars.lastClose(i);
            double advShares = advShares(i);
            advDollars[i] = Double.isNaN(advShares) || !Double.isFinite(st.price) ? Double.NaN : advShares * st.price;
            sigmaBar[i] = Double.NaN;
            Order pending = openOrderIn(s, st.symbol);
            if (pending != null) {
                st.settle(Decision.HOLD, "order_pending: " + pending.clientOrderId() + " " + pending.status());
                continue;
            }
            if (st.quote == null || !bars.hasBarAt(i, t)) {
                st.settle(Decision.HOLD, "no_data");
                continue;
            }
            SpreadCheck spread = decisions.checkSpread(st, t);
            if (st.settled) {
                continue;
            }
            VolatilityEstimate vol = volatility.estimate(bars.series(i));
            if (!vol.isValid()) {
                st.settle(Decision.HOLD, vol.refusal());
                continue;
            }
            st.sigmaBar = vol.sigmaBar();
            st.sigmaDay = vol.sigmaDay(sessionMinutes, settings.barMinutes());
            st.trace.put("sigma_bar", st.sigmaBar).put("sigma_day", st.sigmaDay);
            sigmaBar[i] = st.sigmaBar;
            eligible[i] = true;
            spreads[i] = spread;
        }
        // once per cycle: BigDecimal.doubleValue() parses the decimal's string form
        double pv = portfolioValue.doubleValue();
        double planned = settings.sizing().maxWeight() * pv;
        Predictions predictions = prediction.run(t, bars, eligible, sigmaBar, closes, advDollars, planned);
        // by horizon index, not a map: a Horizon's record hashCode is slow, and 500 symbols asked for 6 each
        List<Horizon> horizons = settings.horizons();
        HorizonBlend[] blends = new HorizonBlend[horizons.size()];
        predictions.inputs().forEach((h, input) ->
                blends[horizons.indexOf(h)] = blenders.get(h).blend(histories.get(h), input));
        for (SymbolState st : symbols) {
            if (!eligible[st.index]) {
                continue;
            }
            st.trace.put("models", predictions.trace(st.index));
            decisions.decideSymbol(st, spreads[st.index], blends, predictions, pv, advShares(st.index));
        }
        List<OrderRequest> orders = decisions.finish(symbols, t, s.killSwitch(), s.paused(), portfolioValue,
                () -> broker.account().buyingPower());
        decisions.endCycle();
        return orders;
    }

    /** Average daily volume in shares of universe symbol {@code i}, NaN when unknown. */
    private double advShares(int i) {
        return advByIndex == null ? Double.NaN : advByIndex[i];
    }

    private static Order openOrderIn(EngineState s, Symbol symbol) {
        for (Order o : s.openOrders().values()) {
            if (o.symbol().equals(symbol)) {
                return o;
            }
        }
        return null;
    }

    private void reconcile(StateJournal journal, Instant t) {
        try {
            reconciler.reconcile(journal, t);
        } catch (ReconciliationException e) {
            String reason = "reconciliation: engine and broker disagree";
            journal.update(journal.state().toBuilder()
                    .killSwitch(journal.state().killSwitch().trip(KillSwitchKind.MANUAL, reason, t)).build());
            journal.riskEvent("kill_switch", reason + "\n" + e.getMessage(), t);
            LOG.error("{}; kill switch tripped until reset:\n{}", reason, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("reconciliation skipped this cycle: {}", e.getMessage());
        }
    }

    /** Re-marks after fills so the saved portfolio value includes what traded. */
    private void remark(StateJournal journal, List<SymbolState> symbols) {
        EngineState s = journal.state();
        Map<Symbol, PositionState> marked = new TreeMap<>(s.positions());
        BigDecimal pv = s.cash();
        for (SymbolState st : symbols) {
            PositionState p = marked.get(st.symbol);
            if (p != null && Double.isFinite(st.price)) {
                marked.put(st.symbol, p.markedAt(new BigDecimal(st.price, MathContext.DECIMAL64)));
            }
        }
        for (PositionState p : marked.values()) {
            pv = pv.add(p.marketValue());
        }
        journal.update(s.toBuilder().positions(marked).portfolioValue(pv).build());
    }

    private static Map<Symbol, BigDecimal> orderedShares(List<Order> placed) {
        Map<Symbol, BigDecimal> shares = new HashMap<>();
        for (Order o : placed) {
            BigDecimal signed = o.side() == OrderSide.BUY ? o.quantity() : o.quantity().negate();
            shares.merge(o.symbol(), signed, BigDecimal::add);
        }
        return shares;
    }

    /**
     * Saves the current state with every learned statistic taken afresh, instead of the last
     * checkpoint (see {@link LearnedCheckpoint}): call it before a planned stop, so a restart
     * loses nothing. Between cycles only.
     */
    public EngineSnapshot saveCheckpoint() {
        if (!started) {
            throw new IllegalStateException("start() the engine before saving a checkpoint");
        }
        EngineSnapshot snapshot = new EngineSnapshot(state, checkpoint.refresh(prediction.trackers(), histories,
                decisions.sizer(), decisions.guardrails()));
        store.save(snapshot, List.of());
        return snapshot;
    }

    private void restore(LearnedState learned) {
        prediction.trackers().restore(learned.prediction());
        histories.replaceAll((h, history) -> {
            BlendingHistorySnapshot snapshot = learned.blending().get(h.label());
            return snapshot == null ? history : blenders.get(h).restoreHistory(snapshot);
        });
        decisions = new DecisionStage(settings, sessionMinutes, PositionSizer.restore(settings.sizing(), learned.sizing()),
                new RiskGuardrails(settings.risk(), learned.throttle()));
    }
}
