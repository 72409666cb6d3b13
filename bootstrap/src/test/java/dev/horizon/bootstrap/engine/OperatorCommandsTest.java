package dev.horizon.bootstrap.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.horizon.application.port.ControlCommand;
import dev.horizon.domain.journal.JournalEntry;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commands posted to the file inbox reach the engine, and a crash before the cycle is saved loses none. */
class OperatorCommandsTest {

    @TempDir
    Path dir;

    @Test
    void a_command_applied_by_a_cycle_that_crashed_before_saving_is_applied_again_after_restart() {
        Instant crashedAt;
        try (EngineHarness h = new EngineHarness(dir, EngineHarness.Options.of(Scripts.returnModels(Scripts.RISING))
                .fileInbox()
                .store(s -> new CrashingStore(s, e -> false,
                        entries -> entries.stream().anyMatch(e -> e instanceof JournalEntry.DecisionRecorded))))) {
            h.engine.start();
            h.inbox.post(new ControlCommand.Pause());
            assertThatThrownBy(() -> h.run(1)).isInstanceOf(Crash.class);
            crashedAt = h.clock.now();
        }
        try (EngineHarness h = new EngineHarness(dir, EngineHarness.Options.of(Scripts.returnModels(Scripts.RISING))
                .fileInbox().start(crashedAt))) {
            h.engine.start();
            assertThat(h.engine.state().paused()).isFalse();
            h.run(1);
            assertThat(h.engine.state().paused()).isTrue();
            assertThat(h.inbox.pending()).isEmpty();
            assertThat(h.store.load().orElseThrow().state().paused()).isTrue();
        }
    }
}
