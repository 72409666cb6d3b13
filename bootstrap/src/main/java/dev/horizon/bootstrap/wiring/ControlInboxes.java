package dev.horizon.bootstrap.wiring;

import dev.horizon.application.port.ControlInbox;
import dev.horizon.bootstrap.spi.StateStoreFactory;

/** The operator inbox of the engine whose state a factory opens: commands queued beside the state. */
public final class ControlInboxes {

    private ControlInboxes() {
    }

    /** The inbox beside {@code state}'s location. */
    public static ControlInbox beside(StateStoreFactory state) {
        return ControlInbox.none();
    }

    /** Whether commands can be queued for a running engine. */
    public static boolean available() {
        return false;
    }
}
