package dev.horizon.bootstrap.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.horizon.application.engine.CycleResult;
import dev.horizon.application.engine.EngineSettings;
import dev.horizon.application.port.ControlCommand;
import dev.horizon.domain.market.Bar;
import dev.horizon.domain.market.Symbol;
import dev.horizon.domain.risk.RiskLimits;
import dev.horizon.domain.state.Decision;
import dev.horizon.domain.state.TradeDecision;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every decision path of PIPELINE.md §7 appears with its reason, reached through the real engine
 * on real bars, with only the models scripted and the market or settings bent where a path needs it.
 */
class DecisionPathsTest {

    @TempDir
    Path dir;

    private static final Symbol BTC = EngineHarness.BTC;

    private List<TradeDecision> decisions(EngineHarness.Options options, int bars) {
        try (EngineHarness h = new EngineHarness(dir, options)) {
            h.engine.start();
            List<TradeDecision> out = new ArrayList<>();
            for (CycleResult r : h.run(bars)) {
                out.addAll(r.decisions());
            }
            return out;
        }
    }

    private static Predicate<TradeDecision> is(Decision d, String reasonPattern) {
        return t -> t.decision() == d && t.reason().matches(reasonPattern);
    }

    private static EngineHarness.Options momentum() {
        return EngineHarness.Options.of(Scripts.returnModels(Scripts.RISING));
    }

    @Test
    void trade_when_the_best_score_beats_the_threshold() {
        assertThat(decisions(momentum(), 40)).anyMatch(is(Decision.TRADE, "score \\d+\\.\\d\\dbps >= threshold \\d+\\.\\d\\dbps"));
    }

    @Test
    void hold_when_the_score_is_below_the_threshold_during_standardization_warm_up() {
        // the first cycles have too few pooled predictions: s = 0, α = 0, the score is negative (fix)
        assertThat(decisions(momentum(), 3)).allMatch(is(Decision.HOLD, "score -\\d+\\.\\d\\dbps < threshold \\d+\\.\\d\\dbps"));
    }

    @Test
    void hold_short_not_allowed_when_flat_and_the_signal_says_sell() {
        assertThat(decisions(EngineHarness.Options.of(Scripts.returnModels(Scripts.FALLING)), 40))
                .anyMatch(is(Decision.HOLD, "short_not_allowed"))
                .noneMatch(d -> d.decision() == Decision.TRADE);
    }

    @Test
    void hold_no_trade_band_once_the_position_is_at_its_target() {
        assertThat(decisions(momentum(), 80)).anyMatch(is(Decision.HOLD, "no_trade_band"));
    }

    @Test
    void hold_insufficient_history_before_ten_returns() {
        Instant first = EngineHarness.BITCOIN.get(0).closeTime();
        assertThat(decisions(momentum().start(first), 5)).allMatch(is(Decision.HOLD, "insufficient_history"));
    }

    @Test
    void hold_invalid_volatility_for_a_symbol_whose_price_never_moves() {
        Symbol flat = Symbol.of("FLAT");
        List<Bar> bars = new ArrayList<>();
        for (Bar b : EngineHarness.BITCOIN) {
            bars.add(new Bar(flat, b.closeTime(), 10, 10, 10, 10, 100));
        }
        List<TradeDecision> all = decisions(momentum().extraBars(Map.of(flat, bars)), 5);
        assertThat(all).filteredOn(d -> d.symbol().equals(flat)).isNotEmpty()
                .allMatch(is(Decision.HOLD, "invalid_volatility"));
    }

    @Test
    void hold_no_data_without_a_quote() {
        assertThat(decisions(momentum().market(m -> new QuoteOverride(m, q -> null)), 5))
                .allMatch(is(Decision.HOLD, "no_data"));
    }

    @Test
    void hold_bad_quote_when_crossed() {
        assertThat(decisions(momentum().market(m -> new QuoteOverride(m, QuoteOverride::crossed)), 5))
                .allMatch(is(Decision.HOLD, "bad_quote"));
    }

    @Test
    void hold_stale_quote_when_older_than_the_allowed_age() {
        assertThat(decisions(momentum().market(m -> new QuoteOverride(m, QuoteOverride::stale)), 5))
                .allMatch(is(Decision.HOLD, "stale_quote"));
    }

    @Test
    void hold_wide_spread_blocks_new_positions() {
        List<TradeDecision> all = decisions(momentum().market(m -> new QuoteOverride(m, q -> QuoteOverride.widened(q, 15))), 60);
        assertThat(all).anyMatch(is(Decision.HOLD, "spread 15\\.0bps > max 12\\.0bps"))
                .noneMatch(d -> d.decision() == Decision.TRADE);
    }

    @Test
    void hold_no_valid_horizon_when_no_model_predicts() {
        ScriptedModelPort silent = Scripts.returnModels((row, call) -> Double.NaN);
        assertThat(decisions(EngineHarness.Options.of(silent), 5)).allMatch(is(Decision.HOLD, "no_valid_horizon"));
    }

    @Test
    void hold_below_min_order_when_the_trade_is_smaller_than_one_lot() {
        EngineHarness.Options options = momentum().tune(s -> EngineHarness.with(s, s.prediction(),
                Map.of(BTC, new BigDecimal("1000"))));
        assertThat(decisions(options, 40)).anyMatch(is(Decision.HOLD, "below_min_order"))
                .noneMatch(d -> d.decision() == Decision.TRADE);
    }

    @Test
    void hold_paused_places_nothing_but_still_decides() {
        try (EngineHarness h = new EngineHarness(dir, momentum())) {
            h.engine.start();
            h.inbox.post(new ControlCommand.Pause());
            List<CycleResult> cycles = h.run(40);
            assertThat(cycles).flatExtracting(CycleResult::decisions).allMatch(is(Decision.HOLD, "paused"));
            assertThat(cycles).allMatch(c -> c.orders().isEmpty() && !c.tradingAllowed());
            assertThat(h.store.load().orElseThrow().state().paused()).isTrue();
        }
    }

    @Test
    void blocked_by_the_barrier_gate_when_a_peak_is_likely() {
        ScriptedModelPort models = Scripts.returnModels(Scripts.RISING)
                .probability("will_peak_5m", "Logistic", EngineHarness.H5, (row, call) -> 0.62)
                .probability("will_valley_5m", "Logistic", EngineHarness.H5, (row, call) -> 0.1);
        assertThat(decisions(EngineHarness.Options.of(models), 40))
                .anyMatch(is(Decision.BLOCKED, "peak_prob 0\\.62 > 0\\.60"))
                .noneMatch(d -> d.decision() == Decision.TRADE);
    }

    @Test
    void blocked_when_a_barrier_probability_is_missing() {
        ScriptedModelPort models = Scripts.returnModels(Scripts.RISING)
                .probability("will_peak_5m", "Logistic", EngineHarness.H5, (row, call) -> Double.NaN)
                .probability("will_valley_5m", "Logistic", EngineHarness.H5, (row, call) -> 0.1);
        assertThat(decisions(EngineHarness.Options.of(models), 40))
                .anyMatch(is(Decision.BLOCKED, "invalid_barrier_prob"));
    }

    @Test
    void blocked_by_the_kill_switch() {
        try (EngineHarness h = new EngineHarness(dir, momentum())) {
            h.engine.start();
            h.inbox.post(new ControlCommand.Kill("operator test"));
            List<CycleResult> cycles = h.run(40);
            assertThat(cycles).flatExtracting(CycleResult::decisions)
                    .anyMatch(is(Decision.BLOCKED, "kill_switch: operator test"))
                    .noneMatch(d -> d.decision() == Decision.TRADE);
            assertThat(cycles.get(cycles.size() - 1).killReason()).isEqualTo("operator test");
        }
    }

    @Test
    void blocked_by_a_per_order_risk_check() {
        EngineHarness.Options options = momentum().tune(s -> new EngineSettings(s.universe(), s.barInterval(),
                s.horizons(), s.historyBars(), s.volLookback(), s.lotSizes(), s.defaultLotSize(), s.estimatedFeeBps(),
                s.prediction(), s.blending(), s.cost(), s.arbitration(), s.spreadGate(), s.barrierGate(), s.sizing(),
                s.killSwitch(), new RiskLimits(0.20, 1.0, new BigDecimal("100"), 50, 5, 120), s.execution(),
                s.reconcileEveryCycles()));
        assertThat(decisions(options, 40)).anyMatch(is(Decision.BLOCKED, "max_order_notional: .*"))
                .noneMatch(d -> d.decision() == Decision.TRADE);
    }
}
