package dev.horizon.bootstrap.spi;

import dev.horizon.application.port.ControlInbox;
import dev.horizon.application.port.StateStore;
import java.nio.file.Path;

/** Opens the configured state store: exclusively for an engine, or read-only for {@code status}. */
public interface StateStoreFactory {

    /**
     * Opens the store and takes its single-engine lock.
     *
     * @throws dev.horizon.application.port.StateLockedException naming the holder's pid
     */
    StateStore open();

    /** Opens the store for reading while an engine may hold the lock; writes are refused. */
    StateStore openReadOnly();

    /** The state location (a database file or a directory): operator commands are queued beside it. */
    Path location();

    /** Whether any state was ever written there. */
    boolean exists();

    /**
     * Where operator commands for the engine on this state wait (the CLI's pause, kill... post
     * here while the engine runs; the engine reads it every cycle). Usually a file beside the state.
     */
    ControlInbox controlInbox();
}
