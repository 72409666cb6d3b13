package dev.horizon.bootstrap.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.horizon.application.engine.CycleResult;
import dev.horizon.application.engine.EngineSettings;
import dev.horizon.application.port.ControlCommand;
import dev.horizon.domain.journal.JournalEntry;
import dev.horizon.domain.risk.KillSwitchConfig;
import dev.horizon.domain.order.OrderSide;
import dev.horizon.domain.risk.OnKill;
import dev.horizon.domain.state.Decision;
import dev.horizon.domain.state.KillSwitchKind;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kill switch is persisted: a restart never clears it; a new session clears only a daily-loss trip. */
class KillSwitchPersistenceTest {

    @TempDir
    Path dir;

    /** Two hours before the UTC day (the crypto session) ends. */
    private static final Instant LATE = Instant.parse("2013-11-29T22:00:00Z");
    private static final Instant NEXT_SESSION = Instant.parse("2013-11-30T00:00:00Z");

    /** Limits so tight that the fees of the first trade trip them. */
    private static EngineHarness.Options tight(double dailyLoss, double drawdown) {
        return EngineHarness.Options.of(Scripts.returnModels(Scripts.RISING)).start(LATE)
                .tune(s -> new EngineSettings(s.universe(), s.barInterval(), s.horizons(), s.historyBars(),
                        s.volLookback(), s.lotSizes(), s.defaultLotSize(), s.estimatedFeeBps(), s.prediction(),
                        s.blending(), s.cost(), s.arbitration(), s.spreadGate(), s.barrierGate(), s.sizing(),
                        new KillSwitchConfig(dailyLoss, drawdown, OnKill.HALT), s.risk(), s.execution(),
                        s.reconcileEveryCycles()));
    }

    private static Instant tripAndStop(EngineHarness h, KillSwitchKind kind) {
        h.engine.start();
        h.runUntilOrder(60);
        for (int i = 0; i < 10 && !h.engine.state().killSwitch().active(); i++) {
            h.run(1);
        }
        assertThat(h.engine.state().killSwitch().active()).isTrue();
        assertThat(h.engine.state().killSwitch().kind()).isEqualTo(kind);
        return h.clock.now();
    }

    @Test
    void a_tripped_switch_survives_a_restart() {
        Instant stopped;
        String reason;
        try (EngineHarness h = new EngineHarness(dir, tight(0.000001, 0.5))) {
            stopped = tripAndStop(h, KillSwitchKind.DAILY_LOSS);
            reason = h.engine.state().killSwitch().reason();
            assertThat(reason).matches("daily_loss: -\\d+\\.\\d\\d% \\(limit -0\\.00%\\)");
        }
        try (EngineHarness h = new EngineHarness(dir, tight(0.000001, 0.5).start(stopped))) {
            h.engine.start();
            assertThat(h.engine.state().killSwitch().reason()).isEqualTo(reason);
            List<CycleResult> cycles = h.run(20);
            // halt: nothing that adds risk; reducing the position is still allowed
            assertThat(cycles).allMatch(c -> !c.tradingAllowed());
            assertThat(cycles).flatExtracting(CycleResult::orders).allMatch(o -> o.side() == OrderSide.SELL);
            assertThat(cycles).flatExtracting(CycleResult::decisions)
                    .anyMatch(d -> d.decision() == Decision.BLOCKED && d.reason().equals("kill_switch: " + reason));
        }
    }

    @Test
    void a_daily_loss_trip_clears_at_the_next_session() {
        try (EngineHarness h = new EngineHarness(dir, tight(0.000001, 0.5))) {
            tripAndStop(h, KillSwitchKind.DAILY_LOSS);
            while (h.nextClose().isBefore(NEXT_SESSION)) {
                assertThat(h.run(1)).allMatch(c -> !c.tradingAllowed());
            }
            CycleResult firstOfNextDay = h.run(1).get(0);
            assertThat(firstOfNextDay.tradingAllowed()).isTrue();
            assertThat(h.journal()).anyMatch(e -> e instanceof JournalEntry.RiskEvent r
                    && r.kind().equals("kill_switch_cleared"));
        }
    }

    @Test
    void a_drawdown_trip_needs_an_explicit_reset() {
        try (EngineHarness h = new EngineHarness(dir, tight(0.5, 0.000001))) {
            tripAndStop(h, KillSwitchKind.DRAWDOWN);
            while (h.nextClose().isBefore(NEXT_SESSION.plusSeconds(600))) {
                h.run(1);
            }
            assertThat(h.engine.state().killSwitch().active()).isTrue();
            assertThat(h.run(1).get(0).decisions()).allMatch(d -> d.decision() != Decision.TRADE
                    || d.reason().startsWith("kill_switch"));

            h.inbox.post(new ControlCommand.ResetKill());
            CycleResult afterReset = h.run(1).get(0);
            assertThat(h.engine.state().killSwitch().active()).isFalse();
            assertThat(afterReset.tradingAllowed()).isTrue();
            assertThat(h.engine.state().highWaterMark()).isEqualByComparingTo(h.engine.state().portfolioValue()
                    .max(h.engine.state().highWaterMark()));
        }
    }
}
