package dev.horizon.domain.state;

import dev.horizon.domain.market.Symbol;
import dev.horizon.domain.order.ClientOrderId;
import dev.horizon.domain.order.Fill;
import dev.horizon.domain.order.Order;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
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
 * @param lastCycleTime     close time of the last completed cycle, {@code null} before the first
 * @param sessionDay        the session day of the last cycle, {@code null} before the first
 * @param startOfDayValue   portfolio value at the first cycle of {@code sessionDay}, or {@code null}
 * @param highWaterMark     highest portfolio value seen, or {@code null} before the first cycle
 * @param openOrders        orders not yet in a terminal status, by client order id
 */
public record EngineState(long cycleSeq, Instant lastCycleTime, BigDecimal cash,
                          SortedMap<Symbol, PositionState> positions, LocalDate sessionDay,
                          BigDecimal startOfDayValue, BigDecimal highWaterMark,
                          KillSwitchState killSwitch, boolean paused,
                          SortedMap<ClientOrderId, Order> openOrders) {

    public EngineState {
        Objects.requireNonNull(cash, "cash");
        Objects.requireNonNull(killSwitch, "killSwitch");
        if (cycleSeq < 0) {
            throw new IllegalArgumentException("cycle sequence must be >= 0, was " + cycleSeq);
        }
        positions = immutableSorted(positions, null);
        openOrders = immutableSorted(openOrders, java.util.Comparator.comparing(ClientOrderId::value));
        positions.values().forEach(p -> {
            if (p.isFlat()) {
                throw new IllegalArgumentException("flat position in " + p.symbol() + " must not be stored");
            }
        });
        openOrders.values().forEach(o -> {
            if (o.status().isTerminal()) {
                throw new IllegalArgumentException("order " + o.clientOrderId() + " is " + o.status()
                        + " and cannot be open");
            }
        });
    }

    /** A fresh engine holding {@code cash} and nothing else. */
    public static EngineState initial(BigDecimal cash) {
        return new EngineState(0, null, cash, null, null, null, null, KillSwitchState.inactive(), false, null);
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
        return new EngineState(cycleSeq, lastCycleTime, cash.add(fill.cashDelta()), next, sessionDay,
                startOfDayValue, highWaterMark, killSwitch, paused, openOrders);
    }

    /** Stores {@code order} as open, or removes it once terminal. */
    public EngineState withOrder(Order order) {
        TreeMap<ClientOrderId, Order> next = new TreeMap<>(openOrders);
        if (order.status().isTerminal()) {
            next.remove(order.clientOrderId());
        } else {
            next.put(order.clientOrderId(), order);
        }
        return new EngineState(cycleSeq, lastCycleTime, cash, positions, sessionDay, startOfDayValue,
                highWaterMark, killSwitch, paused, next);
    }

    public EngineState withCycle(long seq, Instant time) {
        return new EngineState(seq, time, cash, positions, sessionDay, startOfDayValue, highWaterMark,
                killSwitch, paused, openOrders);
    }

    public EngineState withSession(LocalDate day, BigDecimal startValue, BigDecimal hwm) {
        return new EngineState(cycleSeq, lastCycleTime, cash, positions, day, startValue, hwm, killSwitch,
                paused, openOrders);
    }

    public EngineState withKillSwitch(KillSwitchState state) {
        return new EngineState(cycleSeq, lastCycleTime, cash, positions, sessionDay, startOfDayValue,
                highWaterMark, state, paused, openOrders);
    }

    public EngineState withPaused(boolean value) {
        return new EngineState(cycleSeq, lastCycleTime, cash, positions, sessionDay, startOfDayValue,
                highWaterMark, killSwitch, value, openOrders);
    }

    /** Replaces the ledger, e.g. when reconciliation adopts the broker's view. */
    public EngineState withLedger(BigDecimal newCash, Map<Symbol, PositionState> newPositions) {
        return new EngineState(cycleSeq, lastCycleTime, newCash, new TreeMap<>(newPositions), sessionDay,
                startOfDayValue, highWaterMark, killSwitch, paused, openOrders);
    }

    private static <K, V> SortedMap<K, V> immutableSorted(Map<K, V> source, java.util.Comparator<K> order) {
        TreeMap<K, V> copy = new TreeMap<>(order);
        if (source != null) {
            copy.putAll(source);
        }
        return Collections.unmodifiableSortedMap(copy);
    }
}
