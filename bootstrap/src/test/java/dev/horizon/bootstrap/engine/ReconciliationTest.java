package dev.horizon.bootstrap.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.horizon.application.engine.CycleResult;
import dev.horizon.application.engine.EngineSettings;
import dev.horizon.application.recovery.ReconciliationException;
import dev.horizon.application.recovery.ReconciliationMode;
import dev.horizon.domain.journal.JournalEntry;
import dev.horizon.domain.order.ClientOrderId;
import dev.horizon.domain.order.Order;
import dev.horizon.domain.order.OrderSide;
import dev.horizon.domain.order.OrderType;
import dev.horizon.domain.order.TimeInForce;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Startup and periodic reconciliation in each mode, against a broker account holding a position
 * the engine never traded (someone bought by hand).
 */
class ReconciliationTest {

    @TempDir
    Path dir;

    private static final ClientOrderId MANUAL = new ClientOrderId("manual-1");

    /** Runs a few quiet cycles, then buys 0.5 BTC at the broker behind the engine's back. */
    private Instant engineThenManualBuy() {
        Instant last;
        try (EngineHarness h = new EngineHarness(dir, EngineHarness.Options.of(Scripts.returnModels(Scripts.FALLING)))) {
            h.engine.start();
            h.run(5);
            last = h.clock.now();
            h.broker.submit(Order.intent(MANUAL, EngineHarness.BTC, OrderSide.BUY, OrderType.MARKET,
                    new BigDecimal("0.5"), null, TimeInForce.GTC, last));
        }
        return last;
    }

    private EngineHarness restart(ReconciliationMode mode, Instant from) {
        return new EngineHarness(dir, EngineHarness.Options.of(Scripts.returnModels(Scripts.FALLING))
                .mode(mode).start(from));
    }

    @Test
    void strict_refuses_to_start_and_prints_the_differences() {
        Instant last = engineThenManualBuy();
        try (EngineHarness h = restart(ReconciliationMode.STRICT, last)) {
            assertThatThrownBy(h.engine::start)
                    .isInstanceOf(ReconciliationException.class)
                    .hasMessageContaining("reconciliation.mode strict")
                    .hasMessageMatching("(?s).*BTC/USD\\s+0\\s+0\\.5.*")
                    .hasMessageMatching("(?s).*cash\\s+100000\\.00\\s+\\d+\\.\\d+.*");
        }
    }

    @Test
    void adopt_takes_the_brokers_position_and_cash_and_journals_the_correction() {
        Instant last = engineThenManualBuy();
        try (EngineHarness h = restart(ReconciliationMode.ADOPT, last)) {
            h.engine.start();
            assertThat(h.engine.state().position(EngineHarness.BTC).shares()).isEqualByComparingTo("0.5");
            assertThat(h.engine.state().cash()).isEqualByComparingTo(h.broker.account().cash());
            assertThat(h.journal()).filteredOn(e -> e instanceof JournalEntry.RiskEvent r
                            && r.kind().equals("reconciliation_adopted"))
                    .singleElement()
                    .satisfies(e -> assertThat(((JournalEntry.RiskEvent) e).message()).contains("BTC/USD"));
            assertThat(h.store.load().orElseThrow().state().position(EngineHarness.BTC).shares())
                    .isEqualByComparingTo("0.5");
        }
    }

    @Test
    void warn_keeps_the_engines_view_and_journals_the_mismatch() {
        Instant last = engineThenManualBuy();
        try (EngineHarness h = restart(ReconciliationMode.WARN, last)) {
            h.engine.start();
            assertThat(h.engine.state().position(EngineHarness.BTC).isFlat()).isTrue();
            assertThat(h.engine.state().cash()).isEqualByComparingTo("100000.00");
            assertThat(h.journal()).anyMatch(e -> e instanceof JournalEntry.RiskEvent r
                    && r.kind().equals("reconciliation_mismatch") && r.message().contains("BTC/USD"));
        }
    }

    @Test
    void periodic_strict_reconciliation_trips_the_kill_switch_on_a_mismatch() {
        EngineHarness.Options options = EngineHarness.Options.of(Scripts.returnModels(Scripts.FALLING))
                .tune(s -> new EngineSettings(s.universe(), s.barInterval(), s.horizons(), s.historyBars(),
                        s.volLookback(), s.lotSizes(), s.defaultLotSize(), s.estimatedFeeBps(), s.prediction(),
                        s.blending(), s.cost(), s.arbitration(), s.spreadGate(), s.barrierGate(), s.sizing(),
                        s.killSwitch(), s.risk(), s.execution(), 3));
        try (EngineHarness h = new EngineHarness(dir, options)) {
            h.engine.start();
            h.run(1);
            h.broker.submit(Order.intent(MANUAL, EngineHarness.BTC, OrderSide.BUY, OrderType.MARKET,
                    new BigDecimal("0.5"), null, TimeInForce.GTC, h.clock.now()));
            List<CycleResult> cycles = h.run(3);
            CycleResult last = cycles.get(cycles.size() - 1);
            assertThat(last.tradingAllowed()).isFalse();
            assertThat(last.killReason()).isEqualTo("reconciliation: engine and broker disagree");
            assertThat(h.engine.state().position(EngineHarness.BTC).isFlat()).isTrue();
        }
    }
}
