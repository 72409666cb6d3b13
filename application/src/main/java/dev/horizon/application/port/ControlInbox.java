package dev.horizon.application.port;

import java.util.List;

/**
 * Where operator commands wait for the running engine: the CLI or the admin endpoint posts, the
 * engine drains once at the start of every cycle and applies the commands in order. A command
 * posted while no engine runs is applied by the next one to start.
 *
 * <p>Implementations are safe to post to from another thread or process while the engine drains.
 */
public interface ControlInbox {

    /** Queues {@code command} durably. */
    void post(ControlCommand command);

    /** Removes and returns every queued command, oldest first; empty when none. */
    List<ControlCommand> drain();

    /** An inbox that never holds anything (backtests). */
    static ControlInbox none() {
        return new ControlInbox() {
            @Override
            public void post(ControlCommand command) {
                throw new UnsupportedOperationException("this engine takes no operator commands");
            }

            @Override
            public List<ControlCommand> drain() {
                return List.of();
            }
        };
    }
}
