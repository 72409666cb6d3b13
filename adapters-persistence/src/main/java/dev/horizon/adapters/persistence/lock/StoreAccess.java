package dev.horizon.adapters.persistence.lock;

/**
 * Whether a state store is open and whether it may write, shared by the store adapters: a store
 * opened for an engine holds a {@link StateLock}; a read-only view holds none and refuses writes.
 * Not thread-safe: the store's own synchronisation guards it.
 */
public final class StoreAccess {

    /** What a message calls the store's location, e.g. {@code state database /var/state.db}. */
    private final String location;
    /** Null for a read-only view. */
    private final StateLock lock;
    private boolean closed;

    /**
     * @param location what messages call the store, e.g. {@code "state database " + file}
     * @param lock     the engine's lock, or null for a read-only view
     */
    public StoreAccess(String location, StateLock lock) {
        this.location = location;
        this.lock = lock;
    }

    /** Whether this store may write (it holds the lock). */
    public boolean writable() {
        return lock != null;
    }

    /** @throws IllegalStateException once the store is closed */
    public void ensureOpen(Object store) {
        if (closed) {
            throw new IllegalStateException("state store " + store + " is closed");
        }
    }

    /** @throws UnsupportedOperationException naming {@code action} for a read-only view */
    public void ensureWritable(String action) {
        if (lock == null) {
            throw new UnsupportedOperationException("read-only view of " + location + ": cannot " + action
                    + "; only the engine that holds the store writes to it");
        }
    }

    /**
     * Closes the store once: runs {@code release} (its files, its connection), then releases the
     * lock even if {@code release} failed. Later calls do nothing.
     */
    public void close(Runnable release) {
        if (closed) {
            return;
        }
        closed = true;
        try {
            release.run();
        } finally {
            if (lock != null) {
                lock.close();
            }
        }
    }
}
