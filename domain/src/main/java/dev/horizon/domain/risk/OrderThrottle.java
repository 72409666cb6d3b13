package dev.horizon.domain.risk;

import dev.horizon.domain.market.Symbol;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The order-rate memory of the guardrails: each symbol's last order time (for the cooldown) and
 * the times of the orders of the last minute (for the per-minute limit).
 *
 * <p>Bounded: {@link #prune(Instant)} forgets what can no longer block anything — last-order times
 * older than the cooldown and order times older than a minute — and the guardrails never admit more
 * than {@code max_orders_per_minute} orders into the window. The per-minute window at time t is
 * (t − 60 s, t]; the cooldown blocks while t − last &lt; cooldown.
 *
 * <p>Not thread-safe; one engine cycle at a time.
 */
public final class OrderThrottle {

    /** Length of the per-minute window. */
    public static final Duration MINUTE = Duration.ofMinutes(1);

    private final Duration cooldown;
    private final Map<Symbol, Instant> lastOrder = new TreeMap<>();
    private final Deque<Instant> recent = new ArrayDeque<>();

    /** A throttle that remembers nothing yet. */
    public OrderThrottle(Duration cooldown) {
        this.cooldown = Objects.requireNonNull(cooldown, "cooldown");
    }

    /** A throttle per {@code limits} holding the snapshot's memory. */
    public static OrderThrottle restore(RiskLimits limits, OrderThrottleSnapshot snapshot) {
        OrderThrottle throttle = new OrderThrottle(Duration.ofSeconds(limits.cooldownSeconds()));
        snapshot.lastOrderBySymbol().forEach((symbol, time) -> throttle.lastOrder.put(new Symbol(symbol), time));
        snapshot.recentOrders().stream().sorted().forEach(throttle.recent::addLast);
        return throttle;
    }

    /** Forgets the orders that can no longer block anything at {@code now}. */
    public void prune(Instant now) {
        Instant minuteAgo = now.minus(MINUTE);
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(minuteAgo)) {
            recent.removeFirst();
        }
        lastOrder.values().removeIf(t -> !Duration.between(t, now).minus(cooldown).isNegative());
    }

    /** Time since {@code symbol}'s last order if it is still cooling down at {@code now}, else {@code null}. */
    public Duration coolingDown(Symbol symbol, Instant now) {
        Instant last = lastOrder.get(symbol);
        if (last == null) {
            return null;
        }
        Duration since = Duration.between(last, now);
        return since.compareTo(cooldown) < 0 ? since : null;
    }

    /** Orders in the window (now − 60 s, now]. */
    public int ordersInLastMinute(Instant now) {
        Instant minuteAgo = now.minus(MINUTE);
        int n = 0;
        for (Instant t : recent) {
            if (t.isAfter(minuteAgo) && !t.isAfter(now)) {
                n++;
            }
        }
        return n;
    }

    /** Remembers an order in {@code symbol} at {@code at}. */
    public void record(Symbol symbol, Instant at) {
        lastOrder.put(symbol, at);
        if (recent.isEmpty() || !recent.peekLast().isAfter(at)) {
            recent.addLast(at);
        } else {
            ArrayList<Instant> all = new ArrayList<>(recent);
            all.add(at);
            all.sort(null);
            recent.clear();
            recent.addAll(all);
        }
    }

    /** The memory, to persist between cycles. */
    public OrderThrottleSnapshot snapshot() {
        Map<String, Instant> last = new TreeMap<>();
        lastOrder.forEach((symbol, time) -> last.put(symbol.value(), time));
        return new OrderThrottleSnapshot(last, new ArrayList<>(recent));
    }
}
