package dev.horizon.bootstrap.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.horizon.application.daemon.EngineDaemon;
import dev.horizon.domain.market.Bar;
import dev.horizon.domain.market.Symbol;
import dev.horizon.domain.snapshot.LearnedState;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A planned stop of the daemon keeps every learned statistic: with 151 symbols the engine
 * checkpoints its statistics only every few cycles, so without the stop's checkpoint a restart
 * would lose the cycles since the last one.
 */
class EngineDaemonCheckpointTest {

    private static final int EXTRA_SYMBOLS = 150;
    private static final int CYCLES = 40;

    @TempDir
    Path dir;

    /** BTC's bars under other names, from a day and a half before the held-out days on. */
    private static Map<Symbol, List<Bar>> copiesOfBitcoin() {
        Instant from = EngineHarness.HELD_OUT.minus(Duration.ofMinutes(1600));
        Instant to = EngineHarness.HELD_OUT.plus(Duration.ofMinutes(CYCLES + 20));
        Map<Symbol, List<Bar>> bars = new LinkedHashMap<>();
        for (int i = 0; i < EXTRA_SYMBOLS; i++) {
            Symbol symbol = Symbol.of(String.format("X%03d", i));
            List<Bar> copy = new ArrayList<>();
            for (Bar b : EngineHarness.BITCOIN) {
                if (!b.closeTime().isBefore(from) && !b.closeTime().isAfter(to)) {
                    copy.add(new Bar(symbol, b.closeTime(), b.open(), b.high(), b.low(), b.close(), b.volume()));
                }
            }
            bars.put(symbol, copy);
        }
        return bars;
    }

    @Test
    void a_stopped_daemon_saves_every_statistic_and_a_restart_restores_them_equal() {
        EngineHarness.Options options = EngineHarness.Options.of(Scripts.returnModels(Scripts.RISING))
                .extraBars(copiesOfBitcoin());
        LearnedState beforeStop;
        LearnedState live;
        try (EngineHarness first = new EngineHarness(dir, options)) {
            first.engine.start();
            AtomicReference<EngineDaemon> daemon = new AtomicReference<>();
            AtomicReference<LearnedState> savedAtLastCycle = new AtomicReference<>();
            AtomicInteger cycles = new AtomicInteger();
            daemon.set(new EngineDaemon(first.clock, first.engine, Duration.ofMinutes(1), Duration.ZERO, true, r -> {
                if (cycles.incrementAndGet() == CYCLES) {
                    savedAtLastCycle.set(first.store.load().orElseThrow().learned());
                    daemon.get().requestStop();
                }
            }));

            assertThat(daemon.get().run()).isEqualTo(CYCLES);

            beforeStop = first.store.load().orElseThrow().learned();
            live = first.engine.saveCheckpoint().learned(); // afresh; nothing ran since the stop
            assertThat(beforeStop).isEqualTo(live);
            // The test means something: the last cycle's save held an older checkpoint.
            assertThat(savedAtLastCycle.get().prediction()).isNotEqualTo(live.prediction());
        }
        assertThat(live.prediction().models().values()).allSatisfy(m -> assertThat(m.ic().size()).isPositive());

        try (EngineHarness restarted = new EngineHarness(dir, options)) {
            restarted.engine.start();
            LearnedState restored = restarted.engine.saveCheckpoint().learned();

            assertThat(restored.prediction()).isEqualTo(live.prediction());
            assertThat(restored.blending()).isEqualTo(live.blending());
            assertThat(restored.sizing()).isEqualTo(live.sizing());
        }
    }
}
