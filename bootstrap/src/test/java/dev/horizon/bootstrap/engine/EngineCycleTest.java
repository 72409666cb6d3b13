package dev.horizon.bootstrap.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.horizon.application.engine.CycleResult;
import dev.horizon.application.port.BrokerPosition;
import dev.horizon.domain.journal.JournalEntry;
import dev.horizon.domain.order.Fill;
import dev.horizon.domain.order.Order;
import dev.horizon.domain.order.OrderSide;
import dev.horizon.domain.order.OrderStatus;
import dev.horizon.domain.state.Decision;
import dev.horizon.domain.state.TradeDecision;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One cycle that trades, end to end, and what it leaves in the journal. */
class EngineCycleTest {

    @TempDir
    Path dir;

    @Test
    void a_cycle_buys_at_the_broker_and_journals_intent_ack_fill_and_decision_in_that_order() {
        try (EngineHarness h = new EngineHarness(dir, EngineHarness.Options.of(Scripts.returnModels(Scripts.RISING)))) {
            h.engine.start();
            CycleResult cycle = h.runUntilOrder(60);

            Order order = cycle.orders().get(0);
            assertThat(order.side()).isEqualTo(OrderSide.BUY);
            assertThat(order.status()).isEqualTo(OrderStatus.FILLED);
            assertThat(order.clientOrderId().value()).isEqualTo("hz-test-" + cycle.cycleSeq() + "-BTCUSD-B");
            TradeDecision decision = cycle.decisions().get(0);
            assertThat(decision.decision()).isEqualTo(Decision.TRADE);
            assertThat(decision.reason()).matches("score \\d+\\.\\d\\dbps >= threshold \\d+\\.\\d\\dbps");
            assertThat(decision.shares()).isEqualByComparingTo(order.quantity());
            assertThat(decision.trace().values()).containsKeys("sigma_bar", "spread_bps", "models", "arbitration",
                    "sizing", "gate_factor");

            List<JournalEntry> journal = h.store.journal(cycle.cycleSeq(), cycle.cycleSeq());
            assertThat(journal).extracting(e -> e.getClass().getSimpleName()).containsExactly(
                    "OrderIntent", "OrderUpdate", "FillRecorded", "OrderUpdate", "DecisionRecorded");
            assertThat(((JournalEntry.OrderUpdate) journal.get(1)).status()).isEqualTo(OrderStatus.SUBMITTED);
            assertThat(((JournalEntry.OrderUpdate) journal.get(3)).status()).isEqualTo(OrderStatus.FILLED);

            // the ledger moved by the broker's fill, fees included, to the cent
            Fill fill = ((JournalEntry.FillRecorded) journal.get(2)).fill();
            assertThat(cycle.fills()).containsExactly(fill);
            assertThat(cycle.cash()).isEqualByComparingTo(new BigDecimal("100000.00").add(fill.cashDelta()));
            assertThat(fill.fee()).isPositive();
            assertThat(h.engine.state().position(EngineHarness.BTC).shares()).isEqualByComparingTo(fill.quantity());
            assertThat(h.broker.positions()).extracting(BrokerPosition::quantity)
                    .usingElementComparator(BigDecimal::compareTo).containsExactly(fill.quantity());
            assertThat(h.broker.account().cash()).isEqualByComparingTo(cycle.cash());
        }
    }

    @Test
    void every_cycle_persists_its_decisions_and_the_snapshot_in_one_save() {
        try (EngineHarness h = new EngineHarness(dir, EngineHarness.Options.of(Scripts.returnModels(Scripts.RISING)))) {
            h.engine.start();
            List<CycleResult> cycles = h.run(30);
            long decisions = h.journal().stream().filter(e -> e instanceof JournalEntry.DecisionRecorded).count();
            assertThat(decisions).isEqualTo(30);
            var saved = h.store.load().orElseThrow();
            assertThat(saved.state().cycleSeq()).isEqualTo(cycles.get(29).cycleSeq());
            assertThat(saved.state().completedCycleSeq()).isEqualTo(saved.state().cycleSeq());
            assertThat(saved.state().lastCycleTime()).isEqualTo(cycles.get(29).time());
            assertThat(saved.learned().prediction().models()).containsKeys("ret_5m/Ridge", "ret_15m/Ridge");
            assertThat(saved.learned().blending()).containsKeys("5m", "15m");
        }
    }

    @Test
    void a_bar_already_traded_is_not_run_again() {
        try (EngineHarness h = new EngineHarness(dir, EngineHarness.Options.of(Scripts.returnModels(Scripts.RISING)))) {
            h.engine.start();
            CycleResult first = h.run(1).get(0);
            assertThat(h.engine.runCycle(first.time())).isEmpty();
            assertThat(h.engine.runCycle(first.time().minusSeconds(60))).isEmpty();
            assertThat(h.engine.state().cycleSeq()).isEqualTo(first.cycleSeq());
        }
    }

    @Test
    void predictions_mature_into_the_ic_and_stability_windows_with_the_realised_return() {
        try (EngineHarness h = new EngineHarness(dir, EngineHarness.Options.of(Scripts.returnModels(Scripts.RISING)))) {
            h.engine.start();
            List<CycleResult> cycles = h.run(40);
            var model = h.store.load().orElseThrow().learned().prediction().models().get("ret_5m/Ridge");
            // one prediction per bar; those older than 5 minutes have matured (bars may have gaps)
            assertThat(model.ic().predictions().length).isBetween(30, 35);
            assertThat(model.stability().scores().length).isEqualTo(Math.min(50, model.ic().predictions().length));
            // the first matured pair: predicted at the first cycle, realised over the next five minutes
            CycleResult first = cycles.get(0);
            double closeThen = EngineHarness.BITCOIN.stream().filter(b -> b.closeTime().equals(first.time()))
                    .findFirst().orElseThrow().close();
            double closeLater = EngineHarness.BITCOIN.stream()
                    .filter(b -> b.closeTime().equals(first.time().plusSeconds(300)))
                    .findFirst().orElseThrow().close();
            assertThat(model.ic().predictions()[0]).isEqualTo(0.0001);
            assertThat(model.ic().realised()[0]).isEqualTo(closeLater / closeThen - 1);
        }
    }
}
