package dev.horizon.bootstrap.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.horizon.application.port.BrokerPosition;
import dev.horizon.domain.journal.JournalEntry;
import dev.horizon.domain.market.Symbol;
import dev.horizon.domain.order.ClientOrderId;
import dev.horizon.domain.order.Fill;
import dev.horizon.domain.order.Order;
import dev.horizon.domain.order.OrderStatus;
import dev.horizon.domain.state.EngineState;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The process dies at each step of a trading cycle; a new process on the same state and broker
 * account recovers. Then: no order was placed twice, no fill was lost or counted twice, and the
 * engine's positions and cash equal the broker's.
 */
class CrashRecoveryTest {

    @TempDir
    Path dir;

    enum CrashPoint {
        AFTER_THE_INTENT,
        AFTER_THE_SUBMIT,
        AFTER_A_FILL,
        BEFORE_THE_SNAPSHOT
    }

    private static EngineHarness.Options crashing(CrashPoint point) {
        EngineHarness.Options options = EngineHarness.Options.of(Scripts.returnModels(Scripts.RISING));
        return switch (point) {
            case AFTER_THE_INTENT -> options.store(s -> new CrashingStore(s,
                    e -> e instanceof JournalEntry.OrderIntent, entries -> false));
            case AFTER_THE_SUBMIT -> options.broker(CrashingBroker::new);
            case AFTER_A_FILL -> options.store(s -> new CrashingStore(s,
                    e -> e instanceof JournalEntry.FillRecorded, entries -> false));
            case BEFORE_THE_SNAPSHOT -> options.store(s -> new CrashingStore(s, e -> false,
                    entries -> entries.stream().anyMatch(e -> e instanceof JournalEntry.DecisionRecorded)
                            && hasOrders(s)));
        };
    }

    /** True once the journal holds an order: the first trading cycle's final save is the one to kill. */
    private static boolean hasOrders(dev.horizon.application.port.StateStore s) {
        return s.journal(0, Long.MAX_VALUE).stream().anyMatch(e -> e instanceof JournalEntry.OrderIntent);
    }

    @ParameterizedTest
    @EnumSource(CrashPoint.class)
    void restart_after_a_crash_places_no_duplicate_and_loses_no_fill(CrashPoint point) {
        Instant crashedBar;
        try (EngineHarness first = new EngineHarness(dir, crashing(point))) {
            first.engine.start();
            assertThatThrownBy(() -> first.runUntilOrder(60)).isInstanceOf(Crash.class);
            crashedBar = first.clock.now();
        }

        try (EngineHarness second = new EngineHarness(dir,
                EngineHarness.Options.of(Scripts.returnModels(Scripts.RISING)).start(crashedBar))) {
            second.engine.start();
            EngineState recovered = second.engine.state();
            assertThat(recovered.hasUnfinishedCycle()).isFalse();
            assertThat(recovered.openOrders()).isEmpty();
            assertThat(recovered.lastCycleTime()).isEqualTo(crashedBar);
            assertLedgerEqualsBroker(second);
            assertEachFillJournaledOnce(second);

            second.run(120);

            assertLedgerEqualsBroker(second);
            assertEachFillJournaledOnce(second);
            assertNoDuplicateOrders(second, point);
        }
    }

    private static void assertLedgerEqualsBroker(EngineHarness h) {
        EngineState state = h.engine.state();
        Map<Symbol, BigDecimal> engine = new TreeMap<>();
        state.positions().forEach((s, p) -> engine.put(s, p.shares().stripTrailingZeros()));
        Map<Symbol, BigDecimal> broker = new TreeMap<>();
        for (BrokerPosition p : h.broker.positions()) {
            broker.put(p.symbol(), p.quantity().stripTrailingZeros());
        }
        assertThat(engine).isEqualTo(broker);
        assertThat(state.cash()).isEqualByComparingTo(h.broker.account().cash());
    }

    private static void assertEachFillJournaledOnce(EngineHarness h) {
        List<String> journaled = h.journal().stream()
                .filter(e -> e instanceof JournalEntry.FillRecorded)
                .map(e -> ((JournalEntry.FillRecorded) e).fill().fillId())
                .toList();
        List<String> atBroker = h.broker.fillsSince(Instant.EPOCH).stream().map(Fill::fillId).toList();
        assertThat(journaled).doesNotHaveDuplicates();
        assertThat(journaled).containsExactlyInAnyOrderElementsOf(atBroker);
    }

    private static void assertNoDuplicateOrders(EngineHarness h, CrashPoint point) {
        List<Order> intents = h.journal().stream()
                .filter(e -> e instanceof JournalEntry.OrderIntent)
                .map(e -> ((JournalEntry.OrderIntent) e).order())
                .toList();
        assertThat(intents).extracting(Order::clientOrderId).doesNotHaveDuplicates();
        List<Order> atBroker = new ArrayList<>();
        for (Order intent : intents) {
            h.broker.orderByClientId(intent.clientOrderId()).ifPresent(atBroker::add);
        }
        // at most one order per bar, symbol and side reached the broker: the crashed bar was not traded again
        Map<String, Long> perBar = atBroker.stream().collect(Collectors.groupingBy(
                o -> o.createdAt() + " " + o.symbol() + " " + o.side(), Collectors.counting()));
        assertThat(perBar.values()).allMatch(n -> n == 1);
        Set<ClientOrderId> canceledUnsent = new HashSet<>();
        for (JournalEntry e : h.journal()) {
            if (e instanceof JournalEntry.OrderUpdate u && u.status() == OrderStatus.CANCELED
                    && "never reached the broker".equals(u.reason())) {
                canceledUnsent.add(u.clientOrderId());
            }
        }
        if (point == CrashPoint.AFTER_THE_INTENT) {
            // the intent was journaled but never sent: recovery closed it instead of sending it late
            assertThat(canceledUnsent).containsExactly(intents.get(0).clientOrderId());
            assertThat(h.broker.orderByClientId(intents.get(0).clientOrderId())).isEmpty();
        } else {
            assertThat(canceledUnsent).isEmpty();
            assertThat(h.broker.orderByClientId(intents.get(0).clientOrderId())).get()
                    .extracting(Order::status).isEqualTo(OrderStatus.FILLED);
        }
    }
}
