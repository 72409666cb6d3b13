package dev.horizon.domain.risk;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The persisted state of an {@link OrderThrottle}.
 *
 * @param lastOrderBySymbol the time of each symbol's last order still inside its cooldown, by
 *                          symbol, sorted
 * @param recentOrders      the times of the orders of the last minute, oldest first
 */
public record OrderThrottleSnapshot(Map<String, Instant> lastOrderBySymbol, List<Instant> recentOrders) {

    public OrderThrottleSnapshot {
        lastOrderBySymbol = Collections.unmodifiableMap(
                new TreeMap<>(Objects.requireNonNull(lastOrderBySymbol, "lastOrderBySymbol")));
        recentOrders = List.copyOf(recentOrders);
    }

    /** No orders remembered. */
    public static OrderThrottleSnapshot empty() {
        return new OrderThrottleSnapshot(Map.of(), List.of());
    }
}
