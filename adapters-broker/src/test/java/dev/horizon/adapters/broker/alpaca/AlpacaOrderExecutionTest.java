package dev.horizon.adapters.broker.alpaca;

import static org.assertj.core.api.Assertions.assertThat;

import dev.horizon.adapters.broker.alpaca.FakeAlpacaServer.Fault;
import dev.horizon.application.execution.ExecutionConfig;
import dev.horizon.application.execution.OrderExecutor;
import dev.horizon.application.execution.OrderRequest;
import dev.horizon.application.execution.StateJournal;
import dev.horizon.application.port.BrokerUnavailableException;
import dev.horizon.application.port.EventSink;
import dev.horizon.application.port.StateStore;
import dev.horizon.application.time.SimulatedClock;
import dev.horizon.domain.journal.JournalEntry;
import dev.horizon.domain.market.MarketCalendar;
import dev.horizon.domain.order.Order;
import dev.horizon.domain.order.OrderSide;
import dev.horizon.domain.order.OrderStatus;
import dev.horizon.domain.snapshot.EngineSnapshot;
import dev.horizon.domain.state.EngineState;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The engine's order execution ({@link OrderExecutor}) over {@link AlpacaBroker} and the fake
 * account: an ambiguous submit is resolved by client order id and never sent twice, and an open
 * circuit breaker makes the engine hold, saying why.
 */
class AlpacaOrderExecutionTest extends AlpacaBrokerTestSupport {

    private final List<JournalEntry> journaled = new ArrayList<>();
    private SimulatedClock clock;
    private StateJournal journal;

    @BeforeEach
    void openEngine() {
        clock = new SimulatedClock(T0, MarketCalendar.usEquities(Set.of()));
        journal = new StateJournal(new ListStore(journaled), EventSink.discarding(),
                EngineState.initial(new BigDecimal("100000.00")));
    }

    @Test
    void connection_reset_after_alpaca_accepted_the_order_is_resolved_by_client_id_and_never_sent_again() {
        fake.inject(Fault.disconnectAfterApplying("POST", "/v2/orders"));

        List<Order> done = executor(broker).execute(journal, List.of(buy("10")));

        assertThat(done).hasSize(1);
        Order order = done.get(0);
        assertThat(order.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(order.filledQuantity()).isEqualByComparingTo("10");
        assertThat(fake.postsOf(order.clientOrderId())).as("the order was sent exactly once").isEqualTo(1);
        assertThat(journal.state().position(AAPL).shares()).isEqualByComparingTo("10");
        assertThat(journal.state().cash()).isEqualByComparingTo("98999.50");
        assertThat(journaled).filteredOn(JournalEntry.OrderUpdate.class::isInstance)
                .map(e -> ((JournalEntry.OrderUpdate) e).status()).containsExactly(OrderStatus.UNKNOWN, OrderStatus.FILLED);
        assertThat(journaled).filteredOn(JournalEntry.FillRecorded.class::isInstance)
                .map(e -> ((JournalEntry.FillRecorded) e).fill().quantity()).containsExactly(new BigDecimal("10"));
    }

    @Test
    void a_submit_timeout_after_acceptance_ends_filled_once_too() {
        fake.inject(Fault.noAnswerAfterApplying("POST", "/v2/orders"));

        Order order = executor(broker).execute(journal, List.of(buy("4"))).get(0);

        assertThat(order.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(fake.postsOf(order.clientOrderId())).isEqualTo(1);
        assertThat(journal.state().position(AAPL).shares()).isEqualByComparingTo("4");
    }

    @Test
    void with_the_circuit_breaker_open_the_engine_holds_and_says_why() {
        AlpacaBroker guarded = broker(AlpacaBrokerContractTest.FAST
                .withRetry(1, Duration.ZERO, Duration.ZERO, Duration.ZERO)
                .withBreaker(50, 4, 4, Duration.ofMinutes(5)));
        try {
            fake.inject(Fault.status("GET", "/v2/account", 503).once(4));
            for (int i = 0; i < 4; i++) {
                try {
                    guarded.account();
                } catch (BrokerUnavailableException expected) {
                    // opening the breaker
                }
            }
            long sent = fake.requestCount();

            Order order = executor(guarded).execute(journal, List.of(buy("10"))).get(0);

            assertThat(order.status()).isEqualTo(OrderStatus.UNKNOWN);
            assertThat(order.statusReason()).startsWith("ambiguous submit: alpaca circuit breaker open:")
                    .contains("HTTP 503");
            assertThat(fake.requestCount()).as("nothing was sent while the breaker was open").isEqualTo(sent);
            assertThat(fake.postsOf(order.clientOrderId())).isZero();
            assertThat(journal.state().cash()).isEqualByComparingTo("100000.00");
            assertThat(journal.state().positions()).isEmpty();
        } finally {
            guarded.close();
        }
    }

    private OrderExecutor executor(AlpacaBroker alpaca) {
        return new OrderExecutor(alpaca, clock, ExecutionConfig.defaults("e2e"));
    }

    private static OrderRequest buy(String quantity) {
        return new OrderRequest(AAPL, OrderSide.BUY, new BigDecimal(quantity), 100.0);
    }

    /** A journal in a list: enough for the executor, which only appends. */
    private record ListStore(List<JournalEntry> entries) implements StateStore {

        @Override
        public Optional<EngineSnapshot> load() {
            return Optional.empty();
        }

        @Override
        public void save(EngineSnapshot snapshot, List<JournalEntry> more) {
            entries.addAll(more);
        }

        @Override
        public void append(JournalEntry entry) {
            entries.add(entry);
        }

        @Override
        public List<JournalEntry> journal(long fromCycle, long toCycle) {
            return List.copyOf(entries);
        }

        @Override
        public void close() {
            // nothing to release
        }
    }
}
