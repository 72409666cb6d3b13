package dev.horizon.domain.order;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of an order, as one state machine for every broker.
 *
 * <pre>
 * NEW ──► SUBMITTED ──► ACCEPTED ──► PARTIALLY_FILLED ──► FILLED
 *  │          │             │              │
 *  │          └──► UNKNOWN ─┴──────────────┴──► REJECTED | CANCELED | EXPIRED
 *  └──► UNKNOWN | REJECTED | CANCELED
 * </pre>
 *
 * <ul>
 *   <li>{@code NEW}: the intent is journaled, nothing has been sent yet. It may end
 *       {@code CANCELED} when recovery proves the broker never received it.</li>
 *   <li>{@code UNKNOWN}: a submit whose outcome is ambiguous (timeout, reset, 5xx); it must be
 *       resolved by a client-order-id lookup before anything else is sent for it.</li>
 *   <li>{@code FILLED}, {@code REJECTED}, {@code CANCELED}, {@code EXPIRED} are terminal.</li>
 *   <li>{@code PARTIALLY_FILLED → PARTIALLY_FILLED} is legal: each further partial fill.</li>
 * </ul>
 */
public enum OrderStatus {
    NEW,
    SUBMITTED,
    ACCEPTED,
    PARTIALLY_FILLED,
    FILLED,
    REJECTED,
    CANCELED,
    EXPIRED,
    UNKNOWN;

    private Set<OrderStatus> next;

    static {
        NEW.next = EnumSet.of(SUBMITTED, UNKNOWN, REJECTED, CANCELED);
        SUBMITTED.next = EnumSet.of(ACCEPTED, PARTIALLY_FILLED, FILLED, REJECTED, CANCELED, EXPIRED, UNKNOWN);
        UNKNOWN.next = EnumSet.of(ACCEPTED, PARTIALLY_FILLED, FILLED, REJECTED, CANCELED, EXPIRED);
        ACCEPTED.next = EnumSet.of(PARTIALLY_FILLED, FILLED, REJECTED, CANCELED, EXPIRED);
        PARTIALLY_FILLED.next = EnumSet.of(PARTIALLY_FILLED, FILLED, CANCELED, EXPIRED);
        FILLED.next = EnumSet.noneOf(OrderStatus.class);
        REJECTED.next = EnumSet.noneOf(OrderStatus.class);
        CANCELED.next = EnumSet.noneOf(OrderStatus.class);
        EXPIRED.next = EnumSet.noneOf(OrderStatus.class);
    }

    /** Whether the state machine allows moving from this status to {@code target}. */
    public boolean canTransitionTo(OrderStatus target) {
        return next.contains(target);
    }

    /** True for FILLED, REJECTED, CANCELED and EXPIRED: nothing more can happen to the order. */
    public boolean isTerminal() {
        return next.isEmpty();
    }

    /**
     * True for the statuses recovery must resolve at the broker by client order id:
     * SUBMITTED, ACCEPTED, PARTIALLY_FILLED and UNKNOWN.
     */
    public boolean needsResolution() {
        return this == SUBMITTED || this == ACCEPTED || this == PARTIALLY_FILLED || this == UNKNOWN;
    }
}
