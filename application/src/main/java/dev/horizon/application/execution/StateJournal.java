package dev.horizon.application.execution;

import dev.horizon.application.port.EventSink;
import dev.horizon.application.port.StateStore;
import dev.horizon.domain.journal.JournalEntry;
import dev.horizon.domain.order.Fill;
import dev.horizon.domain.order.Order;
import dev.horizon.domain.state.EngineState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The engine state of the running cycle together with its journal: every order change and fill
 * is appended durably to the store <em>and</em> applied to the in-memory state, in that order, so
 * the journal always knows at least as much as the state.
 *
 * <p>Not thread-safe: owned by the cycle's thread.
 */
public final class StateJournal {

    private final StateStore store;
    private final EventSink events;
    private EngineState state;
    private final List<Fill> fills = new ArrayList<>();

    public StateJournal(StateStore store, EventSink events, EngineState state) {
        this.store = Objects.requireNonNull(store, "store");
        this.events = Objects.requireNonNull(events, "events");
        this.state = Objects.requireNonNull(state, "state");
    }

    /** Opens the journal of a state; binds the store and event sink once for every caller. */
    @FunctionalInterface
    public interface Factory {
        StateJournal open(EngineState state);
    }

    /** The fills journaled through this journal, oldest first. */
    public List<Fill> fills() {
        return List.copyOf(fills);
    }

    public EngineState state() {
        return state;
    }

    /** Replaces the state without a journal entry (marks, session bookkeeping). */
    public void update(EngineState next) {
        state = Objects.requireNonNull(next, "state");
    }

    /** Journals an order about to be sent, then tracks it as open. */
    public void intent(Order order, Instant at) {
        append(new JournalEntry.OrderIntent(state.cycleSeq(), at, order));
        state = state.withOrder(order);
    }

    /** Journals a status change of an order (ack, rejection, cancel, unknown...). */
    public void statusChanged(Order order, Instant at) {
        append(new JournalEntry.OrderUpdate(state.cycleSeq(), at, order.clientOrderId(), order.status(),
                order.brokerOrderId(), order.statusReason()));
        state = state.withOrder(order);
    }

    /** Journals a fill, then applies it to cash, position and the order. */
    public void filled(Order orderAfterFill, Fill fill) {
        append(new JournalEntry.FillRecorded(state.cycleSeq(), fill.time(), fill));
        state = state.applyFill(fill).withOrder(orderAfterFill);
        fills.add(fill);
    }

    /**
     * Applies a fill that is already in the journal (written before a crash, recovered after):
     * the state catches up without a second journal line for the same fill.
     */
    public void replayFill(Order orderAfterFill, Fill fill) {
        state = state.applyFill(fill).withOrder(orderAfterFill);
    }

    /** Journals a risk event (kill switch, pause, reconciliation correction). */
    public void riskEvent(String kind, String message, Instant at) {
        append(new JournalEntry.RiskEvent(state.cycleSeq(), at, kind, message));
    }

    private void append(JournalEntry entry) {
        store.append(entry);
        events.publish(entry);
    }
}
