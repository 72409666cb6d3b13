package dev.horizon.application.port;

/**
 * Another engine holds the exclusive lock on the state location. The message names the location
 * and, where known, the process holding it.
 */
public class StateLockedException extends StateStoreException {

    private static final long serialVersionUID = 1L;

    public StateLockedException(String message) {
        super(message);
    }
}
