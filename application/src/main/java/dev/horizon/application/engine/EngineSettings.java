package dev.horizon.application.engine;

import dev.horizon.application.execution.ExecutionConfig;
import dev.horizon.domain.arbitration.ArbitrationConfig;
import dev.horizon.domain.arbitration.CostConfig;
import dev.horizon.domain.blending.BlendingConfig;
import dev.horizon.domain.gating.BarrierGateConfig;
import dev.horizon.domain.gating.SpreadGateConfig;
import dev.horizon.domain.market.Horizon;
import dev.horizon.domain.market.Symbol;
import dev.horizon.domain.prediction.PredictionSettings;
import dev.horizon.domain.risk.KillSwitchConfig;
import dev.horizon.domain.risk.RiskLimits;
import dev.horizon.domain.sizing.SizingConfig;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Everything the engine is configured with, already validated: the universe, the bar interval
 * and horizons, and the parameters of every stage (PIPELINE.md, with its defaults).
 *
 * @param universe             the symbols traded, sorted; their index is used by every batch
 * @param barInterval          {@code [engine.bar_interval]}
 * @param horizons             {@code [horizons]}, ascending by minutes
 * @param historyBars          {@code [engine.history_bars]}: bars kept and handed to the features
 * @param volLookback          {@code [engine.vol_lookback]}: returns in σ_bar
 * @param lotSizes             the smallest tradable quantity per symbol; others use {@code defaultLotSize}
 * @param estimatedFeeBps      fee the risk checks assume when reserving buying power
 * @param reconcileEveryCycles {@code [reconciliation.every_cycles]}
 */
public record EngineSettings(List<Symbol> universe, Duration barInterval, List<Horizon> horizons, int historyBars,
                             int volLookback, Map<Symbol, BigDecimal> lotSizes, BigDecimal defaultLotSize,
                             double estimatedFeeBps, PredictionSettings prediction, BlendingConfig blending,
                             CostConfig cost, ArbitrationConfig arbitration, SpreadGateConfig spreadGate,
                             BarrierGateConfig barrierGate, SizingConfig sizing, KillSwitchConfig killSwitch,
                             RiskLimits risk, ExecutionConfig execution, int reconcileEveryCycles) {

    public EngineSettings {
        universe = List.copyOf(universe).stream().sorted().distinct().toList();
        if (universe.isEmpty()) {
            throw new IllegalArgumentException("engine.universe: at least one symbol is needed");
        }
        Objects.requireNonNull(barInterval, "barInterval");
        if (barInterval.isNegative() || barInterval.isZero() || barInterval.toSeconds() % 60 != 0) {
            throw new IllegalArgumentException("engine.bar_interval must be a whole number of minutes, was " + barInterval);
        }
        horizons = List.copyOf(horizons).stream().sorted().toList();
        if (horizons.isEmpty()) {
            throw new IllegalArgumentException("horizons: at least one horizon is needed");
        }
        for (Horizon h : horizons) {
            if (h.minutes() < barInterval.toMinutes()) {
                throw new IllegalArgumentException("horizons: " + h + " is shorter than the bar interval "
                        + barInterval.toMinutes() + "m");
            }
        }
        if (historyBars < 2) {
            throw new IllegalArgumentException("engine.history_bars must be >= 2, was " + historyBars);
        }
        lotSizes = Map.copyOf(new TreeMap<>(lotSizes));
        Objects.requireNonNull(defaultLotSize, "defaultLotSize");
        if (defaultLotSize.signum() <= 0 || lotSizes.values().stream().anyMatch(l -> l.signum() <= 0)) {
            throw new IllegalArgumentException("lot sizes must be positive");
        }
        if (!(estimatedFeeBps >= 0)) {
            throw new IllegalArgumentException("estimated fee must be >= 0 bps, was " + estimatedFeeBps);
        }
        Objects.requireNonNull(prediction, "prediction");
        Objects.requireNonNull(blending, "blending");
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(arbitration, "arbitration");
        Objects.requireNonNull(spreadGate, "spreadGate");
        Objects.requireNonNull(barrierGate, "barrierGate");
        Objects.requireNonNull(sizing, "sizing");
        Objects.requireNonNull(killSwitch, "killSwitch");
        Objects.requireNonNull(risk, "risk");
        Objects.requireNonNull(execution, "execution");
        if (reconcileEveryCycles < 1) {
            throw new IllegalArgumentException("reconciliation.every_cycles must be >= 1, was " + reconcileEveryCycles);
        }
    }

    /** The design defaults for {@code universe} at {@code barInterval} with {@code horizons}. */
    public static EngineSettings defaults(List<Symbol> universe, Duration barInterval, List<Horizon> horizons,
                                          String engineId) {
        return new EngineSettings(universe, barInterval, horizons, 300, 60, Map.of(), BigDecimal.ONE, 0.0,
                PredictionSettings.defaults(), BlendingConfig.defaults(), CostConfig.defaults(),
                ArbitrationConfig.defaults(), SpreadGateConfig.defaults(), BarrierGateConfig.defaults(),
                SizingConfig.defaults(), KillSwitchConfig.defaults(), RiskLimits.defaults(),
                ExecutionConfig.defaults(engineId), 10);
    }

    /** Bar interval in whole minutes. */
    public int barMinutes() {
        return (int) barInterval.toMinutes();
    }

    /** The lot size of {@code symbol}. */
    public BigDecimal lotSize(Symbol symbol) {
        return lotSizes.getOrDefault(symbol, defaultLotSize);
    }
}
