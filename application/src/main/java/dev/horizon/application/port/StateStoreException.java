package dev.horizon.application.port;

/**
 * The state store could not read or write (disk full, I/O error). A failed write leaves the
 * previous state intact; the engine stops rather than trade on state it could not persist.
 * The message names the file or database.
 */
public class StateStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StateStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StateStoreException(String message) {
        super(message, null);
    }
}
