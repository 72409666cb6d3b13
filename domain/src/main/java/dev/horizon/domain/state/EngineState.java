package dev.horizon.domain.state;

import dev.horizon.domain.market.Symbol;
import dev.horizon.domain.order.ClientOrderId;
import dev.horizon.domain.order.Fill;
import dev.horizon.domain.order.Order;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything the engine must remember across restarts, as one immutable value: the ledger
 * (cash, positions), the cycle counter, session bookkeeping (session day, portfolio value at its
 * start, high-water mark), the kill switch and pause flag, and the orders not yet terminal.
 *
 * <p>Money is exact. Maps are sorted so that a snapshot serialises the same way every time.
 *
 * @param cycleSeq          the sequence number of the last cycle started (persisted before any
 *                          of its orders is sent, so client order ids are never reused)
 * @param completedCycleSeq the last cycle whose effects this snapshot fully holds; less than
 *                          {@code cycleSeq} when the process died inside cycle {@code cycleSeq},
 *                          whose orders recovery must then resolve at the broker
 * @param lastCycleTime     close time of the bar of the last cycle started, {@code null} before the first
 * @param portfolioValue    cash + positions at their mark prices, as of the last cycle
 * @param sessionDay        the session day of the last cycle, {@code null} before the first
 * @param startOfDayValue   portfolio value at the first cycle of {@code sessionDay}, or {@code null}
 * @param highWaterMark     highest portfolio value seen, or {@code null} before the first cycle
 * @param openOrders        orders not yet in a terminal status, by client order id
 */
public record EngineState(long cycleSeq, long completedCycleSeq, Instant lastCycleTime, BigDecimal cash,
                          SortedMap<Symbol, PositionState> positions, BigDecimal portfolioValue,
                          LocalDate sessionDay, BigDecimal startOfDayValue, BigDecimal highWaterMark,
                          KillSwitchState killSwitch, boolean paused,
                          SortedMap<ClientOrderId, Order> openOrders) {

    private static final Comparator<ClientOrderId> BY_ID = Comparator.comparing(ClientOrderId::value);

    public EngineState {
        Objects.requireNonNull(cash, "cash");
        Objects.requireNonNull(portfolioValue, "portfolioValue");
        Objects.requireNonNull(killSwitch, "killSwitch");
        if (cycleSeq < 0) {
            throw new IllegalArgumentException("cycle sequence must be >= 0, was " + cycleSeq);
        }
        if (completedCycleSeq < 0 || completedCycleSeq > cycleSeq) {
            throw new IllegalArgumentException("completed cycle " + completedCycleSeq + " outside [0, " + cycleSeq + "]");
        }
        positions = immutableSorted(positions, null);
        openOrders = immutableSorted(openOrders, BY_ID);
        for (PositionState p : positions.values()) {
            if (p.isFlat()) {
                throw new IllegalArgumentException("flat position in " + p.symbol() + " must not be stored");
            }
        }
        for (Order o : openOrders.values()) {
            if (o.status().isTerminal()) {
                throw new IllegalArgumentException("order " + o.clientOrderId() + " is " + o.status()
                        + " and cannot be open");
            }
        }
    }

    /** A fresh engine holding {@code cash} and nothing else. */
    public static EngineState initial(BigDecimal cash) {
        return new EngineState(0, 0, null, cash, null, cash, null, null, null, KillSwitchState.inactive(), false, null);
    }

    /** True when the process died inside cycle {@link #cycleSeq()} (its orders need resolving). */
    public boolean hasUnfinishedCycle() {
        return completedCycleSeq < cycleSeq;
    }

    /** The position in {@code symbol}, flat when none is held. */
    public PositionState position(Symbol symbol) {
        PositionState p = positions.get(symbol);
        return p != null ? p : PositionState.flat(symbol);
    }

    /** Cash and the position after {@code fill}, fees included. */
    public EngineState applyFill(Fill fill) {
        TreeMap<Symbol, PositionState> next = new TreeMap<>(positions);
        PositionState after = position(fill.symbol()).apply(fill);
        if (after.isFlat()) {
            next.remove(fill.symbol());
        } else {
            next.put(fill.symbol(), after);
        }
        return toBuilder().cash(cash.add(fill.cashDelta())).positions(next).build();
    }

    /** Stores {@code order} as open, or removes it once terminal. */
    public EngineState withOrder(Order order) {
        TreeMap<ClientOrderId, Order> next = new TreeMap<>(openOrders);
        if (order.status().isTerminal()) {
            next.remove(order.clientOrderId());
        } else {
            next.put(order.clientOrderId(), order);
        }
        return toBuilder().openOrders(next).build();
    }

    /** A builder holding this state's values, to derive a changed copy. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    private static <K, V> SortedMap<K, V> immutableSorted(Map<K, V> source, Comparator<K> order) {
        TreeMap<K, V> copy = new TreeMap<>(order);
        if (source != null) {
            copy.putAll(source);
        }
        return Collections.unmodifiableSortedMap(copy);
    }

    /** Derives a changed copy of an {@link EngineState}; validation happens in {@link #build()}. */
    public static final class Builder {
        private long cycleSeq;
        private long completedCycleSeq;
        private Instant lastCycleTime;
        private BigDecimal cash;
        private Map<Symbol, PositionState> positions;
        private BigDecimal portfolioValue;
        private LocalDate sessionDay;
        private BigDecimal startOfDayValue;
        private BigDecimal highWaterMark;
        private KillSwitchState killSwitch;
        private boolean paused;
        private Map<ClientOrderId, Order> openOrders;

        private Builder(EngineState s) {
            cycleSeq = s.cycleSeq;
            completedCycleSeq = s.completedCycleSeq;
            lastCycleTime = s.lastCycleTime;
            cash = s.cash;
            positions = s.positions;
            portfolioValue = s.portfolioValue;
            sessionDay = s.sessionDay;
            startOfDayValue = s.startOfDayValue;
            highWaterMark = s.highWaterMark;
            killSwitch = s.killSwitch;
            paused = s.paused;
            openOrders = s.openOrders;
        }

        /**
         * Marks cycle {@code seq} for the bar closing at {@code barTime} as started: its orders
         * will carry this sequence number, and that bar will not be traded again.
         */
        public Builder startCycle(long seq, Instant barTime) {
            cycleSeq = seq;
            lastCycleTime = barTime;
            return this;
        }

        /** Marks the started cycle as completed: this state holds all of its effects. */
        public Builder completeCycle() {
            completedCycleSeq = cycleSeq;
            return this;
        }

        public Builder cash(BigDecimal value) {
            cash = value;
            return this;
        }

        public Builder positions(Map<Symbol, PositionState> value) {
            positions = value;
            return this;
        }

        public Builder portfolioValue(BigDecimal value) {
            portfolioValue = value;
            return this;
        }

        public Builder session(LocalDate day, BigDecimal startValue) {
            sessionDay = day;
            startOfDayValue = startValue;
            return this;
        }

        public Builder highWaterMark(BigDecimal value) {
            highWaterMark = value;
            return this;
        }

        public Builder killSwitch(KillSwitchState value) {
            killSwitch = value;
            return this;
        }

        public Builder paused(boolean value) {
            paused = value;
            return this;
        }

        public Builder openOrders(Map<ClientOrderId, Order> value) {
            openOrders = value;
            return this;
        }

        public EngineState build() {
            return new EngineState(cycleSeq, completedCycleSeq, lastCycleTime, cash, new TreeMap<>(positions), portfolioValue,
                    sessionDay, startOfDayValue, highWaterMark, killSwitch, paused, copyOrders(openOrders));
        }

        private static SortedMap<ClientOrderId, Order> copyOrders(Map<ClientOrderId, Order> orders) {
            TreeMap<ClientOrderId, Order> copy = new TreeMap<>(BY_ID);
            copy.putAll(orders);
            return copy;
        }
    }
}
