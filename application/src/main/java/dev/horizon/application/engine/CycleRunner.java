package dev.horizon.application.engine;

import java.time.Instant;
import java.util.Optional;

/** Runs one cycle at one bar close; empty when it decided not to run (e.g. the bar was already traded). */
@FunctionalInterface
public interface CycleRunner {
    Optional<CycleResult> runCycle(Instant barClose);
}
