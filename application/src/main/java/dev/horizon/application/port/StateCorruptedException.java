package dev.horizon.application.port;

/**
 * Saved state exists but no valid copy of it remains (every file corrupt or truncated). The
 * engine refuses to start rather than start flat: the message names the location and says how to
 * recover (restore a backup, or start afresh deliberately by moving the state away).
 */
public class StateCorruptedException extends StateStoreException {

    private static final long serialVersionUID = 1L;

    public StateCorruptedException(String message) {
        super(message);
    }
}
