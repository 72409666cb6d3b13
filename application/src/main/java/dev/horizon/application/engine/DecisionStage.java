package dev.horizon.application.engine;

import dev.horizon.application.execution.OrderRequest;
import dev.horizon.application.port.BrokerUnavailableException;
import dev.horizon.domain.arbitration.Arbitration;
import dev.horizon.domain.arbitration.ArbitrationContext;
import dev.horizon.domain.arbitration.CostModel;
import dev.horizon.domain.arbitration.HorizonArbiter;
import dev.horizon.domain.blending.HorizonBlend;
import dev.horizon.domain.gating.BarrierGate;
import dev.horizon.domain.gating.BarrierProbabilities;
import dev.horizon.domain.gating.BarrierVerdict;
import dev.horizon.domain.gating.SpreadCheck;
import dev.horizon.domain.gating.SpreadGate;
import dev.horizon.domain.market.Horizon;
import dev.horizon.domain.order.OrderSide;
import dev.horizon.domain.risk.KillSwitch;
import dev.horizon.domain.risk.OrderProposal;
import dev.horizon.domain.risk.RiskCheck;
import dev.horizon.domain.risk.RiskGuardrails;
import dev.horizon.domain.sizing.GrossNormalizer;
import dev.horizon.domain.sizing.NoTradeBand;
import dev.horizon.domain.sizing.OrderSize;
import dev.horizon.domain.sizing.OrderSizer;
import dev.horizon.domain.sizing.PositionSizer;
import dev.horizon.domain.sizing.SizingResult;
import dev.horizon.domain.state.Decision;
import dev.horizon.domain.state.KillSwitchState;
import dev.horizon.domain.state.TradeDecision;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Stages 2 to 6 after blending, for the whole universe: arbitration, the gates, sizing and the
 * no-trade band per symbol; then across the cycle the kill switch, gross normalisation, order
 * sizing and the per-order risk checks, sells before buys (PIPELINE.md §3–§7).
 *
 * <p>Holds the stateful stages (sizing ρ, order throttle); not thread-safe.
 */
final class DecisionStage {

    private final EngineSettings settings;
    private final SpreadGate spreadGate;
    private final BarrierGate barrierGate;
    private final HorizonArbiter arbiter;
    private final PositionSizer sizer;
    private final NoTradeBand band;
    private final GrossNormalizer grossNormalizer;
    private final OrderSizer orderSizer;
    private final KillSwitch killSwitch;
    private final RiskGuardrails guardrails;
    private final int sessionMinutes;

    DecisionStage(EngineSettings settings, int sessionMinutes, PositionSizer sizer, RiskGuardrails guardrails) {
        this.settings = settings;
        this.sessionMinutes = sessionMinutes;
        this.spreadGate = new SpreadGate(settings.spreadGate());
        this.barrierGate = new BarrierGate(settings.barrierGate());
        this.arbiter = new HorizonArbiter(settings.horizons(), settings.arbitration(), new CostModel(settings.cost()));
        this.sizer = sizer;
        this.band = new NoTradeBand(settings.sizing());
        this.grossNormalizer = new GrossNormalizer(settings.sizing());
        this.orderSizer = new OrderSizer(settings.sizing());
        this.killSwitch = new KillSwitch(settings.killSwitch());
        this.guardrails = guardrails;
    }

    PositionSizer sizer() {
        return sizer;
    }

    RiskGuardrails guardrails() {
        return guardrails;
    }

    /** The spread gate, checked before any prediction work: settles symbols with a bad or stale quote. */
    SpreadCheck checkSpread(SymbolState s, Instant t) {
        SpreadCheck check = spreadGate.check(s.quote, t);
        s.spreadBps = check.spreadBps();
        s.trace.put("spread_bps", check.spreadBps());
        if (check.holdsSymbol()) {
            s.settle(Decision.HOLD, check.reason());
        }
        return check;
    }

    /**
     * Arbitration, barrier gate, sizing and the no-trade band of one symbol that has predictions.
     *
     * @param blends    this cycle's blend per horizon, aligned with the settings' horizons (null where absent)
     * @param advShares average daily volume, NaN when unknown
     */
    void decideSymbol(SymbolState s, SpreadCheck spread, HorizonBlend[] blends, Predictions predictions,
                      double portfolioValue, double advShares) {
        double[] alphas = new double[blends.length];
        for (int i = 0; i < alphas.length; i++) {
            HorizonBlend blend = blends[i];
            alphas[i] = blend != null && blend.isPresent(s.index) ? blend.alpha(s.index) : Double.NaN;
        }
        double planned = settings.sizing().maxWeight() * portfolioValue / s.price;
        Arbitration arbitration = arbiter.arbitrate(alphas,
                new ArbitrationContext(s.spreadBps, s.sigmaBar, planned, advShares, s.currentWeight));
        s.trace.put("arbitration", new LazyTrace(arbitration::trace));
        BarrierProbabilities barriers = predictions.hasBarriers()
                ? BarrierProbabilities.of(predictions.peak(s.index), predictions.valley(s.index))
                : BarrierProbabilities.none();
        BarrierVerdict verdict = barrierGate.evaluate(barriers, arbitration.direction(), s.currentWeight);
        s.trace.put("gate_factor", verdict.factor());
        if (barriers.available()) {
            s.trace.put("p_peak", barriers.peak()).put("p_valley", barriers.valley());
        }
        s.horizon = arbitration.horizon();
        s.alpha = arbitration.horizon() != null ? arbitration.chosenAlpha() : Double.NaN;

        if (verdict.status() == BarrierVerdict.Status.EXIT) {
            s.propose(0.0, Decision.TRADE, verdict.reason());
        } else {
            switch (arbitration.kind()) {
                case HOLD -> s.propose(s.currentWeight, Decision.HOLD, arbitration.reason());
                case FLATTEN -> s.propose(0.0, Decision.TRADE, arbitration.reason());
                case TRADE -> size(s, arbitration, verdict);
            }
        }
        double allowed = spread.allowedTarget(s.currentWeight, s.target);
        if (allowed != s.target) {
            s.propose(allowed, allowed == s.currentWeight ? Decision.HOLD : Decision.TRADE, spread.reason());
        }
    }

    private void size(SymbolState s, Arbitration arbitration, BarrierVerdict verdict) {
        Horizon h = arbitration.horizon();
        double sigmaH = s.sigmaBar * Math.sqrt((double) h.minutes() / settings.barMinutes());
        SizingResult sizing = sizer.size(h, arbitration.chosenAlpha(), sigmaH, s.sigmaDay, verdict.factor());
        s.trace.put("sizing", new LazyTrace(sizing::trace));
        double raw = sizing.rawWeight();
        double allowed = verdict.allowedTarget(s.currentWeight, raw);
        boolean blocked = verdict.status() == BarrierVerdict.Status.BLOCKED;
        if (blocked && allowed == s.currentWeight) {
            s.propose(s.currentWeight, Decision.BLOCKED, verdict.reason());
        } else if (band.holds(allowed, s.currentWeight)) {
            s.propose(s.currentWeight, Decision.HOLD, NoTradeBand.NO_TRADE_BAND);
        } else {
            s.propose(allowed, Decision.TRADE, blocked ? verdict.reason() : arbitration.reason());
        }
    }

    /**
     * The portfolio-level steps: kill switch and pause, gross normalisation, order sizing and the
     * per-order risk checks (sells first). Returns the orders to send; every symbol's decision is final.
     */
    List<OrderRequest> finish(List<SymbolState> symbols, Instant t, KillSwitchState kill, boolean paused,
                              BigDecimal portfolioValue, Supplier<BigDecimal> buyingPower) {
        for (SymbolState s : symbols) {
            if (paused) {
                s.settle(Decision.HOLD, "paused");
            } else if (kill.active() && s.tradablePrice && !s.settled) {
                double allowed = killSwitch.allowedTarget(kill, s.currentWeight, s.target);
                if (allowed != s.target) {
                    boolean reduces = allowed != s.currentWeight;
                    s.propose(allowed, reduces ? Decision.TRADE : Decision.BLOCKED, KillSwitch.decisionReason(kill));
                }
            }
        }
        normalizeGross(symbols);
        return admitOrders(symbols, t, portfolioValue, buyingPower);
    }

    private void normalizeGross(List<SymbolState> symbols) {
        int n = symbols.size();
        double[] current = new double[n];
        double[] target = new double[n];
        for (int i = 0; i < n; i++) {
            SymbolState s = symbols.get(i);
            current[i] = Double.isFinite(s.currentWeight) ? s.currentWeight : 0.0;
            target[i] = s.wantsChange() ? s.target : current[i];
        }
        double scale = grossNormalizer.normalize(current, target, target);
        for (int i = 0; i < n; i++) {
            SymbolState s = symbols.get(i);
            if (s.wantsChange() && target[i] != s.target) {
                s.trace.put("gross_scale", scale);
                s.target = target[i];
            }
        }
    }

    private List<OrderRequest> admitOrders(List<SymbolState> symbols, Instant t, BigDecimal portfolioValue,
                                           Supplier<BigDecimal> buyingPower) {
        List<Proposed> proposals = new ArrayList<>();
        for (SymbolState s : symbols) {
            if (!s.wantsChange() || s.decision != Decision.TRADE) {
                continue;
            }
            if (!s.tradablePrice) {
                s.settle(Decision.HOLD, "no_data");
                continue;
            }
            OrderSize size = orderSizer.size(s.target, s.shares, s.price, portfolioValue, settings.lotSize(s.symbol));
            if (!size.isTradable()) {
                s.settle(Decision.HOLD, size.reason());
                continue;
            }
            proposals.add(new Proposed(s, size.signedQuantity()));
        }
        proposals.sort(Comparator.comparing((Proposed p) -> p.quantity.signum()).thenComparing(p -> p.state.symbol));
        List<OrderRequest> orders = new ArrayList<>();
        if (proposals.isEmpty()) {
            return orders;
        }
        double gross = 0;
        for (SymbolState s : symbols) {
            gross += Double.isFinite(s.currentWeight) ? Math.abs(s.currentWeight) : 0.0;
        }
        BigDecimal power = BigDecimal.ZERO;
        String noBuyingPower = null;
        if (proposals.stream().anyMatch(p -> p.quantity.signum() > 0)) {
            try {
                power = buyingPower.get();
            } catch (BrokerUnavailableException e) {
                // without the broker's buying power no buy can be checked: hold them, let sells through
                noBuyingPower = "broker_unavailable: " + e.getMessage();
            }
        }
        RiskGuardrails.Cycle risk = guardrails.beginCycle(t, portfolioValue, power, gross);
        for (Proposed p : proposals) {
            SymbolState s = p.state;
            if (noBuyingPower != null && p.quantity.signum() > 0) {
                s.settle(Decision.BLOCKED, noBuyingPower);
                continue;
            }
            BigDecimal price = new BigDecimal(s.price, MathContext.DECIMAL64);
            BigDecimal fee = p.quantity.abs().multiply(price)
                    .multiply(BigDecimal.valueOf(settings.estimatedFeeBps() / 1e4), MathContext.DECIMAL64);
            RiskCheck check = risk.admit(new OrderProposal(s.symbol, p.quantity, price, s.shares, fee));
            if (!check.passed()) {
                s.settle(Decision.BLOCKED, check.reason());
                continue;
            }
            orders.add(new OrderRequest(s.symbol, p.quantity.signum() > 0 ? OrderSide.BUY : OrderSide.SELL,
                    p.quantity.abs(), s.price));
            s.trace.put("order_quantity", p.quantity.toPlainString());
        }
        return orders;
    }

    /** The final decision of one symbol, with the shares its order carries. */
    static TradeDecision toDecision(SymbolState s, Map<dev.horizon.domain.market.Symbol, BigDecimal> orderedShares) {
        BigDecimal shares = orderedShares.getOrDefault(s.symbol, BigDecimal.ZERO);
        Decision decision = s.decision == Decision.TRADE && shares.signum() == 0 ? Decision.HOLD : s.decision;
        double target = decision == Decision.TRADE ? s.target : s.currentWeight;
        return new TradeDecision(s.symbol, decision, s.horizon, target, s.currentWeight, s.alpha, shares,
                s.reason, s.trace.build());
    }

    /** Ends the cycle for the stateful stages (ρ windows take this cycle's signals). */
    void endCycle() {
        sizer.endCycle();
    }

    int sessionMinutes() {
        return sessionMinutes;
    }

    private record Proposed(SymbolState state, BigDecimal quantity) {
    }
}
