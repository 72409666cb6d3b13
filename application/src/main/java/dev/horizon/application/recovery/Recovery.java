package dev.horizon.application.recovery;

import dev.horizon.application.execution.OrderExecutor;
import dev.horizon.application.execution.StateJournal;
import dev.horizon.application.port.BrokerPort;
import dev.horizon.application.port.StateStore;
import dev.horizon.domain.journal.JournalEntry;
import dev.horizon.domain.order.ClientOrderId;
import dev.horizon.domain.market.Symbol;
import dev.horizon.domain.order.Order;
import dev.horizon.domain.snapshot.EngineSnapshot;
import dev.horizon.domain.snapshot.LearnedState;
import dev.horizon.domain.state.EngineState;
import dev.horizon.domain.state.PositionState;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Startup is crash recovery — one code path whether the last run stopped cleanly or died:
 * <ol>
 *   <li>load the state (a new location starts from the broker's account);</li>
 *   <li>resolve every order the state or the interrupted cycle's journal left open, by client id
 *       at the broker, applying missed fills exactly once;</li>
 *   <li>reconcile positions and cash with the broker ({@link ReconciliationMode});</li>
 *   <li>persist, and only then let the first cycle run.</li>
 * </ol>
 */
public final class Recovery {

    private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);

    private final StateStore store;
    private final BrokerPort broker;
    private final OrderExecutor executor;
    private final Reconciler reconciler;

    public Recovery(StateStore store, BrokerPort broker, OrderExecutor executor, Reconciler reconciler) {
        this.store = Objects.requireNonNull(store, "store");
        this.broker = Objects.requireNonNull(broker, "broker");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.reconciler = Objects.requireNonNull(reconciler, "reconciler");
    }

    /**
     * Loads, resolves, reconciles and saves; returns the snapshot the first cycle starts from.
     *
     * @param journals opens the journal over the loaded (or, for a new location, the broker's) state
     * @throws ReconciliationException in strict mode when engine and broker disagree
     */
    public EngineSnapshot recover(StateJournal.Factory journals, Instant now) {
        EngineSnapshot loaded = store.load().orElse(null);
        StateJournal journal;
        LearnedState learned;
        if (loaded == null) {
            journal = journals.open(fromBroker());
            learned = LearnedState.empty();
            journal.riskEvent("initialized_from_broker", "new state location: starting from the broker's account", now);
        } else {
            journal = journals.open(loaded.state());
            learned = loaded.learned();
            resolveOrders(journal, loaded.state());
        }
        reconciler.reconcile(journal, now);
        EngineSnapshot recovered = new EngineSnapshot(journal.state(), learned);
        store.save(recovered, List.of());
        return recovered;
    }

    private void resolveOrders(StateJournal journal, EngineState loaded) {
        Map<ClientOrderId, Order> open = new LinkedHashMap<>(loaded.openOrders());
        Set<String> journaledFills = new HashSet<>();
        if (loaded.hasUnfinishedCycle()) {
            for (JournalEntry entry : store.journal(loaded.cycleSeq(), loaded.cycleSeq())) {
                if (entry instanceof JournalEntry.OrderIntent intent) {
                    open.putIfAbsent(intent.order().clientOrderId(), intent.order());
                } else if (entry instanceof JournalEntry.FillRecorded fill) {
                    journaledFills.add(fill.fill().fillId());
                }
            }
            LOG.warn("cycle {} was interrupted; resolving its {} order(s) at the broker", loaded.cycleSeq(),
                    open.size() - loaded.openOrders().size());
        }
        if (!open.isEmpty()) {
            executor.resolve(journal, List.copyOf(open.values()), journaledFills);
        }
        journal.update(journal.state().toBuilder().completeCycle().build());
    }

    private EngineState fromBroker() {
        BigDecimal cash = broker.account().cash();
        Map<Symbol, PositionState> positions = new TreeMap<>();
        broker.positions().forEach(p -> positions.put(p.symbol(),
                new PositionState(p.symbol(), p.quantity(), p.averageEntryPrice(), null, p.averageEntryPrice())));
        return EngineState.initial(cash).toBuilder().positions(positions).build();
    }
}
