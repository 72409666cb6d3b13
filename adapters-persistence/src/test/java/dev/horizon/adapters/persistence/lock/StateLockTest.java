package dev.horizon.adapters.persistence.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.horizon.application.port.StateLockedException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateLockTest {

    @TempDir
    Path dir;

    private final String ownPid = String.valueOf(ProcessHandle.current().pid());

    @Test
    void the_lock_file_holds_the_owner_pid_while_locked_and_is_emptied_on_release() throws Exception {
        Path file = dir.resolve("nested").resolve("x.lock");

        StateLock lock = StateLock.acquire(file, dir);

        assertThat(Files.readString(file)).isEqualTo(ownPid + "\n");
        lock.close();
        assertThat(Files.readString(file)).isEmpty();
    }

    @Test
    void a_lock_file_left_by_a_dead_process_does_not_block() throws Exception {
        Path file = dir.resolve("x.lock");
        Files.writeString(file, "999999999\n");

        try (StateLock lock = StateLock.acquire(file, dir)) {
            assertThat(Files.readString(lock.file())).isEqualTo(ownPid + "\n");
        }
    }

    @Test
    void a_second_acquire_in_this_process_is_refused_without_touching_the_held_lock() throws Exception {
        Path file = dir.resolve("x.lock");
        try (StateLock held = StateLock.acquire(file, dir)) {
            assertThatThrownBy(() -> StateLock.acquire(file, dir))
                    .isInstanceOf(StateLockedException.class)
                    .hasMessage("state at " + dir + " is in use by another engine (pid " + ownPid
                            + ", this process, lock file " + file.toRealPath()
                            + "): stop that engine before starting another on the same state");
            assertThat(Files.readString(held.file())).isEqualTo(ownPid + "\n");
        }
        StateLock.acquire(file, dir).close();
    }

    @Test
    void release_is_idempotent() {
        StateLock lock = StateLock.acquire(dir.resolve("x.lock"), dir);

        lock.close();
        lock.close();

        StateLock.acquire(dir.resolve("x.lock"), dir).close();
    }
}
