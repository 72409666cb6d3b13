package dev.horizon.bootstrap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.horizon.bootstrap.observability.CircuitBreakerMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The circuit breakers of a running engine's remote adapters, as of its last cycle, in a small
 * JSON file beside the state, so {@code horizon status} (another process) can show them. Written
 * by the engine after every cycle, replaced atomically; it holds no credentials (the adapters'
 * failure lines are already redacted).
 *
 * <p>Beside a database file {@code L}: {@code L.health.json}; inside a state directory:
 * {@code health.json}.
 */
final class AdapterHealthFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One adapter's breaker: its name ({@code alpaca}) and the reading. */
    record Entry(String adapter, CircuitBreakerMetrics.Health health) {
    }

    /**
     * What the file holds.
     *
     * @param cycle         the engine's cycle when it was written
     * @param lastCycleTime that cycle's bar close, or {@code null} before the first
     * @param components    {@code broker} / {@code market_data} → entry
     */
    record Saved(long cycle, Instant lastCycleTime, Map<String, Entry> components) {
    }

    private AdapterHealthFile() {
    }

    /** Where the file of the state at {@code stateLocation} lives. */
    static Path beside(Path stateLocation) {
        return Files.isDirectory(stateLocation) ? stateLocation.resolve("health.json")
                : stateLocation.resolveSibling(stateLocation.getFileName() + ".health.json");
    }

    /** Replaces {@code file} with the given readings. */
    static void write(Path file, long cycle, Instant lastCycleTime, Map<String, Entry> components) {
        ObjectNode root = JSON.createObjectNode();
        root.put("cycle", cycle);
        root.put("last_cycle_time", lastCycleTime == null ? null : lastCycleTime.toString());
        components.forEach((component, entry) -> {
            CircuitBreakerMetrics.Health h = entry.health();
            ObjectNode n = root.putObject(component);
            n.put("adapter", entry.adapter());
            n.put("state", h.state());
            n.put("failure_rate_percent", h.failureRatePercent());
            n.put("buffered_calls", h.bufferedCalls());
            n.put("refused_calls", h.refusedCalls());
            n.put("retries", h.retries());
            n.put("rate_limited", h.rateLimited());
            n.put("rate_limit_refusals", h.rateLimitRefusals());
            n.put("last_failure", h.lastFailure());
        });
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.writeString(temp, root.toString(), StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The file's readings; empty when there is none or it cannot be read (status must not fail on it). */
    static Optional<Saved> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            Map<String, Entry> components = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode n = field.getValue();
                if (!n.isObject()) {
                    continue;
                }
                components.put(field.getKey(), new Entry(n.path("adapter").asText("?"), new CircuitBreakerMetrics.Health(
                        n.path("state").asText("?"), n.path("failure_rate_percent").asDouble(-1),
                        n.path("buffered_calls").asInt(), n.path("refused_calls").asLong(), n.path("retries").asLong(),
                        n.path("rate_limited").asLong(), n.path("rate_limit_refusals").asLong(),
                        n.path("last_failure").asText("none"))));
            }
            String time = root.path("last_cycle_time").isTextual() ? root.get("last_cycle_time").asText() : null;
            return Optional.of(new Saved(root.path("cycle").asLong(), time == null ? null : Instant.parse(time),
                    components));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
