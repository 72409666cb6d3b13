package dev.horizon.domain.blending;

import dev.horizon.domain.market.Horizon;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The blending temperature per horizon {@code [blending.temperature]}, keyed by horizon length in
 * minutes (so {@code 1h} and {@code 60m} share one entry); horizons not listed get
 * {@code otherwise}.
 *
 * @param byMinutes temperature per horizon length in minutes, each finite
 * @param otherwise temperature for every other horizon, finite
 */
public record TemperatureSchedule(SortedMap<Integer, Double> byMinutes, double otherwise) {

    public TemperatureSchedule {
        Objects.requireNonNull(byMinutes, "byMinutes");
        TreeMap<Integer, Double> copy = new TreeMap<>();
        for (Map.Entry<Integer, Double> e : byMinutes.entrySet()) {
            Integer minutes = Objects.requireNonNull(e.getKey(), "horizon minutes");
            Double t = Objects.requireNonNull(e.getValue(), "temperature");
            if (!Double.isFinite(t)) {
                throw new IllegalArgumentException("blending.temperature for the " + minutes
                        + "-minute horizon must be a finite number, was " + t);
            }
            copy.put(minutes, t);
        }
        if (!Double.isFinite(otherwise)) {
            throw new IllegalArgumentException("blending.temperature default must be a finite number, was " + otherwise);
        }
        byMinutes = Collections.unmodifiableSortedMap(copy);
    }

    /** The defaults: 5m 0.75, 10m 0.85, 15m 0.90, every other horizon 1.0 (no compression). */
    public static TemperatureSchedule defaults() {
        return new TemperatureSchedule(new TreeMap<>(Map.of(5, 0.75, 10, 0.85, 15, 0.90)), 1.0);
    }

    /** The temperature of {@code horizon}. */
    public double temperatureFor(Horizon horizon) {
        Double t = byMinutes.get(horizon.minutes());
        return t != null ? t : otherwise;
    }
}
