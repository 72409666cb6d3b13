package dev.horizon.bootstrap.wiring;

import dev.horizon.application.engine.EngineSettings;
import dev.horizon.application.execution.ExecutionConfig;
import dev.horizon.application.execution.OrderPricing;
import dev.horizon.bootstrap.config.ConfigException;
import dev.horizon.bootstrap.config.CoreConfig;
import dev.horizon.bootstrap.config.HorizonConfig;
import dev.horizon.bootstrap.spi.AdapterEnvironment;
import dev.horizon.domain.arbitration.ArbitrationConfig;
import dev.horizon.domain.arbitration.CostConfig;
import dev.horizon.domain.blending.BlendingConfig;
import dev.horizon.domain.blending.TemperatureSchedule;
import dev.horizon.domain.gating.BarrierGateConfig;
import dev.horizon.domain.gating.SpreadGateConfig;
import dev.horizon.domain.market.Horizon;
import dev.horizon.domain.market.MarketCalendar;
import dev.horizon.domain.market.Symbol;
import dev.horizon.domain.order.TimeInForce;
import dev.horizon.domain.prediction.PredictionSettings;
import dev.horizon.domain.risk.KillSwitchConfig;
import dev.horizon.domain.risk.OnKill;
import dev.horizon.domain.risk.RiskLimits;
import dev.horizon.domain.sizing.SizingConfig;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Turns the validated config sections into the engine's {@link EngineSettings} and calendar. */
public final class EngineSettingsFactory {

    private EngineSettingsFactory() {
    }

    /** The market calendar of {@code engine.calendar} (with {@code engine.holidays}). */
    public static MarketCalendar calendar(CoreConfig.Engine engine) {
        return engine.calendar().equals("always_open") ? MarketCalendar.alwaysOpen()
                : MarketCalendar.usEquities(new HashSet<>(engine.holidays()));
    }

    /** What every adapter module sees of the config. */
    public static AdapterEnvironment environment(HorizonConfig config) {
        CoreConfig.Engine e = config.core().engine();
        return new AdapterEnvironment(config.baseDirectory(), e.id(), universe(e), e.barInterval(), calendar(e),
                e.historyBars());
    }

    /** The universe, parsed and sorted. */
    public static List<Symbol> universe(CoreConfig.Engine engine) {
        if (engine.universe().isEmpty()) {
            throw new ConfigException("engine.universe", "name at least one symbol, e.g. [AAPL, MSFT] or [BTC/USD]");
        }
        List<Symbol> symbols = new ArrayList<>();
        for (int i = 0; i < engine.universe().size(); i++) {
            symbols.add(symbol("engine.universe[" + i + "]", engine.universe().get(i)));
        }
        return symbols.stream().sorted().distinct().toList();
    }

    /**
     * Every pipeline parameter of {@code c}.
     *
     * @throws ConfigException naming the key of the first value the engine refuses
     */
    public static EngineSettings settings(CoreConfig c) {
        CoreConfig.Engine e = c.engine();
        MarketCalendar calendar = calendar(e);
        int session = calendar.sessionMinutes();
        List<Horizon> horizons = new ArrayList<>();
        for (int i = 0; i < c.horizons().size(); i++) {
            horizons.add(horizon("horizons[" + i + "]", c.horizons().get(i), session));
        }
        Map<Symbol, BigDecimal> lots = new TreeMap<>();
        e.lotSizes().forEach((s, lot) -> lots.put(symbol("engine.lot_sizes." + s, s), lot));
        try {
            CoreConfig.Prediction p = c.prediction();
            PredictionSettings prediction = new PredictionSettings(p.zWindowCycles(), p.zMinObs(), p.zClip(), p.icWindow(),
                    p.icPriorWeight(), p.icPrior(), p.capacityKappa(), p.stabilityWindow(), p.stabilityMinObs(),
                    p.maturityGrace());
            CoreConfig.Blending b = c.blending();
            TreeMap<Integer, Double> temperatures = new TreeMap<>();
            b.temperature().forEach((label, t) -> {
                if (!label.equals("default")) {
                    temperatures.put(horizon("blending.temperature." + label, label, session).minutes(), t);
                }
            });
            BlendingConfig blending = new BlendingConfig(b.windowCycles(), b.minRows(), b.ridgeLambda(), b.costLambda(),
                    b.targetFloor(), new TemperatureSchedule(temperatures, b.temperature().get("default")));
            CostConfig cost = new CostConfig(c.costModel().k1(), c.costModel().k2(), c.costModel().k3());
            ArbitrationConfig arbitration = new ArbitrationConfig(c.arbitration().entryThresholdBps(),
                    c.arbitration().reserveSpreadMult(), e.allowShort());
            CoreConfig.Gating g = c.gating();
            SpreadGateConfig spread = new SpreadGateConfig(g.maxSpreadBps(), g.maxQuoteAge().toMillis(), g.checkQuoteAge());
            CoreConfig.Barrier br = g.barrier();
            BarrierGateConfig barrier = new BarrierGateConfig(br.maxPeakForLong(), br.maxValleyForShort(),
                    br.exitLongPeak(), br.exitShortValley(), br.minFactor(), br.gamma(), br.delta());
            CoreConfig.Sizing s = c.sizing();
            SizingConfig sizing = new SizingConfig(s.rhoWindow(), s.rhoMinObservations(), s.rhoPrior(), s.zMax(),
                    s.targetDailyVol(), s.maxWeight(), s.noTradeBand(), s.grossTarget(), s.minOrderNotional());
            CoreConfig.Risk r = c.risk();
            KillSwitchConfig kill = new KillSwitchConfig(r.maxDailyLoss(), r.maxDrawdown(),
                    OnKill.valueOf(r.onKill().toUpperCase(Locale.ROOT)));
            RiskLimits limits = new RiskLimits(r.maxPosition(), r.maxGross(), r.maxOrderNotional(), r.maxOrdersPerCycle(),
                    r.cooldown().toSeconds(), r.maxOrdersPerMinute());
            CoreConfig.Execution x = c.execution();
            ExecutionConfig execution = new ExecutionConfig(e.id(),
                    OrderPricing.valueOf(x.orderType().toUpperCase(Locale.ROOT)), x.limitCollarBps(),
                    TimeInForce.valueOf(x.timeInForce().toUpperCase(Locale.ROOT)), x.orderTimeout(), x.pollInterval());
            return new EngineSettings(universe(e), e.barInterval(), horizons, e.historyBars(), e.volLookback(), lots,
                    e.lotSize(), e.estimatedFeeBps(), prediction, blending, cost, arbitration, spread, barrier, sizing,
                    kill, limits, execution, c.reconciliation().everyCycles());
        } catch (ConfigException ce) {
            throw ce;
        } catch (IllegalArgumentException | NullPointerException ex) {
            // the domain's own checks name their keys (e.g. "horizons: 1m is shorter than the bar interval 5m")
            throw new ConfigException(null, ex.getMessage());
        }
    }

    private static Symbol symbol(String key, String text) {
        try {
            return Symbol.of(text);
        } catch (IllegalArgumentException ex) {
            throw new ConfigException(key, ex.getMessage());
        }
    }

    private static Horizon horizon(String key, String text, int sessionMinutes) {
        try {
            return Horizon.parse(text, sessionMinutes);
        } catch (IllegalArgumentException ex) {
            throw new ConfigException(key, ex.getMessage());
        }
    }
}
