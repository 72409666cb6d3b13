package dev.horizon.application.execution;

import dev.horizon.domain.order.Fill;
import dev.horizon.domain.order.Order;
import dev.horizon.domain.order.OrderStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Brings the engine's view of one order up to the broker's: missed fills are applied (each once),
 * then the broker's status is adopted along the legal edges of the state machine.
 *
 * <p>Fills are matched by quantity, not by id: the fills the engine already applied are the
 * oldest ones whose quantities add up to the order's {@code filledQuantity}; the broker's later
 * fills are the missed ones. This needs no extra state, survives a crash at any point, and is
 * checked: fills that do not line up with what was applied are an error, never silently skipped.
 */
final class OrderSynchronizer {

    /** Statuses that come from applying fills, never adopted directly. */
    private static final Set<OrderStatus> FILL_STATUSES = Set.of(OrderStatus.PARTIALLY_FILLED, OrderStatus.FILLED);

    /**
     * @param remote       the broker's view of the order, empty when the broker does not know it
     * @param remoteFills  the broker's fills of this order, oldest first
     * @param journaledFillIds fills already in the journal (recovery of an interrupted cycle):
     *                     applied to the state but not journaled again
     * @return the engine's order after synchronisation
     */
    Order sync(StateJournal journal, Order local, Optional<Order> remote, List<Fill> remoteFills,
               Set<String> journaledFillIds, Instant now) {
        if (remote.isEmpty()) {
            return local;
        }
        Order broker = remote.get();
        Order order = local;
        if (order.brokerOrderId() == null && broker.brokerOrderId() != null) {
            order = order.withBrokerOrderId(broker.brokerOrderId());
        }
        if (order.status() == OrderStatus.NEW) {
            order = order.transitionTo(OrderStatus.SUBMITTED, now);
            journal.statusChanged(order, now);
        }
        OrderStatus beforeFills = order.status();
        for (Fill fill : unapplied(order, remoteFills)) {
            order = order.applyFill(fill);
            if (journaledFillIds.contains(fill.fillId())) {
                journal.replayFill(order, fill);
            } else {
                journal.filled(order, fill);
            }
        }
        if (order.status() != beforeFills) {
            journal.statusChanged(order, now);
        }
        OrderStatus target = adoptable(order.status(), broker.status());
        if (target != null) {
            order = order.transitionTo(target, now, broker.statusReason());
            journal.statusChanged(order, now);
        }
        return order;
    }

    /** The broker status the engine should move to, or {@code null} to stay. */
    private static OrderStatus adoptable(OrderStatus local, OrderStatus broker) {
        OrderStatus target = broker;
        if (target == OrderStatus.SUBMITTED || target == OrderStatus.NEW) {
            // the broker has it but has not acknowledged it yet: for an ambiguous order that is proof it arrived
            target = local == OrderStatus.UNKNOWN ? OrderStatus.ACCEPTED : local;
        }
        if (FILL_STATUSES.contains(target) || target == local || !local.canTransitionTo(target)) {
            return null;
        }
        return target;
    }

    /** The broker fills not yet reflected in {@code order.filledQuantity()}. */
    static List<Fill> unapplied(Order order, List<Fill> remoteFills) {
        BigDecimal applied = order.filledQuantity();
        BigDecimal seen = BigDecimal.ZERO;
        int i = 0;
        while (i < remoteFills.size() && seen.compareTo(applied) < 0) {
            seen = seen.add(remoteFills.get(i).quantity());
            i++;
        }
        if (seen.compareTo(applied) != 0) {
            throw new IllegalStateException("order " + order.clientOrderId() + ": broker fills total " + seen
                    + " where the engine applied " + applied + "; reconcile before trading");
        }
        return remoteFills.subList(i, remoteFills.size());
    }
}
