package dev.horizon.bootstrap.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.horizon.application.engine.CycleResult;
import dev.horizon.domain.journal.JournalEntry;
import dev.horizon.domain.order.Order;
import dev.horizon.domain.order.OrderStatus;
import dev.horizon.domain.state.Decision;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** While the broker is unreachable the engine holds and says why; it never doubles an order it may have placed. */
class BrokerOutageTest {

    @TempDir
    Path dir;

    /** An engine on rising-return models whose broker, wrapped in a {@link FlakyBroker}, lands in {@code flaky}. */
    private EngineHarness withFlakyBroker(AtomicReference<FlakyBroker> flaky) {
        return new EngineHarness(dir, EngineHarness.Options.of(Scripts.returnModels(Scripts.RISING))
                .broker(b -> {
                    flaky.set(new FlakyBroker(b));
                    return flaky.get();
                }));
    }

    @Test
    void buys_are_blocked_with_the_reason_when_the_broker_cannot_give_buying_power() {
        AtomicReference<FlakyBroker> flaky = new AtomicReference<>();
        try (EngineHarness h = withFlakyBroker(flaky)) {
            h.engine.start();
            flaky.get().down = true;
            List<CycleResult> cycles = h.run(40);
            assertThat(cycles).hasSize(40).allMatch(c -> c.orders().isEmpty());
            assertThat(cycles).flatExtracting(CycleResult::decisions)
                    .anyMatch(d -> d.decision() == Decision.BLOCKED
                            && d.reason().equals("broker_unavailable: broker unreachable: account not answered"));
            assertThat(flaky.get().submits).isZero();
        }
    }

    @Test
    void an_order_lost_in_an_outage_holds_its_symbol_until_resolved_and_is_never_sent_twice() {
        AtomicReference<FlakyBroker> flaky = new AtomicReference<>();
        try (EngineHarness h = withFlakyBroker(flaky)) {
            h.engine.start();
            h.run(3); // warm-up: the first trade comes a few cycles later
            FlakyBroker broker = flaky.get();
            broker.accountDuringOutage = true;
            // the broker accepts the order, then the connection dies before the answer and stays down
            broker.placeWhileDown = true;
            CycleResult ambiguous = null;
            for (int i = 0; i < 60 && ambiguous == null; i++) {
                broker.down = true;
                broker.placeWhileDown = true;
                List<CycleResult> r = h.run(1);
                if (!r.isEmpty() && !r.get(0).orders().isEmpty()) {
                    ambiguous = r.get(0);
                }
            }
            assertThat(ambiguous).as("a cycle tried to trade during the outage").isNotNull();
            Order lost = ambiguous.orders().get(0);
            assertThat(lost.status()).isEqualTo(OrderStatus.UNKNOWN);

            List<CycleResult> during = h.run(5);
            assertThat(during).flatExtracting(CycleResult::decisions).allMatch(d -> d.decision() == Decision.HOLD
                    && d.reason().equals("order_pending: " + lost.clientOrderId() + " UNKNOWN"));
            int submitsDuringOutage = broker.submits;

            broker.down = false;
            h.run(1);
            assertThat(h.engine.state().openOrders()).isEmpty();
            assertThat(h.journal()).anyMatch(e -> e instanceof JournalEntry.FillRecorded f
                    && f.fill().clientOrderId().equals(lost.clientOrderId()));
            assertThat(broker.submits).isEqualTo(submitsDuringOutage);
            assertThat(h.engine.state().position(EngineHarness.BTC).shares())
                    .isEqualByComparingTo(h.broker.positions().get(0).quantity());
        }
    }
}
