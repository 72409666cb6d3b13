package dev.horizon.bootstrap.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.horizon.application.engine.CycleResult;
import dev.horizon.application.engine.EngineSettings;
import dev.horizon.application.port.ControlCommand;
import dev.horizon.domain.order.Order;
import dev.horizon.domain.order.OrderSide;
import dev.horizon.domain.order.OrderStatus;
import dev.horizon.domain.risk.KillSwitchConfig;
import dev.horizon.domain.risk.OnKill;
import dev.horizon.domain.state.Decision;
import dev.horizon.domain.state.TradeDecision;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Positions are closed: by a sell signal, by the barrier gate, by the kill switch in flatten mode. */
class ExitsTest {

    @TempDir
    Path dir;

    /** Runs until the engine holds BTC; fails if it never buys. */
    private static void buildLong(EngineHarness h) {
        CycleResult entry = h.runUntilOrder(60);
        assertThat(entry.orders()).extracting(Order::side).containsExactly(OrderSide.BUY);
        assertThat(h.engine.state().position(EngineHarness.BTC).shares()).isPositive();
    }

    private static TradeDecision sellToFlat(EngineHarness h, int limit) {
        for (int i = 0; i < limit; i++) {
            for (CycleResult r : h.run(1)) {
                if (!r.orders().isEmpty() && r.orders().get(0).side() == OrderSide.SELL) {
                    Order sell = r.orders().get(0);
                    assertThat(sell.status()).isEqualTo(OrderStatus.FILLED);
                    assertThat(h.engine.state().position(EngineHarness.BTC).isFlat()).isTrue();
                    assertThat(h.broker.positions()).isEmpty();
                    return r.decisions().get(0);
                }
            }
        }
        throw new AssertionError("no sell within " + limit + " bars");
    }

    @Test
    void a_negative_alpha_on_a_long_sells_it_to_flat() {
        try (EngineHarness h = new EngineHarness(dir, EngineHarness.Options.of(
                Scripts.returnModels(Scripts.risingThenFalling(30))))) {
            h.engine.start();
            buildLong(h);
            TradeDecision exit = sellToFlat(h, 120);
            assertThat(exit.decision()).isEqualTo(Decision.TRADE);
            assertThat(exit.targetWeight()).isZero();
            assertThat(exit.reason()).startsWith("short_not_allowed: sell to flat (score ");
        }
    }

    @Test
    void a_likely_peak_exits_a_held_long_through_the_barrier_gate() {
        AtomicBoolean peakAhead = new AtomicBoolean(false);
        ScriptedModelPort models = Scripts.returnModels(Scripts.RISING)
                .probability("will_peak_5m", "Logistic", EngineHarness.H5, (row, call) -> peakAhead.get() ? 0.7 : 0.1)
                .probability("will_valley_5m", "Logistic", EngineHarness.H5, (row, call) -> 0.1);
        try (EngineHarness h = new EngineHarness(dir, EngineHarness.Options.of(models))) {
            h.engine.start();
            buildLong(h);
            peakAhead.set(true);
            TradeDecision exit = sellToFlat(h, 5);
            assertThat(exit.reason()).isEqualTo("barrier_exit: peak_prob 0.70 > 0.65");
        }
    }

    @Test
    void the_kill_switch_in_flatten_mode_closes_every_position() {
        EngineHarness.Options options = EngineHarness.Options.of(Scripts.returnModels(Scripts.RISING))
                .tune(s -> new EngineSettings(s.universe(), s.barInterval(), s.horizons(), s.historyBars(),
                        s.volLookback(), s.lotSizes(), s.defaultLotSize(), s.estimatedFeeBps(), s.prediction(),
                        s.blending(), s.cost(), s.arbitration(), s.spreadGate(), s.barrierGate(), s.sizing(),
                        new KillSwitchConfig(0.02, 0.10, OnKill.FLATTEN), s.risk(), s.execution(),
                        s.reconcileEveryCycles()));
        try (EngineHarness h = new EngineHarness(dir, options)) {
            h.engine.start();
            buildLong(h);
            h.inbox.post(new ControlCommand.Kill("flatten drill"));
            TradeDecision exit = sellToFlat(h, 2);
            assertThat(exit.reason()).isEqualTo("kill_switch: flatten drill");
            List<CycleResult> after = h.run(20);
            assertThat(after).allMatch(r -> r.orders().isEmpty() && !r.tradingAllowed());
        }
    }
}
