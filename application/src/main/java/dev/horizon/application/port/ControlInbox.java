package dev.horizon.application.port;

import java.util.List;

/**
 * Where operator commands wait for the running engine: the CLI or the admin endpoint posts; the
 * engine reads the {@link #pending()} commands at the start of a cycle, applies them in order, and
 * {@link #acknowledge acknowledges} them only once the cycle's state is saved — so a crash in
 * between applies them again on restart instead of losing them. (Every command is idempotent: a
 * second pause, kill or reset changes nothing.) A command posted while no engine runs is applied
 * by the next one to start.
 *
 * <p>Implementations are safe to post to from another thread or process while the engine reads.
 */
public interface ControlInbox {

    /** Queues {@code command} durably. */
    void post(ControlCommand command);

    /** Every queued command, oldest first, without removing any; empty when none. */
    List<ControlCommand> pending();

    /** Removes the first {@code count} commands {@link #pending()} returned (they were applied and saved). */
    void acknowledge(int count);

    /** Removes and returns every queued command: {@link #pending()} then {@link #acknowledge}. */
    default List<ControlCommand> drain() {
        List<ControlCommand> commands = pending();
        acknowledge(commands.size());
        return commands;
    }

    /** An inbox that never holds anything (backtests). */
    static ControlInbox none() {
        return new ControlInbox() {
            @Override
            public void post(ControlCommand command) {
                throw new UnsupportedOperationException("this engine takes no operator commands");
            }

            @Override
            public List<ControlCommand> pending() {
                return List.of();
            }

            @Override
            public void acknowledge(int count) {
                if (count != 0) {
                    throw new IllegalArgumentException("nothing to acknowledge");
                }
            }
        };
    }
}
